import { parseStoredTime, todayInUk } from "../utils/dates";

/**
 * Where a period stands for readers and champions, from its stored status and
 * its due date, on a given UK day:
 * - open: returns are being made and the due date has not passed;
 * - past-due: still open to (late) returns, but the due date has passed;
 * - closed: closed to returns by an administrator.
 * A period is final once past-due or closed: readers' pages and documents
 * show final periods by default, and mark any other as provisional (issue 19).
 */
export type PeriodPhase = "open" | "past-due" | "closed";

export function periodPhase(
  period: { status: "open" | "closed"; dueOn: string },
  today: string = todayInUk(),
): PeriodPhase {
  if (period.status === "closed") return "closed";
  return today > period.dueOn ? "past-due" : "open";
}

export function isFinalPeriod(
  period: { status: "open" | "closed"; dueOn: string },
  today: string = todayInUk(),
): boolean {
  return periodPhase(period, today) !== "open";
}

/**
 * A return's timeliness against its due date. A return is on time when it was
 * first submitted on or before the due date, as a UK day (a return sent at
 * 00:30 BST on the day after is late, though it is still the due date in UTC).
 */
export type Timeliness = "on-time" | "late" | "not-yet-due" | "overdue";

export function returnTimeliness(args: {
  firstSubmittedAt: string | null;
  dueOn: string;
  now?: Date;
}): Timeliness {
  if (args.firstSubmittedAt) {
    const submittedOn = todayInUk(parseStoredTime(args.firstSubmittedAt));
    return submittedOn <= args.dueOn ? "on-time" : "late";
  }
  return todayInUk(args.now) <= args.dueOn ? "not-yet-due" : "overdue";
}
