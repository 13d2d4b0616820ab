import type { FieldRegistration } from "./useValidatedForm";
import { describedBy, FormGroup } from "./FormGroup";

/** An NHS textarea with its label, hint and error, linked for screen readers. */
export function TextArea(props: {
  name: string;
  id?: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  rows?: number;
  /** With JavaScript, the field as the browser-side check knows it (its name). */
  registration?: FieldRegistration;
}) {
  const { name, id = name, label, hint, error, defaultValue, rows = 4 } = props;
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      <textarea
        className={`nhsuk-textarea${error ? " nhsuk-textarea--error" : ""}`}
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...props.registration}
      />
    </FormGroup>
  );
}
