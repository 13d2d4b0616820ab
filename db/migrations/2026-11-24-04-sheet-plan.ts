import { type Kysely, PostgresAdapter, sql } from "kysely";

// Self-contained on purpose: a migration must behave the same forever, so it
// imports nothing from the app and nothing shared with other migrations.

/**
 * The sheet as an improvement plan: which of a component's practices are in
 * place (JSON array of practice indexes, saved with the component under its
 * version), and per domain which cross-cutting principles are in place, with
 * a note and its own version so two champions cannot overwrite each other.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .alterTable("component_answer")
    .addColumn("practices_in_place", "text", (c) => c.notNull().defaultTo("[]"))
    .execute();
  await db.schema
    .createTable("domain_principles")
    .addColumn("id", "integer", (col) =>
      postgres ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement(),
    )
    .addColumn("assessment_id", "integer", (c) =>
      c.notNull().references("assessment.id").onDelete("cascade"),
    )
    .addColumn("domain_number", "integer", (c) => c.notNull())
    .addColumn("principles_in_place", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP`))
    .addUniqueConstraint("domain_principles_assessment_domain", ["assessment_id", "domain_number"])
    .execute();
  await db.schema
    .createIndex("progression_action_answer_idx")
    .on("progression_action")
    .columns(["component_answer_id", "id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("progression_action_answer_idx").execute();
  await db.schema.dropTable("domain_principles").execute();
  await db.schema.alterTable("component_answer").dropColumn("practices_in_place").execute();
}
