import { Link } from "@remix-run/react";
import { useMemo } from "react";
import { outcomeSeriesChart } from "~/charts/outcome-series";
import { ChartFigure } from "~/components/charts/ChartFigure";
import { ScrollableTable } from "~/components/tables/ScrollableTable";
import { TableHead } from "~/components/tables/TableHead";
import { frequencyWords } from "~/forms/outcomes";
import type { OutcomeView } from "~/readers/outcome-series.server";
import { figureWords } from "~/utils/figures";
import { MeasureDefinition } from "./MeasureDefinition";

export const progressTagClass = {
  met: "nhsuk-tag nhsuk-tag--green",
  "on track": "nhsuk-tag nhsuk-tag--blue",
  behind: "nhsuk-tag nhsuk-tag--orange",
  "no figure": "nhsuk-tag nhsuk-tag--grey",
} as const;

export const progressLabels = {
  met: "Target met",
  "on track": "On track",
  behind: "Behind",
  "no figure": "No figure yet",
} as const;

/** A measure over time for one scope: its chart with the chart's table, the target and the rule. */
export function OutcomeSeries(props: {
  view: OutcomeView;
  headingLevel?: 2 | 3;
  /** A champion's way to set their organisation's own target. */
  targetLink?: string;
}) {
  const { view } = props;
  const spec = useMemo(() => outcomeSeriesChart(view), [view]);
  return (
    <div className="app-outcome">
      <ChartFigure
        heading={view.name}
        headingLevel={props.headingLevel ?? 3}
        spec={spec}
        table={<OutcomeSeriesTable view={view} />}
      />
      <MeasureDefinition
        definition={view.definition}
        version={view.version}
        componentIds={view.componentIds}
        frequency={frequencyWords[view.frequency]}
      />
      {view.targetWords ? (
        <p className="nhsuk-body">
          {view.progress ? (
            <strong className={progressTagClass[view.progress]}>
              {progressLabels[view.progress]}
            </strong>
          ) : null}{" "}
          {view.targetWords}. {view.progressRule}
        </p>
      ) : (
        <p className="nhsuk-body">No target is set for {view.scopeName}.</p>
      )}
      {props.targetLink ? (
        <p className="nhsuk-body">
          <Link to={props.targetLink}>
            Set your organisation&apos;s own target for {view.name.toLowerCase()}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

/** The series' own figures, oldest first as on the chart's axis. */
export function OutcomeSeriesTable(props: { view: OutcomeView }) {
  const { view } = props;
  const versions = new Set(view.rows.map((r) => r.version).filter((v) => v !== null));
  const scoped = view.organisations !== null;
  const provisional = view.rows.some((r) => r.provisional);
  const expected = view.rows.some((r) => r.expected !== null);
  const labels = [
    "Period",
    "Figure",
    ...(view.kind === "ratio" ? ["Part of whole"] : []),
    ...(scoped ? [`Organisations reported (of ${view.organisations})`] : []),
    ...(versions.size > 1 ? ["Definition"] : []),
    ...(provisional ? ["Counts?"] : []),
    ...(expected ? ["Target path"] : []),
  ];
  return (
    <ScrollableTable label={`${view.name} by period (scrolls sideways)`}>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">
          {view.name}, {view.scopeName}
        </caption>
        <TableHead labels={labels} />
        <tbody className="nhsuk-table__body">
          {view.rows.map((r, i) => (
            <tr className="nhsuk-table__row" key={`${r.label}-${r.version ?? "none"}-${i}`}>
              <th scope="row" className="nhsuk-table__header">
                {r.label}
              </th>
              <td className="nhsuk-table__cell">{r.figure}</td>
              {view.kind === "ratio" ? (
                <td className="nhsuk-table__cell">{r.parts ?? ""}</td>
              ) : null}
              {scoped ? <td className="nhsuk-table__cell">{r.reporting ?? 0}</td> : null}
              {versions.size > 1 ? (
                <td className="nhsuk-table__cell">
                  {r.version === null ? "" : `Version ${r.version}`}
                </td>
              ) : null}
              {provisional ? (
                <td className="nhsuk-table__cell">
                  {r.provisional
                    ? `Not yet: ${r.provisional === "not submitted" ? "the month is not submitted" : "its returns are not yet due"}`
                    : r.version === null
                      ? ""
                      : "Yes"}
                </td>
              ) : null}
              {expected ? <td className="nhsuk-table__cell">{r.expected ?? ""}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

/** Each measure on one line, for the place summary and the ICS roll-up: the newest sum that counts. */
export function OutcomesSummaryTable(props: {
  views: readonly OutcomeView[];
  measureLink: (measureId: number) => string;
  caption: string;
}) {
  return (
    <ScrollableTable label={`${props.caption} (scrolls sideways)`}>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">{props.caption}</caption>
        <TableHead
          labels={[
            "Measure",
            "Newest figure",
            "Organisations reported",
            "Change over 12 months",
            "Target",
          ]}
        />
        <tbody className="nhsuk-table__body">
          {props.views.map((v) => (
            <tr className="nhsuk-table__row" key={v.measureId}>
              <th scope="row" className="nhsuk-table__header">
                <Link to={props.measureLink(v.measureId)}>{v.name}</Link>
              </th>
              <td className="nhsuk-table__cell">
                {v.latest
                  ? `${figureWords(v.kind, v.unit, v.latest.value)} in ${v.latest.label}`
                  : "No figures yet"}
              </td>
              <td className="nhsuk-table__cell">
                {v.latest
                  ? `${v.reporting ?? 0} of ${v.organisations ?? 0}`
                  : `0 of ${v.organisations ?? 0}`}
              </td>
              <td className="nhsuk-table__cell">{v.latest ? v.change : ""}</td>
              <td className="nhsuk-table__cell">
                {v.progress && v.target ? (
                  <strong className={progressTagClass[v.progress]}>
                    {progressLabels[v.progress]}
                  </strong>
                ) : (
                  "No target"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
