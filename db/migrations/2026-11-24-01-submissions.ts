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
 * Each submission of a self-assessment, frozen: the answers and evidence as
 * they stood, and the level they earned, so later edits (after a reopening)
 * never rewrite what was reported.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("assessment_submission"))
    .addColumn("assessment_id", "integer", (c) => c.notNull().references("assessment.id"))
    .addColumn("submitted_by", "integer", (c) => c.notNull().references("app_user.id"))
    .addColumn("submitted_at", "text", (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP`))
    .addColumn("level", "text")
    .addColumn("snapshot", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("assessment_submission_assessment_idx")
    .on("assessment_submission")
    .column("assessment_id")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("assessment_submission").execute();
}
