import { useEffect, useRef } from "react";
import type { FieldErrors } from "~/forms/parse";

/** GOV.UK / NHS error summary: focused on arrival, each error links to its field. */
export function ErrorSummary({ errors }: { errors: FieldErrors | undefined }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors ?? {});
  useEffect(() => {
    if (entries.length) ref.current?.focus();
  }, [entries.length, errors]);
  if (!entries.length) return null;
  return (
    <div className="nhsuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="nhsuk-error-summary__heading">There is a problem</h2>
        <div className="nhsuk-error-summary__body">
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {entries.map(([field, message]) => (
              <li key={field}>
                <a href={`#${field}`}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

export function ErrorMessage({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <span className="nhsuk-error-message" id={id}>
      <span className="nhsuk-u-visually-hidden">Error: </span>
      {message}
    </span>
  );
}
