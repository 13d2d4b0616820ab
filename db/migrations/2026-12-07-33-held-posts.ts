import { type CreateTableBuilder, type Kysely, PostgresAdapter } from "kysely";

// Self-contained on purpose: a migration must behave the same forever, so it
// imports nothing from the app and nothing shared with other migrations.

function withId<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, never>) {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return table.addColumn("id", "integer", (col) =>
    postgres ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement(),
  );
}

/**
 * A form posted after its sender's session ended (issue 21): what it carried
 * is held for that person for a few minutes, and shown back after they sign
 * in again, to send through the same action (its validation and version
 * check) or discard. Files are not held, only the form's text.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("held_post"))
    .addColumn("user_id", "integer", (c) =>
      c.notNull().references("app_user.id").onDelete("cascade"),
    )
    /** Path and query the form was posted to. */
    .addColumn("path", "text", (c) => c.notNull())
    /** JSON array of [name, value] pairs, in the order posted. */
    .addColumn("fields", "text", (c) => c.notNull())
    .addColumn("files_left_out", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("held_post_user_idx").on("held_post").column("user_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("held_post").execute();
}
