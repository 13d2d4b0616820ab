import { type Kysely, PostgresAdapter, sql } from "kysely";

// Self-contained on purpose: a migration must behave the same forever, so it
// imports nothing from the app and nothing shared with other migrations.

/**
 * Steering groups verify or query a fulfilled component; each review is kept
 * (a history, newest applies) with the answer version it looked at, so a
 * change by the champion afterwards shows the review no longer covers it.
 * Champions may share an evidence item with the collaborative as good practice.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable("component_review")
    .addColumn("id", "integer", (col) =>
      postgres ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement(),
    )
    .addColumn("component_answer_id", "integer", (c) =>
      c.notNull().references("component_answer.id").onDelete("cascade"),
    )
    .addColumn("answer_version", "integer", (c) => c.notNull())
    .addColumn("reviewer_id", "integer", (c) => c.notNull().references("app_user.id"))
    .addColumn("verdict", "text", (c) => c.notNull().check(sql`verdict in ('verified', 'queried')`))
    .addColumn("comment", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP`))
    .execute();
  await db.schema
    .createIndex("component_review_answer_idx")
    .on("component_review")
    .columns(["component_answer_id", "id"])
    .execute();

  await db.schema.alterTable("evidence_item").addColumn("shared_at", "text").execute();
  await db.schema
    .alterTable("evidence_item")
    .addColumn("shared_by", "integer", (c) => c.references("app_user.id"))
    .execute();
  await db.schema
    .createIndex("evidence_shared_idx")
    .on("evidence_item")
    .columns(["shared_at"])
    .where(sql.ref("shared_at"), "is not", null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("evidence_shared_idx").execute();
  await db.schema.alterTable("evidence_item").dropColumn("shared_by").execute();
  await db.schema.alterTable("evidence_item").dropColumn("shared_at").execute();
  await db.schema.dropTable("component_review").execute();
}
