import { Link } from "@remix-run/react";
import { OpenQueries } from "~/components/queries/OpenQueries";
import type { ChampionHome } from "~/home/champion.server";

type Month = ChampionHome["months"][number];

function monthLine(month: Month): string {
  const due = month.phase === "open" ? `due ${month.dueOn}` : `was due ${month.dueOn}`;
  if (month.state === "not started") return `Not started, ${due}`;
  if (month.state === "submitted") {
    return `Submitted${month.timeliness === "late" ? " late" : ""}, ${due}`;
  }
  return `${month.answered} of ${month.total} answered, ${due}`;
}

/**
 * What a champion does next, at the top of their first page (issue 20): the
 * open month's state and due date with one button to carry on, any earlier
 * month still owed, open queries and overdue actions.
 */
export function ChampionHomePanel({ home }: { home: ChampionHome }) {
  const [current, ...owed] = home.months;
  return (
    <section className="app-home" aria-labelledby="home-heading">
      {current ? (
        <>
          <h2 className="nhsuk-heading-m" id="home-heading">
            <span className="nhsuk-caption-m">This month</span>
            {current.label}
          </h2>
          <p className="nhsuk-body-l" id="home-month-state">
            {monthLine(current)}
          </p>
          <Link
            to={current.next.path}
            className="nhsuk-button"
            draggable={false}
            aria-describedby="home-month-state"
          >
            {current.next.words}
            <span className="nhsuk-u-visually-hidden">
              {" "}
              {current.next.hint} {current.label}
            </span>
          </Link>
        </>
      ) : (
        <h2 className="nhsuk-heading-m" id="home-heading">
          No month is open for returns
        </h2>
      )}
      {owed.map((month) => (
        <div className="nhsuk-warning-callout" key={month.periodId}>
          <h3 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>
              {month.label} {month.timeliness === "overdue" ? "is overdue" : "is still to submit"}
            </span>
          </h3>
          <p>
            {monthLine(month)}.
            {month.timeliness === "overdue"
              ? " It is still accepted until the month is closed, and will be marked late."
              : ""}
          </p>
          <p>
            <Link to={month.next.path}>
              {month.next.words}
              <span className="nhsuk-u-visually-hidden"> {month.label}</span>
            </Link>
          </p>
        </div>
      ))}
      <OpenQueries queries={home.openQueries} mayReply showPeriod />
      {home.overdueActions.length ? (
        <div className="nhsuk-inset-text">
          <h3 className="nhsuk-heading-s">
            {home.overdueActions.length === 1
              ? "1 action is overdue"
              : `${home.overdueActions.length} actions are overdue`}
          </h3>
          <ul className="nhsuk-list">
            {home.overdueActions.map((action) => (
              <li key={action.id}>
                <Link to={action.path}>{action.description}</Link> ({action.component}
                {action.owner ? `, ${action.owner}` : ""}), due {action.targetDate}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
