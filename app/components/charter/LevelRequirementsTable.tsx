import type { Domain } from "~/charter/schema";
import type { LevelRequirement } from "~/charter/scoring";
import { ScrollableTable } from "~/components/tables/ScrollableTable";

type Props = {
  domains: Pick<Domain, "number" | "title">[];
  requirements: LevelRequirement[];
};

/** Rows are domains and columns levels, so the table stays narrow as levels are few. */
export function LevelRequirementsTable({ domains, requirements }: Props) {
  return (
    <ScrollableTable label="Components to fulfil for each level (scrolls sideways)">
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">
          Components to fulfil in each domain for each level
        </caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">
              Domain
            </th>
            {requirements.map((level) => (
              <th scope="col" className="nhsuk-table__header" key={level.level}>
                {level.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {domains.map((domain, index) => (
            <tr className="nhsuk-table__row" key={domain.number}>
              <th scope="row" className="nhsuk-table__header">
                {domain.number}. {domain.title}
              </th>
              {requirements.map((level) => {
                const cell = level.perDomain[index];
                return (
                  <td className="nhsuk-table__cell" key={level.level}>
                    {cell ? `${cell.required} of ${cell.total}` : "—"}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
