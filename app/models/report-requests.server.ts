import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema";
import type { JobRequest, ReportJob } from "./report-jobs.server";
import { lockedForUpdate } from "./row-locks.server";

/**
 * Asking for a report (issue 22): the same report already waiting or being
 * built is that job, whoever asked for it (its page is for whoever reads its
 * scope); a person has at most a few reports waiting at once; otherwise a
 * new job is queued. One at a time per report is held by a unique index
 * (migration 2026-12-07-42), so two requests racing for the same report
 * meet one job; the person's bound is checked with their row locked.
 */

/** Reports one person may have waiting or being built at once. */
export const MAX_WAITING_PER_PERSON = 3;

export type ReportRequestOutcome =
  { outcome: "queued" | "joined"; job: ReportJob } | { outcome: "tooMany"; waiting: number };

const active = ["queued", "running"] as const;

export async function requestReportJob(
  db: Kysely<Database>,
  args: JobRequest & { now: Date },
): Promise<ReportRequestOutcome> {
  const { now, ...request } = args;
  return db.transaction().execute(async (trx) => {
    if (request.requested_by !== null) {
      // PostgreSQL: one person's requests one after another (SQLite's transactions already are).
      await lockedForUpdate(
        trx,
        trx.selectFrom("app_user").select("id").where("id", "=", request.requested_by),
      ).execute();
    }
    const same = () =>
      trx
        .selectFrom("report_job")
        .selectAll()
        .where("scope_kind", "=", request.scope_kind)
        .where("scope_id", "=", request.scope_id)
        .where("year", "=", request.year)
        .where("format", "=", request.format)
        .where("status", "in", active)
        .orderBy("id")
        .limit(1)
        .executeTakeFirst();
    const existing = await same();
    if (existing) return { outcome: "joined", job: existing };
    if (request.requested_by !== null) {
      const { waiting } = await trx
        .selectFrom("report_job")
        .select((eb) => eb.fn.countAll<number | string>().as("waiting"))
        .where("requested_by", "=", request.requested_by)
        .where("status", "in", active)
        .executeTakeFirstOrThrow();
      if (Number(waiting) >= MAX_WAITING_PER_PERSON) {
        return { outcome: "tooMany", waiting: Number(waiting) };
      }
    }
    const at = now.toISOString();
    const inserted = await trx
      .insertInto("report_job")
      .values({
        kind: "annual_report",
        ...request,
        status: "queued",
        created_at: at,
        updated_at: at,
      })
      // Another person's request for the same report got in first: join theirs.
      .onConflict((oc) =>
        oc
          .columns(["scope_kind", "scope_id", "year", "format"])
          .where(sql<boolean>`status in ('queued', 'running')`)
          .doNothing(),
      )
      .returningAll()
      .executeTakeFirst();
    if (inserted) return { outcome: "queued", job: inserted };
    const winner = await same();
    if (!winner) throw new Error("A report job conflicted with one that is no longer there");
    return { outcome: "joined", job: winner };
  });
}
