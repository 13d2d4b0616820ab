import type { Kysely } from "kysely";

// Self-contained on purpose: a migration must behave the same forever.

/**
 * An annual report covers a financial year (April to March, "2025/26", the
 * NHS's reporting year and now the default) or a calendar year; `year` is
 * the calendar year it starts in. Jobs asked for before this were calendar
 * years. `provisional` is 1 when the person asked for a month still open to
 * returns to be reported (labelled provisional throughout); by default a
 * report shows the year's latest month that is closed or past its due date.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("report_job")
    .addColumn("year_kind", "text", (col) => col.notNull().defaultTo("calendar"))
    .execute();
  await db.schema
    .alterTable("report_job")
    .addColumn("provisional", "integer", (col) => col.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("report_job").dropColumn("provisional").execute();
  await db.schema.alterTable("report_job").dropColumn("year_kind").execute();
}
