import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { latestPeriodWithReturn } from "../models/aggregation.server";
import { listPeriods } from "../models/periods.server";
import { choosePeriod, periodsByYear } from "../periods/monthly";

/**
 * The period a reader's page shows, for the organisations in its scope: the
 * one the address asks for, else the latest month any of them submitted,
 * else the latest; with the one before it and the chooser's months by year.
 */
export async function readersPeriod(
  db: Kysely<Database>,
  args: { systemId: number; organisationIds: readonly number[]; requested: string | null },
) {
  const periods = await listPeriods(db, { systemId: args.systemId });
  const choice = choosePeriod(periods, {
    requested: args.requested,
    latestWithReturn: await latestPeriodWithReturn(db, args),
  });
  return {
    ...choice,
    periods,
    chooser: periodsByYear(
      periods.map((p) => ({ id: p.id, label: p.label, startsOn: p.starts_on })),
    ),
  };
}
