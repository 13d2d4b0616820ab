import { type CreateTableBuilder, type Kysely, PostgresAdapter, sql } from "kysely";

// Self-contained on purpose: a migration must behave the same forever, so it
// imports nothing from the app and nothing shared with other migrations.

function withId<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, never>) {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return table.addColumn("id", "integer", (col) =>
    postgres ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement(),
  );
}

/**
 * Documents built off the request path (the annual report, ADR 029): a job
 * is queued by a request, claimed by a runner with a lease it renews while
 * it works (so a job whose runner died is claimed again once the lease runs
 * out), records its progress, and once done names the file it wrote.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("report_job"))
    .addColumn("kind", "text", (c) => c.notNull().check(sqlIn("kind", ["annual_report"])))
    .addColumn("scope_kind", "text", (c) =>
      c.notNull().check(sqlIn("scope_kind", ["organisation", "place", "system"])),
    )
    .addColumn("scope_id", "integer", (c) => c.notNull())
    .addColumn("system_id", "integer", (c) =>
      c.notNull().references("system.id").onDelete("cascade"),
    )
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("format", "text", (c) => c.notNull().check(sqlIn("format", ["pdf", "docx"])))
    .addColumn("requested_by", "integer", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("status", "text", (c) =>
      c.notNull().check(sqlIn("status", ["queued", "running", "done", "failed"])),
    )
    /** Whole percent, 0 to 100. */
    .addColumn("progress", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("claimed_by", "text")
    .addColumn("lease_until", "text")
    .addColumn("error", "text")
    .addColumn("file_name", "text")
    .addColumn("stored_as", "text")
    .addColumn("file_size", "integer")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .execute();
  await db.schema
    .createIndex("report_job_status_idx")
    .on("report_job")
    .columns(["status", "id"])
    .execute();
  await db.schema
    .createIndex("report_job_scope_idx")
    .on("report_job")
    .columns(["scope_kind", "scope_id", "year", "format", "status"])
    .execute();
}

function sqlIn(column: string, values: string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("report_job").execute();
}
