import { ScrollableTable } from "~/components/tables/ScrollableTable";
import { TableHead } from "~/components/tables/TableHead";
import { formatDate } from "~/utils/dates";

type Action = {
  id: number;
  componentId: string;
  componentTitle: string;
  description: string;
  owner: string | null;
  targetDate: string | null;
  overdue: boolean;
};

/** The improvement plan's open actions, soonest first; overdue ones say so in words. */
export function ActionsTable(props: { actions: Action[]; periodLabel: string }) {
  return (
    <ScrollableTable label={`Open actions, ${props.periodLabel} (scrolls sideways)`}>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">Open actions, {props.periodLabel}</caption>
        <TableHead labels={["Action", "Component", "Owner", "Target date"]} />
        <tbody className="nhsuk-table__body">
          {props.actions.map((a) => (
            <tr className="nhsuk-table__row" key={a.id}>
              <td className="nhsuk-table__cell">{a.description}</td>
              <td className="nhsuk-table__cell">
                {a.componentId} {a.componentTitle}
              </td>
              <td className="nhsuk-table__cell">{a.owner || "—"}</td>
              <td className="nhsuk-table__cell">
                {a.targetDate ? formatDate(a.targetDate) : "—"}
                {a.overdue ? (
                  <>
                    {" "}
                    <strong className="nhsuk-tag nhsuk-tag--red">Overdue</strong>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
