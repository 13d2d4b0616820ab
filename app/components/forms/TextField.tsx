import type { InputHTMLAttributes } from "react";
import { ErrorMessage } from "./ErrorSummary";

type Props = {
  name: string;
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
export function TextField({ name, label, hint, error, width, ...input }: Props) {
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const classes = [
    "nhsuk-input",
    error && "nhsuk-input--error",
    width && `nhsuk-input--width-${width}`,
  ];
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <label className="nhsuk-label" htmlFor={name}>
        {label}
      </label>
      {hint ? (
        <div className="nhsuk-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      <ErrorMessage id={`${name}-error`} message={error} />
      <input
        className={classes.filter(Boolean).join(" ")}
        id={name}
        name={name}
        type="text"
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </div>
  );
}
