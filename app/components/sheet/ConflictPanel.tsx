import { Form } from "@remix-run/react";
import { fieldId, statusLabels } from "~/forms/sheet-words";
import type { SheetActionData } from "./types";

type Theirs = NonNullable<SheetActionData["conflict"]>;

const label = (status: string | undefined) =>
  status && Object.hasOwn(statusLabels, status)
    ? statusLabels[status as keyof typeof statusLabels]
    : "—";

/**
 * Someone saved this component after it was loaded here. Both versions are
 * shown and nothing is lost: keep theirs (reloading the sheet shows it), or
 * save this person's over it, which posts again against the newer version.
 */
export function ConflictPanel(props: {
  path: string;
  componentId: string;
  theirs: Theirs;
  mine: Record<string, string>;
  /** Keeping theirs also forgets this browser's draft of mine. */
  onKeepTheirs?: () => void;
}) {
  const { componentId, theirs, mine } = props;
  return (
    <div
      className="nhsuk-card nhsuk-card--feature"
      id={fieldId(componentId, "conflict")}
      role="alert"
    >
      <div className="nhsuk-card__content nhsuk-card__content--feature">
        <h4 className="nhsuk-card__heading nhsuk-card__heading--feature nhsuk-heading-s">
          Someone else saved this component while you were editing
        </h4>
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
            Their saved version and yours
          </caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <td className="nhsuk-table__header" />
              <th scope="col" className="nhsuk-table__header">
                Their saved version
              </th>
              <th scope="col" className="nhsuk-table__header">
                What you typed
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            <tr className="nhsuk-table__row">
              <th scope="row" className="nhsuk-table__header">
                Status
              </th>
              <td className="nhsuk-table__cell">{label(theirs.status)}</td>
              <td className="nhsuk-table__cell">{label(mine.status)}</td>
            </tr>
            <tr className="nhsuk-table__row">
              <th scope="row" className="nhsuk-table__header">
                Opportunities for progression
              </th>
              <td className="nhsuk-table__cell">{theirs.opportunities || "None"}</td>
              <td className="nhsuk-table__cell">{mine.opportunities || "None"}</td>
            </tr>
          </tbody>
        </table>
        <p className="nhsuk-body">
          <a href={`${props.path}#${fieldId(componentId, "block")}`} onClick={props.onKeepTheirs}>
            Keep their version
          </a>{" "}
          (your changes to this component are discarded), or save yours over it.
        </p>
        <Form method="post">
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name="componentId" value={componentId} />
          <input type="hidden" name="version" value={theirs.version} />
          {mine.status ? <input type="hidden" name="status" value={mine.status} /> : null}
          <input type="hidden" name="opportunities" value={mine.opportunities ?? ""} />
          {mine.practices !== undefined ? (
            <input type="hidden" name="practices" value={mine.practices} />
          ) : null}
          <button type="submit" className="nhsuk-button nhsuk-button--warning">
            Save mine over theirs
          </button>
        </Form>
      </div>
    </div>
  );
}
