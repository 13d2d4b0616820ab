import { ErrorMessage } from "./ErrorSummary";

/**
 * The GOV.UK date input: day, month and year as three numeric fields in a
 * fieldset, read on the server by `joinDateParts` (app/forms/fields.ts) into
 * one YYYY-MM-DD that `dateInputSchema` checks. The day field carries the
 * field's id, so the error summary's link lands on it.
 */
export function DateInput(props: {
  name: string;
  /** The day field's id when a page has several forms with this field (defaults to the name). */
  id?: string;
  legend: string;
  hint?: string;
  error?: string;
  /** YYYY-MM-DD, or the parts as typed (a refused post keeps them). */
  value?: string | { day: string; month: string; year: string };
}) {
  const { name, legend, hint, error } = props;
  const base = props.id ?? name;
  const parts =
    typeof props.value === "string"
      ? {
          day: props.value ? String(Number(props.value.slice(8, 10))) : "",
          month: props.value ? String(Number(props.value.slice(5, 7))) : "",
          year: props.value.slice(0, 4),
        }
      : (props.value ?? { day: "", month: "", year: "" });
  const describedBy = [hint && `${base}-hint`, error && `${base}-error`].filter(Boolean).join(" ");
  const field = (part: "day" | "month" | "year", label: string, width: 2 | 4) => (
    <div className="nhsuk-date-input__item">
      <div className="nhsuk-form-group">
        <label
          className="nhsuk-label nhsuk-date-input__label"
          htmlFor={part === "day" ? base : `${base}-${part}`}
        >
          {label}
        </label>
        <input
          className={`nhsuk-input nhsuk-date-input__input nhsuk-input--width-${width}${error ? " nhsuk-input--error" : ""}`}
          id={part === "day" ? base : `${base}-${part}`}
          name={`${name}-${part}`}
          type="text"
          inputMode="numeric"
          defaultValue={parts[part]}
        />
      </div>
    </div>
  );
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <fieldset className="nhsuk-fieldset" role="group" aria-describedby={describedBy || undefined}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        {hint ? (
          <div className="nhsuk-hint" id={`${base}-hint`}>
            {hint}
          </div>
        ) : null}
        <ErrorMessage id={`${base}-error`} message={error} />
        <div className="nhsuk-date-input">
          {field("day", "Day", 2)}
          {field("month", "Month", 2)}
          {field("year", "Year", 4)}
        </div>
      </fieldset>
    </div>
  );
}

/** A refused post's typed parts for a date input, from the values it sent back. */
export const typedDate = (values: Record<string, string> | undefined, name: string) =>
  values
    ? {
        day: values[`${name}-day`] ?? "",
        month: values[`${name}-month`] ?? "",
        year: values[`${name}-year`] ?? "",
      }
    : undefined;
