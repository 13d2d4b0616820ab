import { type CreateTableBuilder, type Kysely, PostgresAdapter, sql } from "kysely";

// Self-contained on purpose: a migration must behave the same forever, so it
// imports nothing from the app and nothing shared with other migrations.

function withId<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, never>) {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return table.addColumn("id", "integer", (col) =>
    postgres ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement(),
  );
}

function sqlIn(column: string, values: string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}

/**
 * Outcome measures (issue 23, ADR 040): the numbers behind the levels.
 *
 * - `outcome_measure` is a measure a system's administrators keep (its order,
 *   and whether it is still collected); what it means lives in
 *   `outcome_measure_version`, one row per definition. A changed definition
 *   is a new version; a figure keeps the version it was entered against, so
 *   no past figure silently changes meaning.
 * - `outcome_figure` is one organisation's figure for one measure in one
 *   month's return: for a share its part (numerator) and whole
 *   (denominator), for a total its value alone; with its source and a note,
 *   and the evidence item that shows it on the components the measure
 *   evidences. One per return and measure.
 * - `outcome_target`: a system's target (no organisation) or an
 *   organisation's own, each a baseline, a target value and dates. Rows are
 *   only added; the newest for a measure and organisation is the target.
 *
 * Figures are `double precision` on both databases (PostgreSQL's `real`
 * would keep only about seven digits of a spend in pounds).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("outcome_measure"))
    .addColumn("system_id", "integer", (c) =>
      c.notNull().references("system.id").onDelete("cascade"),
    )
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("retired_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("outcome_measure_system_idx")
    .on("outcome_measure")
    .columns(["system_id", "position", "id"])
    .execute();

  await withId(db, db.schema.createTable("outcome_measure_version"))
    .addColumn("measure_id", "integer", (c) =>
      c.notNull().references("outcome_measure.id").onDelete("cascade"),
    )
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("definition", "text", (c) => c.notNull())
    .addColumn("domain_number", "integer", (c) => c.notNull())
    /** JSON array of the component ids the measure evidences. */
    .addColumn("component_ids", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(sqlIn("kind", ["ratio", "total"])))
    .addColumn("unit", "text", (c) => c.notNull())
    .addColumn("numerator_label", "text")
    .addColumn("denominator_label", "text")
    .addColumn("frequency", "text", (c) =>
      c.notNull().check(sqlIn("frequency", ["monthly", "quarterly", "yearly"])),
    )
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("app_user.id").onDelete("set null"))
    .addUniqueConstraint("outcome_measure_version_unique", ["measure_id", "version"])
    // A share has a part and a whole; a total has neither.
    .addCheckConstraint(
      "outcome_measure_version_labels",
      sql`(kind = 'ratio') = (numerator_label is not null and denominator_label is not null)`,
    )
    .execute();

  await withId(db, db.schema.createTable("outcome_figure"))
    .addColumn("assessment_id", "integer", (c) =>
      c.notNull().references("assessment.id").onDelete("cascade"),
    )
    .addColumn("measure_id", "integer", (c) =>
      c.notNull().references("outcome_measure.id").onDelete("cascade"),
    )
    .addColumn("measure_version_id", "integer", (c) =>
      c.notNull().references("outcome_measure_version.id").onDelete("cascade"),
    )
    .addColumn("numerator", "double precision", (c) => c.notNull())
    .addColumn("denominator", "double precision")
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("evidence_item_id", "integer", (c) =>
      c.references("evidence_item.id").onDelete("set null"),
    )
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "integer", (c) => c.references("app_user.id").onDelete("set null"))
    .addUniqueConstraint("outcome_figure_unique", ["assessment_id", "measure_id"])
    .addCheckConstraint(
      "outcome_figure_values",
      sql`numerator >= 0 and (denominator is null or (denominator > 0 and numerator <= denominator))`,
    )
    .execute();
  await db.schema
    .createIndex("outcome_figure_evidence_idx")
    .on("outcome_figure")
    .column("evidence_item_id")
    .execute();

  await withId(db, db.schema.createTable("outcome_target"))
    .addColumn("measure_id", "integer", (c) =>
      c.notNull().references("outcome_measure.id").onDelete("cascade"),
    )
    .addColumn("organisation_id", "integer", (c) =>
      c.references("organisation.id").onDelete("cascade"),
    )
    .addColumn("baseline_value", "double precision", (c) => c.notNull())
    .addColumn("baseline_on", "text", (c) => c.notNull())
    .addColumn("target_value", "double precision", (c) => c.notNull())
    .addColumn("target_on", "text", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("set_at", "text", (c) => c.notNull())
    .addColumn("set_by", "integer", (c) => c.references("app_user.id").onDelete("set null"))
    .addCheckConstraint("outcome_target_dates", sql`baseline_on < target_on`)
    .execute();
  await db.schema
    .createIndex("outcome_target_measure_idx")
    .on("outcome_target")
    .columns(["measure_id", "organisation_id", "id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("outcome_target").execute();
  await db.schema.dropTable("outcome_figure").execute();
  await db.schema.dropTable("outcome_measure_version").execute();
  await db.schema.dropTable("outcome_measure").execute();
}
