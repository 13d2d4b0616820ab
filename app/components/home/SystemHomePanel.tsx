import { Link } from "@remix-run/react";
import type { SystemHome } from "~/home/system.server";
import { MonthReturnsSummary } from "./PlaceHomePanel";

const phaseWords = {
  open: "open for returns",
  "past-due": "past its due date, still open to late returns",
  closed: "closed",
} as const;

/**
 * The system's state for its administrators and readers (issue 20): the
 * latest final month and the current one, each against its due date.
 */
export function SystemHomePanel({
  home,
  showRollupLink,
}: {
  home: SystemHome;
  showRollupLink: boolean;
}) {
  const months = [
    { heading: "Latest final month", month: home.final },
    { heading: "Current month", month: home.current },
  ];
  return (
    <section className="app-home" aria-labelledby="home-heading">
      <h2 className="nhsuk-heading-m" id="home-heading">
        The system now
      </h2>
      <div className="nhsuk-grid-row nhsuk-card-group">
        {months.map(({ heading, month }) => (
          <div className="nhsuk-grid-column-one-half nhsuk-card-group__item" key={heading}>
            <div className="nhsuk-card">
              <div className="nhsuk-card__content">
                <h3 className="nhsuk-card__heading">
                  <span className="nhsuk-caption-m">{heading}</span>
                  {month ? month.label : "None yet"}
                </h3>
                {month ? (
                  <>
                    <p className="nhsuk-body">
                      Due {month.dueOn}; {phaseWords[month.phase]}.
                    </p>
                    <MonthReturnsSummary month={month} />
                  </>
                ) : (
                  <p className="nhsuk-body">
                    {heading === "Current month"
                      ? "No month is open for returns before its due date."
                      : "No month has closed or passed its due date yet."}
                  </p>
                )}
              </div>
            </div>
          </div>
        ))}
      </div>
      {showRollupLink ? (
        <p className="nhsuk-body">
          <Link to={home.rollupPath}>See the ICS roll-up</Link>
        </p>
      ) : null}
    </section>
  );
}
