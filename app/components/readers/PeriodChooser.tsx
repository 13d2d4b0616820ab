import { Form } from "@remix-run/react";

type Group = { year: string; periods: Array<{ id: number; label: string }> };

/**
 * Chooses the period a reader's page shows. A GET form, so the choice is in
 * the address (bookmarked, shared) and works without JavaScript; months are
 * grouped by year so ten years of them stay easy to scan.
 */
export function PeriodChooser(props: { groups: Group[]; chosenId: number | null }) {
  if (!props.groups.length) return null;
  return (
    <Form method="get" className="app-period-chooser">
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="period">
          Reporting period
        </label>
        <select
          className="nhsuk-select"
          id="period"
          name="period"
          defaultValue={props.chosenId ?? undefined}
        >
          {props.groups.map((group) => (
            <optgroup label={group.year} key={group.year}>
              {group.periods.map((period) => (
                <option value={period.id} key={period.id}>
                  {period.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>{" "}
        <button className="nhsuk-button nhsuk-button--secondary app-inline-button" type="submit">
          Show
        </button>
      </div>
    </Form>
  );
}
