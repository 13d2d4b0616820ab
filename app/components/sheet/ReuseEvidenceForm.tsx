import { Form } from "@remix-run/react";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { ErrorMessage } from "~/components/forms/ErrorSummary";
import { fieldId } from "~/forms/sheet";

export type LibraryItem = { id: number; kind: string; title: string; fileName: string | null };

/** Puts evidence the organisation already has on this component: no second upload. */
export function ReuseEvidenceForm(props: {
  componentId: string;
  library: LibraryItem[];
  errors?: Record<string, string>;
}) {
  if (!props.library.length) return null;
  const id = fieldId(props.componentId, "reuse-evidenceId");
  const error = props.errors?.evidenceId;
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value="reuseEvidence" />
      <input type="hidden" name="componentId" value={props.componentId} />
      <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
        <label className="nhsuk-label" htmlFor={id}>
          Or use evidence your organisation has already added
        </label>
        <ErrorMessage id={`${id}-error`} message={error} />
        <select
          className={`nhsuk-select${error ? " nhsuk-select--error" : ""}`}
          id={id}
          name="evidenceId"
          defaultValue=""
          aria-describedby={error ? `${id}-error` : undefined}
        >
          <option value="">Select evidence</option>
          {props.library.map((item) => (
            <option key={item.id} value={item.id}>
              {item.title}
              {item.fileName ? ` (${item.fileName})` : ""}
            </option>
          ))}
        </select>
      </div>
      <SubmitButton secondary name="componentId" value={props.componentId}>
        Use this evidence
      </SubmitButton>
    </Form>
  );
}
