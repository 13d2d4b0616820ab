import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { Period } from "../models/periods.server";
import { firstKey, firstSubmissionTimes, returnStates } from "../models/submissions.server";
import { periodPhase, returnTimeliness } from "../periods/phase";
import { formatDay, todayInUk } from "../utils/dates";

/**
 * How a month's returns stand for a set of organisations, against its due
 * date: submitted on time or late, and of those not submitted, how many are
 * in progress and how many not started (each overdue once the date passes).
 * Counts from the assessments alone, so it is cheap for a whole system.
 */
export async function monthReturns(
  db: Kysely<Database>,
  args: { period: Period; organisations: ReadonlyArray<{ id: number; name: string }> },
  now: Date = new Date(),
) {
  const ids = args.organisations.map((o) => o.id);
  const [states, firsts] = await Promise.all([
    returnStates(db, { periodId: args.period.id, organisationIds: ids }),
    firstSubmissionTimes(db, { periodIds: [args.period.id], organisationIds: ids }),
  ]);
  const rows = args.organisations.map((o) => ({
    ...o,
    state: states.get(o.id) ?? ("none" as const),
    timeliness: returnTimeliness({
      firstSubmittedAt: firsts.get(firstKey(o.id, args.period.id)) ?? null,
      dueOn: args.period.dueOn,
      now,
    }),
  }));
  const submitted = rows.filter((r) => r.state === "submitted");
  const outstanding = rows.filter((r) => r.state !== "submitted");
  return {
    periodId: args.period.id,
    label: args.period.label,
    dueOn: formatDay(args.period.dueOn),
    phase: periodPhase(args.period, todayInUk(now)),
    organisations: rows.length,
    submitted: submitted.length,
    onTime: submitted.filter((r) => r.timeliness === "on-time").length,
    late: submitted.filter((r) => r.timeliness === "late").map((r) => r.name),
    inProgress: outstanding.filter((r) => r.state !== "none").map((r) => r.name),
    notStarted: outstanding.filter((r) => r.state === "none").map((r) => r.name),
    overdue: todayInUk(now) > args.period.dueOn,
  };
}

export type MonthReturns = Awaited<ReturnType<typeof monthReturns>>;
