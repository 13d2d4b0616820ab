import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { listPeriods, type Period } from "../models/periods.server";
import { choosePeriod, periodsByYear } from "../periods/monthly";
import { isFinalPeriod } from "../periods/phase";
import { provisionalWords } from "../periods/provisional";
import { todayInUk } from "../utils/dates";

/**
 * The period a reader's page shows, for the organisations in its scope: the
 * one the address asks for, else the latest final month (closed to returns
 * or past its due date: every organisation has had its chance to submit),
 * else the latest; with the one before it and the chooser's months by year.
 * A month still open to returns can be chosen; its figures are then
 * provisional and say so wherever they appear (`shownPeriod`).
 */
export async function readersPeriod(
  db: Kysely<Database>,
  args: { systemId: number; requested: string | null; today?: string },
) {
  const today = args.today ?? todayInUk();
  const periods = await listPeriods(db, { systemId: args.systemId });
  const choice = choosePeriod(periods, {
    requested: args.requested,
    preferred: latestFinalPeriodId(periods, today),
  });
  return {
    ...choice,
    today,
    periods,
    chooser: periodsByYear(
      periods.map((p) => ({
        id: p.id,
        label: isFinalPeriod(p, today) ? p.label : `${p.label} (still open)`,
        startsOn: p.starts_on,
      })),
    ),
  };
}

/** The newest period closed to returns or past its due date (periods newest first). */
export function latestFinalPeriodId(periods: readonly Period[], today: string): number | null {
  return periods.find((p) => isFinalPeriod(p, today))?.id ?? null;
}

/**
 * A period as a page names it: final, or provisional with how far its
 * returns have come ("December 2026, open until 15 January 2027: 11 of 18
 * have submitted so far"); `label` carries "(provisional)" so every chart
 * title, table caption and file name built from it says so.
 */
export function shownPeriod(
  period: Period,
  args: { today: string; submitted: number; total: number },
) {
  const final = isFinalPeriod(period, args.today);
  return {
    id: period.id,
    label: final ? period.label : `${period.label} (provisional)`,
    month: period.label,
    provisional: final
      ? null
      : provisionalWords({
          label: period.label,
          dueOn: period.dueOn,
          submitted: args.submitted,
          total: args.total,
        }),
  };
}
