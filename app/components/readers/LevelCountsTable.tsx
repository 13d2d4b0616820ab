import { TableHead } from "~/components/tables/TableHead";

type Row = { bucket: string; label: string; count: number; verified: number };

/** How many organisations hold each level, self-assessed and verified, with the returns missing. */
export function LevelCountsTable(props: { rows: Row[]; periodLabel: string; total: number }) {
  return (
    <table className="nhsuk-table">
      <caption className="nhsuk-table__caption">
        Levels held, {props.periodLabel} ({props.total} organisations)
      </caption>
      <TableHead labels={["Level", "Self-assessed", "Verified"]} />
      <tbody className="nhsuk-table__body">
        {props.rows.map((row) => (
          <tr className="nhsuk-table__row" key={row.bucket}>
            <th scope="row" className="nhsuk-table__header">
              {row.label}
            </th>
            <td className="nhsuk-table__cell">{row.count}</td>
            <td className="nhsuk-table__cell">
              {row.bucket === "no_return" || row.bucket === "not_submitted" ? "—" : row.verified}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
