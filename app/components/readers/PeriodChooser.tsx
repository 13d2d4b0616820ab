import { Form } from "@remix-run/react";

type Group = { year: string; periods: Array<{ id: number; label: string }> };

/**
 * Chooses the period a reader's page shows. A GET form, so the choice is in
 * the address (bookmarked, shared) and works without JavaScript; months are
 * grouped by year so ten years of them stay easy to scan. A GET form sends
 * only its own fields, so the page's other choices in the address (filters,
 * sort, level) travel as hidden fields and survive a change of period.
 */
export function PeriodChooser(props: {
  groups: Group[];
  chosenId: number | null;
  keep?: Record<string, string | number | null | undefined>;
}) {
  if (!props.groups.length) return null;
  const kept = Object.entries(props.keep ?? {}).filter(
    (entry): entry is [string, string | number] =>
      entry[0] !== "period" && entry[1] !== null && entry[1] !== undefined && entry[1] !== "",
  );
  return (
    <Form method="get" className="app-period-chooser">
      {kept.map(([name, value]) => (
        <input type="hidden" name={name} value={value} key={name} />
      ))}
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
