import { Link } from "@remix-run/react";
import type { PlaceHome } from "~/home/place.server";
import type { MonthReturns } from "~/home/returns.server";

const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

/** A month's returns against its due date, in a few words and names. */
export function MonthReturnsSummary({ month }: { month: MonthReturns }) {
  const outstanding = month.inProgress.length + month.notStarted.length;
  return (
    <>
      <p className="nhsuk-body">
        <strong>
          {month.submitted} of {month.organisations}
        </strong>{" "}
        submitted{month.late.length ? ` (${month.late.length} late)` : ""};{" "}
        {outstanding === 0
          ? "every return is in."
          : `${plural(outstanding, "return", "returns")} ${
              month.phase === "closed"
                ? "not submitted before the month closed"
                : month.overdue
                  ? "overdue"
                  : "still due"
            }: ${month.inProgress.length} in progress, ${month.notStarted.length} not started.`}
      </p>
      {month.late.length ? (
        <p className="nhsuk-body-s">Submitted late: {month.late.join(", ")}.</p>
      ) : null}
      {month.notStarted.length ? (
        <p className="nhsuk-body-s">Not started: {month.notStarted.join(", ")}.</p>
      ) : null}
    </>
  );
}

/**
 * What a place's steering group and lead do next, at the top of the place
 * summary (issue 20): what awaits review, and how the open months' returns
 * stand with the reminders one click away.
 */
export function PlaceHomePanel({ home }: { home: PlaceHome }) {
  if (!home.reviews && !home.returns) return null;
  return (
    <section className="app-home" aria-labelledby="home-heading">
      <h2 className="nhsuk-heading-m" id="home-heading">
        What needs you now
      </h2>
      {home.reviews ? (
        <div className="nhsuk-card nhsuk-card--feature">
          <div className="nhsuk-card__content nhsuk-card__content--feature">
            <h3 className="nhsuk-card__heading nhsuk-card__heading--feature">Awaiting review</h3>
            <p className="nhsuk-body-l" id="home-review-count">
              {home.reviews.total === 0
                ? "Nothing awaits review."
                : `${plural(home.reviews.components, "component", "components")} from ${plural(
                    home.reviews.organisations,
                    "organisation",
                    "organisations",
                  )}${
                    home.reviews.replies
                      ? `, and ${plural(home.reviews.replies, "reply", "replies")} to queries (${home.reviews.repliesToYou} to yours)`
                      : ""
                  }`}
            </p>
            {home.reviews.total ? (
              <Link
                to={home.reviews.path}
                className="nhsuk-button nhsuk-u-margin-bottom-0"
                draggable={false}
                aria-describedby="home-review-count"
              >
                Review them
              </Link>
            ) : null}
          </div>
        </div>
      ) : null}
      {home.returns?.map((month) => (
        <div className="nhsuk-card" key={month.periodId}>
          <div className="nhsuk-card__content">
            <h3 className="nhsuk-card__heading">
              {month.label}: due {month.dueOn}
            </h3>
            <MonthReturnsSummary month={month} />
            {month.inProgress.length + month.notStarted.length > 0 ? (
              <p className="nhsuk-body nhsuk-u-margin-bottom-0">
                <Link to={month.remindPath}>Remind those who have not submitted {month.label}</Link>
              </p>
            ) : null}
          </div>
        </div>
      ))}
    </section>
  );
}
