import { Link } from "@remix-run/react";
import { LevelTag } from "~/components/charter/LevelTag";
import { ScrollableTable } from "~/components/tables/ScrollableTable";
import { TableHead } from "~/components/tables/TableHead";
import { returnStateLabels } from "./ReturnsTable";

type Point = {
  periodId: number;
  label: string;
  open: boolean;
  returnState: keyof typeof returnStateLabels;
  level: string | null;
  levelName: string | null;
  fulfilledByDomain: number[] | null;
  /** Whether this reader may open the month's sheet (a system reader: only once submitted). */
  readable: boolean;
};

/**
 * The last months, newest first: each month's return, level and components
 * fulfilled per domain, each month linking to its reporting sheet.
 */
export function TrendTable(props: { organisationId: number; points: Point[]; domains: number[] }) {
  return (
    <ScrollableTable label="Self-assessments by month (scrolls sideways)">
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">Self-assessments by month</caption>
        <TableHead
          labels={["Month", "Return", "Level", ...props.domains.map((d) => `Domain ${d}`)]}
        />
        <tbody className="nhsuk-table__body">
          {[...props.points].reverse().map((p) => (
            <tr className="nhsuk-table__row" key={p.periodId}>
              <th scope="row" className="nhsuk-table__header">
                {p.readable ? (
                  <Link to={`/organisations/${props.organisationId}/periods/${p.periodId}`}>
                    {p.label}
                  </Link>
                ) : (
                  p.label
                )}
                {p.open ? " (open)" : ""}
              </th>
              <td className="nhsuk-table__cell">{returnStateLabels[p.returnState]}</td>
              <td className="nhsuk-table__cell">
                {p.returnState === "submitted" ? (
                  <LevelTag level={p.level} name={p.levelName} />
                ) : (
                  "—"
                )}
              </td>
              {props.domains.map((d, i) => (
                <td className="nhsuk-table__cell" key={d}>
                  {p.fulfilledByDomain?.[i] ?? "—"}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
