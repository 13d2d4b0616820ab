import { Link } from "@remix-run/react";
import { ScrollableTable } from "~/components/tables/ScrollableTable";
import { TableHead } from "~/components/tables/TableHead";
import type { PlaceSummary } from "~/readers/place-summary.server";

export const returnStateLabels = {
  submitted: "Submitted",
  draft: "Draft",
  reopened: "Reopened, not yet submitted again",
  none: "Not started",
} as const;

/** A return against its month's due date (returnTimeliness), in words. */
export const timelinessLabels = {
  "on-time": { text: "On time", colour: "green" },
  late: { text: "Late", colour: "orange" },
  "not-yet-due": { text: "Not yet due", colour: "grey" },
  overdue: { text: "Overdue", colour: "red" },
} as const;

const movementText = (row: PlaceSummary["organisations"][number], previous: string | null) => {
  if (!previous || row.movement === "not comparable") return "—";
  const parts = [
    row.movement === "up" ? "Level up" : row.movement === "down" ? "Level down" : "Same level",
  ];
  if (row.newlyFulfilled.length) parts.push(`newly fulfilled ${row.newlyFulfilled.join(", ")}`);
  if (row.lost.length) parts.push(`no longer fulfilled ${row.lost.join(", ")}`);
  return parts.join("; ");
};

/** Who has returned this period, when they last changed it, their level and what moved. */
export function ReturnsTable(props: {
  rows: PlaceSummary["organisations"];
  periodLabel: string;
  previousLabel: string | null;
  dueOn?: string;
}) {
  return (
    <ScrollableTable label={`Returns for ${props.periodLabel} (scrolls sideways)`}>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">
          Returns for {props.periodLabel}
          {props.dueOn ? <span className="nhsuk-caption-m">Due by {props.dueOn}</span> : null}
        </caption>
        <TableHead
          labels={[
            "Organisation",
            "Return",
            "Against the due date",
            "Last change",
            "Level",
            "Verified level",
            props.previousLabel ? `Since ${props.previousLabel}` : "Since the previous period",
          ]}
        />
        <tbody className="nhsuk-table__body">
          {props.rows.map((row) => (
            <tr className="nhsuk-table__row" key={row.id}>
              <th scope="row" className="nhsuk-table__header">
                <Link to={`/organisations/${row.id}`}>{row.name}</Link>
                {row.systemWide ? " (system-wide)" : ""}
              </th>
              <td className="nhsuk-table__cell">{returnStateLabels[row.returnState]}</td>
              <td className="nhsuk-table__cell">
                {row.timeliness ? (
                  <strong
                    className={`nhsuk-tag nhsuk-tag--${timelinessLabels[row.timeliness].colour}`}
                  >
                    {timelinessLabels[row.timeliness].text}
                  </strong>
                ) : (
                  "—"
                )}
              </td>
              <td className="nhsuk-table__cell">{row.lastChanged ?? "—"}</td>
              <td className="nhsuk-table__cell">
                {row.returnState === "submitted" ? row.level : "—"}
              </td>
              <td className="nhsuk-table__cell">
                {row.returnState === "submitted" ? row.verifiedLevel : "—"}
              </td>
              <td className="nhsuk-table__cell">{movementText(row, props.previousLabel)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
