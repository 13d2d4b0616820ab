import type { FieldRegistration } from "./useValidatedForm";
import { describedBy, FormGroup } from "./FormGroup";

/** An NHS file upload: label, hint and error linked for screen readers. */
export function FileField(props: {
  name: string;
  id?: string;
  label: string;
  hint?: string;
  error?: string;
  accept?: string;
  /** With JavaScript, the field as the browser-side check knows it (its name). */
  registration?: FieldRegistration;
}) {
  const { name, id = name, label, hint, error, accept } = props;
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      <input
        className={`nhsuk-file-upload${error ? " nhsuk-file-upload--error" : ""}`}
        id={id}
        name={name}
        type="file"
        accept={accept}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...props.registration}
      />
    </FormGroup>
  );
}
