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
 * A reminder a place lead sent to an organisation's champions for a period
 * it has not submitted: one row per organisation per sending, so a second
 * sending for the same period can be noticed (and confirmed) first.
 *
 * The email itself is a `message` like any other, whose template column
 * names the templates it may hold; SQLite cannot alter that CHECK, so the
 * table is rebuilt inside the migrator's transaction (ADR 017).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await allowReminderMessages(db);
  await withId(db, db.schema.createTable("reminder"))
    .addColumn("organisation_id", "integer", (c) =>
      c.notNull().references("organisation.id").onDelete("cascade"),
    )
    .addColumn("period_id", "integer", (c) =>
      c.notNull().references("assessment_period.id").onDelete("cascade"),
    )
    .addColumn("sent_by", "integer", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("recipients", "integer", (c) => c.notNull())
    .addColumn("sent_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("reminder_period_organisation_idx")
    .on("reminder")
    .columns(["period_id", "organisation_id"])
    .execute();
}

async function allowReminderMessages(db: Kysely<any>) {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table message drop constraint message_template_check`.execute(db);
    await sql`alter table message add constraint message_template_check
      check (template in ('invitation', 'password_reset', 'reminder'))`.execute(db);
    return;
  }
  await sql`create table message_new (
    id integer primary key autoincrement,
    template text not null check (template in ('invitation', 'password_reset', 'reminder')),
    to_email text not null,
    user_id integer references app_user(id) on delete set null,
    status text not null check (status in ('pending', 'sent', 'failed', 'outbox')),
    notify_id text,
    error text,
    outbox_body text,
    created_at text not null default CURRENT_TIMESTAMP,
    updated_at text not null default CURRENT_TIMESTAMP
  )`.execute(db);
  await sql`insert into message_new
    (id, template, to_email, user_id, status, notify_id, error, outbox_body, created_at, updated_at)
    select id, template, to_email, user_id, status, notify_id, error, outbox_body, created_at, updated_at
    from message`.execute(db);
  await sql`drop table message`.execute(db);
  await sql`alter table message_new rename to message`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("reminder").execute();
}
