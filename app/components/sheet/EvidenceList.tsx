import { Form } from "@remix-run/react";
import type { EvidenceView } from "./types";

function EvidenceText({ item }: { item: EvidenceView }) {
  if (item.kind === "link" && item.url) {
    // Links are champions' own and unvetted: no referrer, and a new tab is not forced.
    return (
      <a href={item.url} rel="noreferrer noopener">
        {item.title}
      </a>
    );
  }
  if (item.kind === "measure") {
    return (
      <>
        <strong>{item.title}</strong>: {item.measureValue}
        {item.measureUnit ? ` ${item.measureUnit}` : ""}
        {item.measureDate ? ` (${item.measureDate})` : ""}
      </>
    );
  }
  return (
    <>
      <strong>{item.title}</strong>
      {item.body ? <span className="app-wrap-anywhere"> {item.body}</span> : null}
    </>
  );
}

/** The component's evidence; where it can be changed, each item has its own Remove form. */
export function EvidenceList(props: {
  componentId: string;
  title: string;
  evidence: EvidenceView[];
  editable: boolean;
}) {
  if (!props.evidence.length) return <p className="nhsuk-body">No evidence yet.</p>;
  return (
    <ul className="nhsuk-list nhsuk-list--bullet">
      {props.evidence.map((item) => (
        <li key={item.id}>
          <EvidenceText item={item} />
          {props.editable ? (
            <Form method="post" className="app-inline-form">
              <input type="hidden" name="intent" value="removeEvidence" />
              <input type="hidden" name="componentId" value={props.componentId} />
              <input type="hidden" name="evidenceId" value={item.id} />
              <button type="submit" className="app-link-button">
                Remove
                <span className="nhsuk-u-visually-hidden">
                  {" "}
                  {item.title} from {props.title}
                </span>
              </button>
            </Form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
