import type { FieldRegistration } from "./useValidatedForm";
import { ErrorMessage } from "./ErrorSummary";

type Option = { value: string; label: string; hint?: string };

/** Radios in a fieldset whose legend names the question. */
export function RadioGroup(props: {
  name: string;
  /** Element id when several forms on a page share field names; defaults to the name. */
  id?: string;
  legend: string;
  options: Option[];
  error?: string;
  defaultValue?: string;
  hint?: string;
  /** With JavaScript, the field as the browser-side check knows it (its name). */
  registration?: FieldRegistration;
}) {
  const { name, legend, options, error, defaultValue, hint } = props;
  const base = props.id ?? name;
  const describedBy = [hint && `${base}-hint`, error && `${base}-error`].filter(Boolean).join(" ");
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy || undefined}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        {hint ? (
          <div className="nhsuk-hint" id={`${base}-hint`}>
            {hint}
          </div>
        ) : null}
        <ErrorMessage id={`${base}-error`} message={error} />
        <div className="nhsuk-radios">
          {options.map((option, index) => {
            // The first radio carries the field's id so the error summary link lands on it.
            const id = index === 0 ? base : `${base}-${index + 1}`;
            return (
              <div className="nhsuk-radios__item" key={option.value}>
                <input
                  className="nhsuk-radios__input"
                  id={id}
                  name={name}
                  type="radio"
                  value={option.value}
                  defaultChecked={defaultValue === option.value}
                  aria-describedby={option.hint ? `${id}-item-hint` : undefined}
                  {...props.registration}
                />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={id}>
                  {option.label}
                </label>
                {option.hint ? (
                  <div className="nhsuk-hint nhsuk-radios__hint" id={`${id}-item-hint`}>
                    {option.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function SelectField(props: {
  name: string;
  label: string;
  options: Option[];
  error?: string;
  defaultValue?: string;
  hint?: string;
}) {
  const { name, label, options, error, defaultValue, hint } = props;
  const describedBy = [hint && `${name}-hint`, error && `${name}-error`].filter(Boolean).join(" ");
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <label className="nhsuk-label" htmlFor={name}>
        {label}
      </label>
      {hint ? (
        <div className="nhsuk-hint" id={`${name}-hint`}>
          {hint}
        </div>
      ) : null}
      <ErrorMessage id={`${name}-error`} message={error} />
      <select
        className={`nhsuk-select${error ? " nhsuk-select--error" : ""}`}
        id={name}
        name={name}
        defaultValue={defaultValue}
        aria-describedby={describedBy || undefined}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
