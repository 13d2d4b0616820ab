import { LevelTag } from "~/components/charter/LevelTag";
import { ScrollableTable } from "~/components/tables/ScrollableTable";
import { TableHead } from "~/components/tables/TableHead";
import { returnStateLabels } from "./ReturnsTable";

type Point = {
  periodId: number;
  label: string;
  returnState: keyof typeof returnStateLabels;
  level: string | null;
  levelName: string | null;
};

/** The level chart's own figures, oldest month first as on its axis: each month's return and level. */
export function LevelTrendTable(props: { points: Point[] }) {
  return (
    <ScrollableTable label="Level by month (scrolls sideways)">
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">Level by month</caption>
        <TableHead labels={["Month", "Return", "Level"]} />
        <tbody className="nhsuk-table__body">
          {props.points.map((p) => (
            <tr className="nhsuk-table__row" key={p.periodId}>
              <th scope="row" className="nhsuk-table__header">
                {p.label}
              </th>
              <td className="nhsuk-table__cell">{returnStateLabels[p.returnState]}</td>
              <td className="nhsuk-table__cell">
                {p.returnState === "submitted" ? (
                  <LevelTag level={p.level} name={p.levelName} />
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
