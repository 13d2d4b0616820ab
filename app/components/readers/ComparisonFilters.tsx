import { Form } from "@remix-run/react";
import type { PlaceComparison } from "~/readers/place-comparison.server";

const select = (props: {
  name: string;
  label: string;
  value: string;
  options: Array<{ value: string | number; label: string }>;
  all: string;
}) => (
  <div className="nhsuk-form-group app-filter">
    <label className="nhsuk-label" htmlFor={`filter-${props.name}`}>
      {props.label}
    </label>
    <select
      className="nhsuk-select"
      id={`filter-${props.name}`}
      name={props.name}
      defaultValue={props.value}
    >
      <option value="">{props.all}</option>
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  </div>
);

/** Filters and sort as a GET form: the choice is in the address and works without JavaScript. */
export function ComparisonFilters(props: { c: PlaceComparison }) {
  const { c } = props;
  return (
    <Form method="get" className="app-filters" aria-label="Filter and sort the comparison">
      {c.period ? <input type="hidden" name="period" value={c.period.id} /> : null}
      {select({
        name: "type",
        label: "Type of organisation",
        value: c.filters.type ?? "",
        options: c.options.types,
        all: "All types",
      })}
      {select({
        name: "level",
        label: "Level",
        value: c.filters.level ?? "",
        options: c.options.levels,
        all: "All levels",
      })}
      {select({
        name: "domain",
        label: "Domain",
        value: String(c.filters.domain ?? ""),
        options: c.options.domains,
        all: "All domains",
      })}
      {select({
        name: "sort",
        label: "Sort by",
        value: c.filters.sort,
        options: [
          { value: "place", label: "Place" },
          { value: "type", label: "Type" },
        ],
        all: "Name",
      })}
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Apply
      </button>
    </Form>
  );
}
