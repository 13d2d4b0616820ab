import type { Kysely } from "kysely";

// Self-contained on purpose: a migration must behave the same forever, so it
// imports nothing from the app and nothing shared with other migrations.

/**
 * An email about one system's organisation (a reminder, a query) belongs to
 * that system's outbox (issue 22, the audit log's class of leak): the outbox
 * showed every email to a person in every system they hold a role in, so a
 * champion of organisations in two systems carried one system's reminders,
 * with their links, into the other's outbox. An email about the person alone
 * (an invitation, a password reset) keeps no system, as before. Existing rows
 * name no organisation, so they stay as they were.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("message")
    .addColumn("system_id", "integer", (c) => c.references("system.id").onDelete("set null"))
    .execute();
  await db.schema
    .createIndex("message_system_idx")
    .on("message")
    .columns(["system_id", "id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("message_system_idx").execute();
  await db.schema.alterTable("message").dropColumn("system_id").execute();
}
