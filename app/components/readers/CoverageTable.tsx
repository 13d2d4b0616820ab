import { ScrollableTable } from "~/components/tables/ScrollableTable";
import { TableHead } from "~/components/tables/TableHead";
import type { Coverage } from "~/charter/aggregation";

export const percent = (part: number, whole: number) =>
  whole ? `${Math.round((part / whole) * 100)}%` : "—";

/** Each component across the place: how many submitted returns fulfil it, and how many are verified. */
export function CoverageTable(props: { rows: Coverage[]; periodLabel: string }) {
  return (
    <ScrollableTable label={`Coverage of each component, ${props.periodLabel} (scrolls sideways)`}>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">
          Coverage of each component, {props.periodLabel}
        </caption>
        <TableHead labels={["Component", "Fulfilled", "Share fulfilled", "Verified"]} />
        <tbody className="nhsuk-table__body">
          {props.rows.map((row) => (
            <tr className="nhsuk-table__row" key={row.componentId}>
              <th scope="row" className="nhsuk-table__header">
                {row.componentId} {row.title}
              </th>
              <td className="nhsuk-table__cell">
                {row.fulfilled} of {row.returns}
              </td>
              <td className="nhsuk-table__cell">{percent(row.fulfilled, row.returns)}</td>
              <td className="nhsuk-table__cell">
                {row.verified} of {row.fulfilled}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
