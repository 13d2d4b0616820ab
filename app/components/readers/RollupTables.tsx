import { Link } from "@remix-run/react";
import { ScrollableTable } from "~/components/tables/ScrollableTable";
import { TableHead } from "~/components/tables/TableHead";
import type { SystemRollup } from "~/readers/system-rollup.server";
import { percent } from "./CoverageTable";

const placeLink = (place: { id: number; name: string }, periodId: number | null) =>
  place.id === 0 ? (
    place.name
  ) : (
    <Link to={`/places/${place.id}${periodId ? `?period=${periodId}` : ""}`}>{place.name}</Link>
  );

/** How many organisations of each place hold each level; each place links to its summary. */
export function RollupLevelsTable({ r }: { r: SystemRollup }) {
  return (
    <ScrollableTable label="Levels held by place (scrolls sideways)">
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">Levels held by place, {r.period?.label}</caption>
        <TableHead labels={["Place", "Organisations", ...r.buckets.map((b) => b.label)]} />
        <tbody className="nhsuk-table__body">
          {r.places.map((row) => (
            <tr className="nhsuk-table__row" key={row.place.id}>
              <th scope="row" className="nhsuk-table__header">
                {placeLink(row.place, r.period?.id ?? null)}
              </th>
              <td className="nhsuk-table__cell">{row.organisations}</td>
              {row.counts.map((count, i) => (
                <td className="nhsuk-table__cell" key={i}>
                  {count}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

/** Four bands of a sequential scale; the percentage is always written in the cell. */
const band = (share: number | null) =>
  share === null ? "none" : share >= 0.75 ? 4 : share >= 0.5 ? 3 : share >= 0.25 ? 2 : 1;

/** The band as a row of filled and empty blocks: a pattern that does not rely on the shade. */
const bandMarks = (share: number | null) =>
  share === null ? "" : "■".repeat(Number(band(share))) + "□".repeat(4 - Number(band(share)));

/** What the shading and blocks mean, above the heat map. */
export function HeatMapKey() {
  const bands = [
    { share: 0, words: "under 25%" },
    { share: 0.25, words: "25% to 49%" },
    { share: 0.5, words: "50% to 74%" },
    { share: 0.75, words: "75% or more" },
  ];
  return (
    <dl className="app-status-key">
      {bands.map((b) => (
        <div key={b.words}>
          <dt className={`app-heat app-heat--${band(b.share)}`} aria-hidden="true">
            {bandMarks(b.share)}
          </dt>
          <dd>{b.words}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Places against domains: the share of each place's returns meeting the chosen level in each domain. */
export function HeatMapTable({ r }: { r: SystemRollup }) {
  return (
    <ScrollableTable label="Heat map of places and domains (scrolls sideways)">
      <table className="nhsuk-table app-heat-map">
        <caption className="nhsuk-table__caption">
          Share of returns meeting {r.level.name} in each domain, {r.period?.label}
        </caption>
        <TableHead
          labels={[
            "Place",
            ...r.domains.map((d) => (
              <abbr key={d.number} title={d.title}>
                Domain {d.number}
              </abbr>
            )),
          ]}
        />
        <tbody className="nhsuk-table__body">
          {r.places.map((row) => (
            <tr className="nhsuk-table__row" key={row.place.id}>
              <th scope="row" className="nhsuk-table__header">
                {placeLink(row.place, r.period?.id ?? null)}
              </th>
              {row.heat.map((share, i) => (
                <td className={`nhsuk-table__cell app-heat app-heat--${band(share)}`} key={i}>
                  {share === null ? "No returns" : percent(share, 1)}
                  <span className="app-heat__marks" aria-hidden="true">
                    {bandMarks(share)}
                  </span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

/** Each place over the last months: returns submitted, and how many were at the chosen level or above. */
export function PlaceTrendTable({ r }: { r: SystemRollup }) {
  return (
    <ScrollableTable label="Trend by place (scrolls sideways)">
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">
          Returns at {r.level.name} or above, of those submitted, by month
        </caption>
        <TableHead labels={["Place", ...r.months.map((m) => m.label)]} />
        <tbody className="nhsuk-table__body">
          {r.trend.map((row) => (
            <tr className="nhsuk-table__row" key={row.place.id}>
              <th scope="row" className="nhsuk-table__header">
                {row.place.name}
              </th>
              {row.points.map((p) => (
                <td className="nhsuk-table__cell" key={p.periodId}>
                  {p.submitted ? `${p.atLevel} of ${p.submitted}` : "—"}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
