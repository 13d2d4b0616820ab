import type { Kysely } from "kysely";

// Self-contained on purpose: a migration must behave the same forever.

/**
 * Returns are due by a date. Each system keeps its rule (the Nth working day
 * of the month after a period ends, the tenth unless its administrators say
 * otherwise); a period may carry a date of its own that overrides the rule.
 * The due date itself is derived when read (app/periods/due-dates.ts), so
 * existing periods need no backfill.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("system")
    .addColumn("returns_due_working_day", "integer", (col) => col.notNull().defaultTo(10))
    .execute();
  await db.schema.alterTable("assessment_period").addColumn("due_on", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("assessment_period").dropColumn("due_on").execute();
  await db.schema.alterTable("system").dropColumn("returns_due_working_day").execute();
}
