import type { Kysely } from "kysely";

// Self-contained on purpose: a migration must behave the same forever.

/** The audit log is filtered by who acted; without an index that reads every row. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("audit_event_actor_idx")
    .on("audit_event")
    .column("actor_user_id")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("audit_event_actor_idx").execute();
}
