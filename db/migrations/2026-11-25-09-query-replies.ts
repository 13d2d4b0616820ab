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
 * A champion's answer to a steering group's query, recorded against the
 * query (the review row) rather than the month: a submitted month's answers
 * and snapshot stay as they were sent. New evidence given with a reply is an
 * organisation evidence item linked only to the reply, never to the answer.
 *
 * Champions are emailed when a component is queried, a new `message`
 * template; SQLite cannot alter that CHECK, so the table is rebuilt inside
 * the migrator's transaction (ADR 017), as the reminders migration did.
 *
 * The audit log is also read by what it is about (a month's reopening, an
 * organisation's events) and by kind: indexes for those filters (its time
 * and its actor have theirs already).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await allowQueryMessages(db);
  await withId(db, db.schema.createTable("query_reply"))
    .addColumn("review_id", "integer", (c) =>
      c.notNull().references("component_review.id").onDelete("cascade"),
    )
    .addColumn("author_id", "integer", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("evidence_item_id", "integer", (c) =>
      c.references("evidence_item.id").onDelete("set null"),
    )
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("query_reply_review_idx")
    .on("query_reply")
    .columns(["review_id", "id"])
    .execute();
  await db.schema
    .createIndex("audit_event_target_idx")
    .on("audit_event")
    .columns(["target_type", "target_id", "id"])
    .execute();
  await db.schema
    .createIndex("audit_event_action_idx")
    .on("audit_event")
    .columns(["action", "id"])
    .execute();
}

async function allowQueryMessages(db: Kysely<any>) {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table message drop constraint message_template_check`.execute(db);
    await sql`alter table message add constraint message_template_check
      check (template in ('invitation', 'password_reset', 'reminder', 'query'))`.execute(db);
    return;
  }
  await sql`create table message_new (
    id integer primary key autoincrement,
    template text not null check (template in ('invitation', 'password_reset', 'reminder', 'query')),
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
  await db.schema.dropIndex("audit_event_action_idx").execute();
  await db.schema.dropIndex("audit_event_target_idx").execute();
  await db.schema.dropTable("query_reply").execute();
}
