import { type Kysely, sql } from "kysely";

// Self-contained on purpose: a migration must behave the same forever, so it
// imports nothing from the app and nothing shared with other migrations.

/**
 * One job at a time for a report (issue 22): the same scope, year and format
 * may be waiting or being built only once, so asking again while it is joins
 * the job already there, and two requests racing for it cannot both queue.
 * Held by a unique index over the jobs still to finish (SQLite and
 * PostgreSQL both take a partial index).
 *
 * Existing duplicates are settled first: of the same report waiting or being
 * built more than once, the oldest job stays and the later ones fail, saying
 * the first one builds it.
 *
 * The queue also counts each person's jobs (at most a few waiting, and the
 * claim order favours people with little under way): an index for that.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const now = new Date().toISOString();
  await sql`update report_job
    set status = 'failed',
        error = ${"The same report was already waiting to be built: that request builds it."},
        claimed_by = null, lease_until = null, finished_at = ${now}, updated_at = ${now}
    where status in ('queued', 'running') and exists (
      select 1 from report_job o
      where o.scope_kind = report_job.scope_kind and o.scope_id = report_job.scope_id
        and o.year = report_job.year and o.format = report_job.format
        and o.status in ('queued', 'running') and o.id < report_job.id)`.execute(db);
  await db.schema
    .createIndex("report_job_active_idx")
    .unique()
    .on("report_job")
    .columns(["scope_kind", "scope_id", "year", "format"])
    .where(sql<boolean>`status in ('queued', 'running')`)
    .execute();
  await db.schema
    .createIndex("report_job_requester_idx")
    .on("report_job")
    .columns(["requested_by", "status"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("report_job_requester_idx").execute();
  await db.schema.dropIndex("report_job_active_idx").execute();
}
