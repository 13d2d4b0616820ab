import { ErrorMessage } from "./ErrorSummary";

/**
 * The GOV.UK / NHS.UK date input: day, month and year as three whole-number
 * fields in a fieldset with a legend and an example hint. Read on the server
 * with `dateInput` from app/forms/fields.ts, which names the three fields
 * `<name>-day`, `-month` and `-year`. The day field carries the id `name`, so
 * an error summary linking to `#name` lands on the first field.
 */
export function DateInput(props: {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  /** The values as typed (a refused post keeps them), or a `YYYY-MM-DD` to start from. */
  values?: Record<string, string | undefined>;
  defaultDate?: string | null;
}) {
  const { name, legend, hint, error } = props;
  const [year, month, day] = (props.defaultDate ?? "").split("-");
  const value = (part: "day" | "month" | "year", fallback: string | undefined) =>
    props.values?.[`${name}-${part}`] ?? (fallback === undefined ? "" : String(Number(fallback)));
  const described = [hint && `${name}-hint`, error && `${name}-error`].filter(Boolean).join(" ");
  const parts = [
    { part: "day", label: "Day", width: 2, value: value("day", day) },
    { part: "month", label: "Month", width: 2, value: value("month", month) },
    { part: "year", label: "Year", width: 4, value: value("year", year) },
  ] as const;
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <fieldset className="nhsuk-fieldset" role="group" aria-describedby={described || undefined}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        {hint ? (
          <div className="nhsuk-hint" id={`${name}-hint`}>
            {hint}
          </div>
        ) : null}
        <ErrorMessage id={`${name}-error`} message={error} />
        <div className="nhsuk-date-input">
          {parts.map((p) => {
            const id = p.part === "day" ? name : `${name}-${p.part}`;
            return (
              <div className="nhsuk-date-input__item" key={p.part}>
                <div className="nhsuk-form-group">
                  <label className="nhsuk-label nhsuk-date-input__label" htmlFor={id}>
                    {p.label}
                  </label>
                  <input
                    className={`nhsuk-input nhsuk-date-input__input nhsuk-input--width-${p.width}${
                      error ? " nhsuk-input--error" : ""
                    }`}
                    id={id}
                    name={`${name}-${p.part}`}
                    type="text"
                    inputMode="numeric"
                    defaultValue={p.value}
                  />
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
