import { ErrorMessage } from "~/components/forms/ErrorSummary";

/**
 * NHS.UK checkboxes in a fieldset. A hidden empty value of the same name goes
 * first, so "nothing ticked" is sent as such and the server can tell it from
 * a form that had no checkboxes at all (which leaves the saved ticks alone).
 */
export function CheckboxGroup(props: {
  name: string;
  id: string;
  legend: string;
  hint?: string;
  options: Array<{ value: string; label: string }>;
  checked: readonly string[];
  error?: string;
}) {
  const { name, id, legend, hint, options, checked, error } = props;
  const describedBy =
    [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        {hint ? (
          <div className="nhsuk-hint" id={`${id}-hint`}>
            {hint}
          </div>
        ) : null}
        <ErrorMessage id={`${id}-error`} message={error} />
        <input type="hidden" name={name} value="" />
        <div className="nhsuk-checkboxes" id={id}>
          {options.map((option, index) => (
            <div className="nhsuk-checkboxes__item" key={option.value}>
              <input
                className="nhsuk-checkboxes__input"
                id={`${id}-${index}`}
                name={name}
                type="checkbox"
                value={option.value}
                defaultChecked={checked.includes(option.value)}
              />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${id}-${index}`}>
                {option.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
