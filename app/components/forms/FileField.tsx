import { ErrorMessage } from "./ErrorSummary";

/** An NHS file upload: label, hint and error linked for screen readers. */
export function FileField(props: {
  name: string;
  id?: string;
  label: string;
  hint?: string;
  error?: string;
  accept?: string;
}) {
  const { name, id = name, label, hint, error, accept } = props;
  const describedBy =
    [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      <ErrorMessage id={`${id}-error`} message={error} />
      <input
        className={`nhsuk-file-upload${error ? " nhsuk-file-upload--error" : ""}`}
        id={id}
        name={name}
        type="file"
        accept={accept}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
      />
    </div>
  );
}
