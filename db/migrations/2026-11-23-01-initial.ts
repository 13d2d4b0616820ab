import { type CreateTableBuilder, type Kysely, PostgresAdapter, sql } from "kysely";

// Self-contained on purpose: a migration must behave the same forever, so it
// imports nothing from the app and nothing shared with later migrations.

function withId<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, never>) {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return table.addColumn("id", "integer", (col) =>
    postgres ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement(),
  );
}

const now = sql`CURRENT_TIMESTAMP`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("app_setting")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable("system"))
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  await withId(db, db.schema.createTable("place"))
    .addColumn("system_id", "integer", (c) => c.notNull().references("system.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint("place_system_name_unique", ["system_id", "name"])
    .execute();

  await withId(db, db.schema.createTable("organisation"))
    .addColumn("system_id", "integer", (c) => c.notNull().references("system.id"))
    .addColumn("place_id", "integer", (c) => c.references("place.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) =>
      c
        .notNull()
        .check(sql`type in ('nhs_trust', 'icb_ccg', 'local_authority', 'university', 'other')`),
    )
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint("organisation_system_name_unique", ["system_id", "name"])
    .execute();
  await db.schema
    .createIndex("organisation_place_idx")
    .on("organisation")
    .column("place_id")
    .execute();

  await withId(db, db.schema.createTable("assessment_period"))
    .addColumn("system_id", "integer", (c) => c.notNull().references("system.id"))
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("starts_on", "text", (c) => c.notNull())
    .addColumn("ends_on", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('open', 'closed')`))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint("period_system_start_unique", ["system_id", "starts_on"])
    .addCheckConstraint("period_dates_ordered", sql`starts_on <= ends_on`)
    .execute();

  await withId(db, db.schema.createTable("assessment"))
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisation.id"))
    .addColumn("period_id", "integer", (c) => c.notNull().references("assessment_period.id"))
    .addColumn("charter_version", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('draft', 'submitted')`))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("submitted_at", "text")
    .addUniqueConstraint("assessment_org_period_unique", ["organisation_id", "period_id"])
    .execute();
  // Dashboards read a whole period across organisations.
  await db.schema
    .createIndex("assessment_period_org_idx")
    .on("assessment")
    .columns(["period_id", "organisation_id"])
    .execute();

  await withId(db, db.schema.createTable("component_answer"))
    .addColumn("assessment_id", "integer", (c) =>
      c.notNull().references("assessment.id").onDelete("cascade"),
    )
    .addColumn("component_id", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status in ('not_started', 'in_progress', 'fulfilled')`),
    )
    .addColumn("opportunities", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint("answer_assessment_component_unique", ["assessment_id", "component_id"])
    .execute();

  await withId(db, db.schema.createTable("evidence_item"))
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisation.id"))
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('narrative', 'link', 'measure')`),
    )
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text")
    .addColumn("url", "text")
    .addColumn("measure_value", "real")
    .addColumn("measure_unit", "text")
    .addColumn("measure_date", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex("evidence_organisation_idx")
    .on("evidence_item")
    .column("organisation_id")
    .execute();

  await db.schema
    .createTable("component_evidence")
    .addColumn("component_answer_id", "integer", (c) =>
      c.notNull().references("component_answer.id").onDelete("cascade"),
    )
    .addColumn("evidence_item_id", "integer", (c) =>
      c.notNull().references("evidence_item.id").onDelete("cascade"),
    )
    .addPrimaryKeyConstraint("component_evidence_pk", ["component_answer_id", "evidence_item_id"])
    .execute();
  await db.schema
    .createIndex("component_evidence_item_idx")
    .on("component_evidence")
    .column("evidence_item_id")
    .execute();

  await withId(db, db.schema.createTable("progression_action"))
    .addColumn("component_answer_id", "integer", (c) =>
      c.notNull().references("component_answer.id").onDelete("cascade"),
    )
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("owner", "text")
    .addColumn("target_date", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "progression_action",
    "component_evidence",
    "evidence_item",
    "component_answer",
    "assessment",
    "assessment_period",
    "organisation",
    "place",
    "system",
    "app_setting",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
