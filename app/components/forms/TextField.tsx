import type { InputHTMLAttributes } from "react";
import { ErrorMessage } from "./ErrorSummary";

type Props = {
  name: string;
  /** Element id when several forms on a page share field names; defaults to the name. */
  id?: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  width?: 2 | 3 | 4 | 5 | 10 | 20 | 30;
} & Pick<
  InputHTMLAttributes<HTMLInputElement>,
  "type" | "autoComplete" | "inputMode" | "spellCheck" | "required"
>;

/** An NHS text input with its label, hint and error, linked for screen readers. */
export function TextField({ name, id = name, label, hint, error, width, ...input }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const classes = [
    "nhsuk-input",
    error && "nhsuk-input--error",
    width && `nhsuk-input--width-${width}`,
  ];
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="nhsuk-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      <ErrorMessage id={`${id}-error`} message={error} />
      <input
        className={classes.filter(Boolean).join(" ")}
        id={id}
        name={name}
        type="text"
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </div>
  );
}
