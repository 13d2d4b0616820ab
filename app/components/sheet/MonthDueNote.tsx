import type { Timeliness } from "~/periods/phase";

export type MonthDue = {
  label: string;
  dueOn: string;
  phase: "open" | "past-due" | "closed";
  timeliness: Timeliness;
  firstSubmittedOn: string | null;
};

/**
 * When the month's return is due, and where this organisation's return stands
 * against it (issue 20): on time or late once submitted, not yet due or
 * overdue before. A late return is accepted until the month is closed.
 */
export function MonthDueNote({ period }: { period: MonthDue }) {
  switch (period.timeliness) {
    case "on-time":
      return (
        <p className="nhsuk-body" id="month-due">
          Due by {period.dueOn}: first submitted on {period.firstSubmittedOn}, on time.
        </p>
      );
    case "late":
      return (
        <p className="nhsuk-body" id="month-due">
          Due by {period.dueOn}: first submitted on {period.firstSubmittedOn}, after its due date,
          so it is marked <strong className="nhsuk-tag nhsuk-tag--orange">Late</strong>
        </p>
      );
    case "not-yet-due":
      return (
        <p className="nhsuk-body-l" id="month-due">
          {period.label} is due by <strong>{period.dueOn}</strong>.
        </p>
      );
    case "overdue":
      return period.phase === "closed" ? (
        <p className="nhsuk-body" id="month-due">
          {period.label} was due by {period.dueOn}. It was not submitted before the month closed.
        </p>
      ) : (
        <div className="nhsuk-warning-callout" id="month-due">
          <h2 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>
              Overdue
            </span>
          </h2>
          <p>
            {period.label} was due by {period.dueOn}. A return is still accepted until the month is
            closed, and is marked late.
          </p>
        </div>
      );
  }
}
