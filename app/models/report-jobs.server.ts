import { type ExpressionBuilder, type Kysely, type Selectable, sql } from "kysely";
import type { Database, ReportJobTable } from "../../db/schema";

/**
 * The report job queue (ADR 029), in portable SQL so SQLite and PostgreSQL
 * behave alike. A runner claims a job that is queued, or running under a
 * lease that has run out (its runner died), with one conditional
 * UPDATE: the claim's conditions are checked again by the UPDATE itself, so
 * of two runners racing for a job only one changes the row. Every later
 * write by a runner names its claim, so a runner that lost its lease
 * changes nothing.
 */

export type ReportJob = Selectable<ReportJobTable>;
export type JobRequest = Pick<
  ReportJob,
  "scope_kind" | "scope_id" | "system_id" | "year" | "format" | "requested_by"
> &
  Partial<Pick<ReportJob, "year_kind" | "provisional">>;

/** What makes two jobs the same report: whose, which year of which kind, which month, as what. */
export type ReportIdentity = Pick<
  ReportJob,
  "scope_kind" | "scope_id" | "year" | "year_kind" | "provisional" | "format"
>;

/** A job is tried this many times; then it fails, and says why. */
export const MAX_ATTEMPTS = 3;

/**
 * Queues a job as asked, with no checks: for the benchmark and tests. People
 * ask through `requestReportJob` (report-requests.server.ts), which joins the
 * same report already waiting and bounds what one person has waiting.
 */
export async function enqueueReportJob(
  db: Kysely<Database>,
  args: JobRequest & { now: Date },
): Promise<ReportJob> {
  const at = args.now.toISOString();
  const { now: _now, ...request } = args;
  return db
    .insertInto("report_job")
    .values({ kind: "annual_report", ...request, status: "queued", created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getReportJob(db: Kysely<Database>, args: { id: number }) {
  return db.selectFrom("report_job").selectAll().where("id", "=", args.id).executeTakeFirst();
}

/** The newest finished file of the same report: what a download serves. */
export async function latestFinishedJob(db: Kysely<Database>, args: ReportIdentity) {
  return db
    .selectFrom("report_job")
    .selectAll()
    .where("scope_kind", "=", args.scope_kind)
    .where("scope_id", "=", args.scope_id)
    .where("year", "=", args.year)
    .where("year_kind", "=", args.year_kind)
    .where("provisional", "=", args.provisional)
    .where("format", "=", args.format)
    .where("status", "=", "done")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
}

const claimable = (at: string) => (eb: ExpressionBuilder<Database, "report_job">) =>
  eb.or([
    eb("status", "=", "queued"),
    eb.and([eb("status", "=", "running"), eb("lease_until", "<", at)]),
  ]);

/** How long a finished job still counts as its person's share of the queue's time. */
export const RECENT_SHARE_MS = 15 * 60_000;

/**
 * Claims a job for `runner` until `leaseMs` from now, or null when none: the
 * oldest job of whoever has least under way, so one person's many requests
 * take turns with everyone else's rather than going first (issue 22). What
 * a person has under way is their jobs being built now or finished in the
 * last quarter of an hour.
 */
export async function claimNextJob(
  db: Kysely<Database>,
  args: { runner: string; now: Date; leaseMs: number },
): Promise<ReportJob | null> {
  const at = args.now.toISOString();
  const recent = new Date(args.now.getTime() - RECENT_SHARE_MS).toISOString();
  const underWay = sql<number>`(select count(*) from report_job o
    where o.requested_by = report_job.requested_by and o.id <> report_job.id
      and (o.status = 'running' or o.finished_at >= ${recent}))`;
  const row = await db
    .updateTable("report_job")
    .set((eb) => ({
      status: "running",
      claimed_by: args.runner,
      lease_until: new Date(args.now.getTime() + args.leaseMs).toISOString(),
      attempts: eb("attempts", "+", 1),
      updated_at: at,
    }))
    .where(
      "id",
      "=",
      db
        .selectFrom("report_job")
        .select("id")
        .where(claimable(at))
        .orderBy(underWay)
        .orderBy("id")
        .limit(1),
    )
    .where(claimable(at))
    .returningAll()
    .executeTakeFirst();
  return row ?? null;
}

/** Records progress and renews the lease; false when the runner no longer holds the job. */
export async function recordProgress(
  db: Kysely<Database>,
  args: { id: number; runner: string; progress: number; now: Date; leaseMs: number },
): Promise<boolean> {
  const result = await db
    .updateTable("report_job")
    .set({
      progress: Math.max(0, Math.min(100, Math.floor(args.progress))),
      lease_until: new Date(args.now.getTime() + args.leaseMs).toISOString(),
      updated_at: args.now.toISOString(),
    })
    .where("id", "=", args.id)
    .where("claimed_by", "=", args.runner)
    .where("status", "=", "running")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Marks the job done with its file, and hands back the files of the same
 * report it replaces (older finished jobs), for the caller to delete.
 */
export async function finishJob(
  db: Kysely<Database>,
  args: { id: number; runner: string; fileName: string; storedAs: string; size: number; now: Date },
): Promise<{ finished: boolean; replaced: string[] }> {
  return db.transaction().execute(async (trx) => {
    const at = args.now.toISOString();
    const result = await trx
      .updateTable("report_job")
      .set({
        status: "done",
        progress: 100,
        file_name: args.fileName,
        stored_as: args.storedAs,
        file_size: args.size,
        lease_until: null,
        finished_at: at,
        updated_at: at,
      })
      .where("id", "=", args.id)
      .where("claimed_by", "=", args.runner)
      .where("status", "=", "running")
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return { finished: false, replaced: [] };
    const job = (await getReportJob(trx, { id: args.id }))!;
    const older = await trx
      .selectFrom("report_job")
      .select(["id", "stored_as"])
      .where("scope_kind", "=", job.scope_kind)
      .where("scope_id", "=", job.scope_id)
      .where("year", "=", job.year)
      .where("year_kind", "=", job.year_kind)
      .where("provisional", "=", job.provisional)
      .where("format", "=", job.format)
      .where("status", "=", "done")
      .where("id", "<", job.id)
      .execute();
    if (older.length) {
      await trx
        .updateTable("report_job")
        .set({ stored_as: null, updated_at: at })
        .where(
          "id",
          "in",
          older.map((o) => o.id),
        )
        .execute();
    }
    return {
      finished: true,
      replaced: older.map((o) => o.stored_as).filter((s): s is string => s !== null),
    };
  });
}

/** A failed attempt: queued again while attempts remain, else failed with the reason. */
export async function failAttempt(
  db: Kysely<Database>,
  args: { id: number; runner: string; error: string; now: Date },
) {
  const job = await getReportJob(db, { id: args.id });
  if (!job || job.claimed_by !== args.runner) return;
  const last = job.attempts >= MAX_ATTEMPTS;
  await db
    .updateTable("report_job")
    .set({
      status: last ? "failed" : "queued",
      error: args.error.slice(0, 500),
      claimed_by: null,
      lease_until: null,
      updated_at: args.now.toISOString(),
      finished_at: last ? args.now.toISOString() : null,
    })
    .where("id", "=", args.id)
    .where("claimed_by", "=", args.runner)
    .execute();
}
