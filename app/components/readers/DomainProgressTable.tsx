import { TableHead } from "~/components/tables/TableHead";
import type { LevelResult } from "~/charter/scoring";

/** Per domain: components fulfilled (self-assessed and verified) and what the next level needs. */
export function DomainProgressTable(props: {
  self: LevelResult;
  verifiedByDomain: number[];
  periodLabel: string;
}) {
  const next = props.self.nextLevel;
  return (
    <table className="nhsuk-table">
      <caption className="nhsuk-table__caption">
        Progress in each domain, {props.periodLabel}
      </caption>
      <TableHead
        labels={["Domain", "Fulfilled", "Verified", next ? `For ${next.name}` : "Next level"]}
      />
      <tbody className="nhsuk-table__body">
        {props.self.byDomain.map((d, i) => {
          const more = next?.needs.find((n) => n.domainNumber === d.domainNumber)?.more ?? 0;
          return (
            <tr className="nhsuk-table__row" key={d.domainNumber}>
              <th scope="row" className="nhsuk-table__header">
                {d.domainNumber}. {d.title}
              </th>
              <td className="nhsuk-table__cell">
                {d.fulfilled} of {d.total}
              </td>
              <td className="nhsuk-table__cell">
                {props.verifiedByDomain[i] ?? 0} of {d.total}
              </td>
              <td className="nhsuk-table__cell">
                {!next ? "Every level held" : more === 0 ? "Enough" : `${more} more`}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
