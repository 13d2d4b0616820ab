import { Form } from "@remix-run/react";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { TextField } from "~/components/forms/TextField";
import { DateInput, typedDate } from "~/components/forms/DateInput";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { useValidatedForm } from "~/components/forms/useValidatedForm";
import { fieldId } from "~/forms/sheet-words";
import { formatDay } from "~/utils/dates";
import type { SheetActionData, SheetData } from "./types";

type Action = SheetData["plan"]["actions"][string][number];

/**
 * The component's actions for progression, so the sheet doubles as an
 * improvement plan: what will be done, by whom, by when. Each is its own
 * small write (add or remove), like evidence.
 */
export function ProgressionActions(props: {
  componentId: string;
  title: string;
  actions: Action[];
  editable: boolean;
  result: SheetActionData | undefined;
}) {
  const { componentId, title, actions, editable, result } = props;
  const id = (field: string) => fieldId(componentId, `action-${field}`);
  const adding = result?.form === "action" ? result : undefined;
  // Checked in the browser with the schema the server uses, fetched when the form is first
  // used (ADR 031); the server checks again.
  const check = useValidatedForm(
    () => import("~/forms/sheet-plan").then((forms) => forms.addActionSchema([componentId])),
    { idFor: id, server: { errors: adding?.errors, values: adding?.values } },
  );
  const removeError = result?.form === "removeAction" ? result.errors.actionId : undefined;
  return (
    <div id={fieldId(componentId, "actions")}>
      <h4 className="nhsuk-heading-xs">Actions for progression</h4>
      {removeError ? <p className="nhsuk-error-message">{removeError}</p> : null}
      {actions.length ? (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
            Actions for progression of {title}
          </caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                Action
              </th>
              <th scope="col" className="nhsuk-table__header">
                Owner
              </th>
              <th scope="col" className="nhsuk-table__header">
                Target date
              </th>
              {editable ? (
                <th scope="col" className="nhsuk-table__header">
                  <span className="nhsuk-u-visually-hidden">Remove</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {actions.map((action) => (
              <tr className="nhsuk-table__row" key={action.id}>
                <td className="nhsuk-table__cell app-wrap-anywhere">{action.description}</td>
                <td className="nhsuk-table__cell">{action.owner ?? "Not named"}</td>
                <td className="nhsuk-table__cell">
                  {action.targetDate ? formatDay(action.targetDate) : "None"}
                </td>
                {editable ? (
                  <td className="nhsuk-table__cell">
                    <Form method="post" className="app-inline-form">
                      <input type="hidden" name="intent" value="removeAction" />
                      <input type="hidden" name="componentId" value={componentId} />
                      <input type="hidden" name="actionId" value={action.id} />
                      <button type="submit" className="app-link-button">
                        Remove
                        <span className="nhsuk-u-visually-hidden">
                          {" "}
                          action {action.description}
                        </span>
                      </button>
                    </Form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="nhsuk-body">No actions yet.</p>
      )}
      {editable ? (
        <details
          className="nhsuk-details"
          open={Object.keys(check.errors).length ? true : undefined}
        >
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">
              Add an action<span className="nhsuk-u-visually-hidden"> to {title}</span>
            </span>
          </summary>
          <div className="nhsuk-details__text">
            <ErrorSummary errors={check.summary} />
            <Form method="post" noValidate onSubmit={check.onSubmit} onFocus={check.prefetch}>
              <input type="hidden" value="addAction" {...check.register("intent")} />
              <input type="hidden" value={componentId} {...check.register("componentId")} />
              <TextField {...check.field("description")} label="Action" />
              <TextField {...check.field("owner")} label="Owner (optional)" width={20} />
              <DateInput
                name="targetDate"
                id={id("targetDate")}
                legend="Target date (optional)"
                hint="For example, 31 3 2027"
                error={check.errors.targetDate}
                value={typedDate(adding?.values, "targetDate")}
              />
              <SubmitButton name="componentId" value={componentId} secondary>
                Add action<span className="nhsuk-u-visually-hidden"> to {title}</span>
              </SubmitButton>
            </Form>
          </div>
        </details>
      ) : null}
    </div>
  );
}
