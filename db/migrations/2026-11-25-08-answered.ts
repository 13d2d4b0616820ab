import { type Kysely, sql } from "kysely";

// Self-contained on purpose: a migration must behave the same forever.

/**
 * "Not answered" is not "Not started": a component's row gets `answered_at`
 * when a champion first gives it a status. Rows someone has saved (version
 * above 1) or that hold a status other than not started were answered under
 * the old rules; a row still at version 1 and not started was only ever
 * created by starting the month, so nobody has answered it yet.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("component_answer").addColumn("answered_at", "text").execute();
  await db
    .updateTable("component_answer")
    .set({ answered_at: sql`updated_at` })
    .where((eb) => eb.or([eb("status", "<>", "not_started"), eb("version", ">", 1)]))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("component_answer").dropColumn("answered_at").execute();
}
