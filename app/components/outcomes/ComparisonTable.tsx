import { ScrollableTable } from "~/components/tables/ScrollableTable";
import { TableHead } from "~/components/tables/TableHead";

type Row = {
  key: string;
  name: string;
  now: string;
  parts: string | null;
  before: string;
  change: string;
  reporting?: string;
};

/** Organisations or places side by side for a measure, sorted by name: compared, not ranked. */
export function ComparisonTable(props: {
  caption: string;
  nameHeader: string;
  latestLabel: string;
  yearBeforeLabel: string | null;
  ratio: boolean;
  withReporting?: boolean;
  rows: Row[];
  total?: Row;
}) {
  const labels = [
    props.nameHeader,
    props.latestLabel,
    ...(props.ratio ? ["Part of whole"] : []),
    ...(props.withReporting ? ["Organisations reported"] : []),
    props.yearBeforeLabel ?? "A year before",
    "Change",
  ];
  const cells = (r: Row) => (
    <>
      <td className="nhsuk-table__cell">{r.now}</td>
      {props.ratio ? <td className="nhsuk-table__cell">{r.parts ?? ""}</td> : null}
      {props.withReporting ? <td className="nhsuk-table__cell">{r.reporting ?? ""}</td> : null}
      <td className="nhsuk-table__cell">{r.before}</td>
      <td className="nhsuk-table__cell">{r.change}</td>
    </>
  );
  return (
    <ScrollableTable label={`${props.caption} (scrolls sideways)`}>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">{props.caption}</caption>
        <TableHead labels={labels} />
        <tbody className="nhsuk-table__body">
          {props.rows.map((r) => (
            <tr className="nhsuk-table__row" key={r.key}>
              <th scope="row" className="nhsuk-table__header">
                {r.name}
              </th>
              {cells(r)}
            </tr>
          ))}
          {props.total ? (
            <tr className="nhsuk-table__row">
              <th scope="row" className="nhsuk-table__header">
                {props.total.name}
              </th>
              {cells(props.total)}
            </tr>
          ) : null}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
