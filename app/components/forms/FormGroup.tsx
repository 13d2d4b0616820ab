import type { ReactNode } from "react";
import { ErrorMessage } from "./ErrorSummary";

/** The ids a field's aria-describedby names: its hint and its error, when it has them. */
export function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
}

/**
 * An NHS.UK form group around one control: the label, the hint and the error
 * message, in the order the design system puts them. The control itself
 * comes as children and should use `describedBy` for its aria-describedby.
 */
export function FormGroup(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}) {
  const { id, label, hint, error } = props;
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
      {props.children}
    </div>
  );
}
