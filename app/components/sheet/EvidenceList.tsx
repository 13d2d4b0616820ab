import { fieldId } from "~/forms/sheet-words";
import { Form } from "@remix-run/react";
import { formatDay } from "~/utils/dates";
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
  if (item.kind === "file" && item.href) {
    return (
      <>
        <strong>{item.title}</strong>:{" "}
        <a href={item.href} download>
          {item.fileName ?? "Download the file"}
        </a>
      </>
    );
  }
  if (item.kind === "measure") {
    return (
      <>
        <strong>{item.title}</strong>: {item.measureValue}
        {item.measureUnit ? ` ${item.measureUnit}` : ""}
        {item.measureDate ? ` (${formatDay(item.measureDate)})` : ""}
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

/** Sharing is the organisation's choice for the item (wherever it is used), even once submitted. */
function ShareForm(props: { item: EvidenceView; organisationPath: string; returnTo: string }) {
  const { item, returnTo } = props;
  return (
    <Form
      method="post"
      action={`${props.organisationPath}/evidence/${item.id}/share`}
      className="app-inline-form"
    >
      <input type="hidden" name="share" value={item.shared ? "no" : "yes"} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <button type="submit" className="app-link-button">
        {item.shared ? "Stop sharing" : "Share as good practice"}
        <span className="nhsuk-u-visually-hidden"> {item.title}</span>
      </button>
    </Form>
  );
}

/** The component's evidence; where it can be changed, each item has its own Remove form. */
export function EvidenceList(props: {
  componentId: string;
  title: string;
  evidence: EvidenceView[];
  editable: boolean;
  /** The sheet's path and this block's anchor, to come back to after sharing. */
  returnTo: string;
  organisationPath: string;
  canShare: boolean;
}) {
  if (!props.evidence.length) return <p className="nhsuk-body">No evidence yet.</p>;
  return (
    <ul className="nhsuk-list nhsuk-list--bullet">
      {props.evidence.map((item) => (
        // The focus lands here after the item is added (ADR 026).
        <li key={item.id} id={fieldId(props.componentId, `evidence-item-${item.id}`)} tabIndex={-1}>
          <EvidenceText item={item} />
          {item.shared ? (
            <strong className="nhsuk-tag nhsuk-tag--green app-tag-inline">Shared</strong>
          ) : null}
          {props.canShare ? (
            <ShareForm
              item={item}
              organisationPath={props.organisationPath}
              returnTo={props.returnTo}
            />
          ) : null}
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
