import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { listOrganisations } from "../models/organisations.server";
import { listPeriods } from "../models/periods.server";
import { isFinalPeriod } from "../periods/phase";
import { todayInUk } from "../utils/dates";
import { monthReturns } from "./returns.server";

/**
 * The system's state for its administrators and readers (issue 20): the
 * latest final month (closed, or past its due date) and the current one
 * (the newest still taking returns before its due date), each with how its
 * returns stand against the due date.
 */
export async function systemHome(db: Kysely<Database>, systemId: number, now: Date = new Date()) {
  const today = todayInUk(now);
  const periods = await listPeriods(db, { systemId });
  const final = periods.find((p) => isFinalPeriod(p, today));
  const current = periods.find((p) => p.status === "open" && !isFinalPeriod(p, today));
  const organisations = (await listOrganisations(db, { systemIds: [systemId] })).map((o) => ({
    id: o.id,
    name: o.name,
  }));
  const summary = (period: (typeof periods)[number] | undefined) =>
    period ? monthReturns(db, { period, organisations }, now) : Promise.resolve(null);
  return {
    current: await summary(current),
    final: await summary(final),
    rollupPath: `/systems/${systemId}`,
  };
}

export type SystemHome = Awaited<ReturnType<typeof systemHome>>;
