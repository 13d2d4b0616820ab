import { type Kysely, PostgresAdapter, sql } from "kysely";

// Self-contained on purpose: a migration must behave the same forever.

/**
 * The steering group member who raised a query is emailed when a champion
 * replies to it (issue 20): a new `message` template, `query_reply`. SQLite
 * cannot alter a CHECK, so the table is rebuilt inside the migrator's
 * transaction (ADR 017), as the query-replies migration did.
 */
const templates = ["invitation", "password_reset", "reminder", "query", "query_reply"];

export async function up(db: Kysely<any>): Promise<void> {
  await allowTemplates(db, templates);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom("message").where("template", "=", "query_reply").execute();
  await allowTemplates(db, templates.slice(0, -1));
}

async function allowTemplates(db: Kysely<any>, allowed: string[]) {
  const list = sql.join(allowed.map((t) => sql.lit(t)));
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table message drop constraint message_template_check`.execute(db);
    await sql`alter table message add constraint message_template_check
      check (template in (${list}))`.execute(db);
    return;
  }
  await sql`create table message_new (
    id integer primary key autoincrement,
    template text not null check (template in (${list})),
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
