import { Form, Link } from "@remix-run/react";
import { ErrorMessage } from "~/components/forms/ErrorSummary";
import { TextField } from "~/components/forms/TextField";
import { auditKinds } from "~/audit/sentences";

type Option = { value: string; label: string };

/**
 * The audit log's filters as a GET form: it works without JavaScript, and a
 * filtered page has an address of its own. Empty fields mean "any".
 */
export function AuditFilters(props: {
  organisations: Option[];
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  const { values, errors } = props;
  return (
    <Form method="get" action="/admin/audit" className="app-audit-filters">
      <h2 className="nhsuk-heading-s">Filter the log</h2>
      <TextField
        name="person"
        label="Who (their email address)"
        hint="Everything this person did."
        type="email"
        autoComplete="off"
        spellCheck={false}
        width={30}
        defaultValue={values.person}
        error={errors.person}
      />
      <Select
        name="organisation"
        label="Organisation"
        hint="What was done to the organisation or to any of its months."
        defaultValue={values.organisation}
        error={errors.organisation}
      >
        <option value="">Any organisation</option>
        {props.organisations.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
      <Select name="kind" label="Kind of event" defaultValue={values.kind} error={errors.kind}>
        <option value="">Any kind</option>
        {auditKinds.map((group) => (
          <optgroup key={group.group} label={group.group}>
            {group.actions.map((a) => (
              <option key={a.action} value={a.action}>
                {a.label}
              </option>
            ))}
          </optgroup>
        ))}
      </Select>
      <TextField
        name="from"
        label="From (a UK date, included)"
        hint="For example, 2026-11-01"
        type="date"
        width={10}
        defaultValue={values.from}
        error={errors.from}
      />
      <TextField
        name="to"
        label="To (a UK date, included)"
        hint="For example, 2026-11-30"
        type="date"
        width={10}
        defaultValue={values.to}
        error={errors.to}
      />
      <div className="app-inline-form">
        <button type="submit" className="nhsuk-button nhsuk-button--secondary">
          Show events
        </button>{" "}
        <Link to="/admin/audit" className="nhsuk-body">
          Clear the filters
        </Link>
      </div>
    </Form>
  );
}

function Select(props: {
  name: string;
  label: string;
  hint?: string;
  defaultValue?: string;
  error?: string;
  children: React.ReactNode;
}) {
  const { name, hint, error } = props;
  const describedBy = [hint && `${name}-hint`, error && `${name}-error`].filter(Boolean).join(" ");
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <label className="nhsuk-label" htmlFor={name}>
        {props.label}
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
        defaultValue={props.defaultValue ?? ""}
        aria-describedby={describedBy || undefined}
      >
        {props.children}
      </select>
    </div>
  );
}
