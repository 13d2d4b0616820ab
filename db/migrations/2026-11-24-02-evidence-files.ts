import { type Kysely, PostgresAdapter, sql } from "kysely";

// Self-contained on purpose: a migration must behave the same forever, so it
// imports nothing from the app and nothing shared with other migrations.

/**
 * Uploaded evidence. The bytes live on disk under their SHA-256 (so one
 * document uploaded twice is stored once, and can back several components and
 * later periods); `evidence_file` records what was checked of them. An
 * evidence item of kind 'file' points at one and keeps the name it was
 * uploaded under.
 *
 * SQLite cannot alter a CHECK constraint, so evidence_item is rebuilt the way
 * SQLite's documentation prescribes (new table, copy, drop, rename), in one
 * transaction with foreign keys checked before they are turned back on.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("evidence_file")
    .ifNotExists()
    .addColumn("sha256", "text", (c) => c.primaryKey())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("media_type", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP`))
    .execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table evidence_item drop constraint evidence_item_kind_check`.execute(db);
    await sql`alter table evidence_item add constraint evidence_item_kind_check
      check (kind in ('narrative', 'link', 'measure', 'file'))`.execute(db);
    await sql`alter table evidence_item
      add column file_sha256 text references evidence_file(sha256),
      add column file_name text`.execute(db);
    return;
  }

  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      await sql`create table evidence_item_new (
        id integer primary key autoincrement,
        organisation_id integer not null references organisation(id),
        kind text not null check (kind in ('narrative', 'link', 'measure', 'file')),
        title text not null,
        body text,
        url text,
        measure_value real,
        measure_unit text,
        measure_date text,
        created_at text not null default CURRENT_TIMESTAMP,
        file_sha256 text references evidence_file(sha256),
        file_name text,
        check ((kind = 'file') = (file_sha256 is not null))
      )`.execute(trx);
      await sql`insert into evidence_item_new
        (id, organisation_id, kind, title, body, url, measure_value, measure_unit, measure_date, created_at)
        select id, organisation_id, kind, title, body, url, measure_value, measure_unit, measure_date, created_at
        from evidence_item`.execute(trx);
      await sql`drop table evidence_item`.execute(trx);
      await sql`alter table evidence_item_new rename to evidence_item`.execute(trx);
      await sql`create index evidence_organisation_idx on evidence_item (organisation_id)`.execute(
        trx,
      );
      const broken = await sql`pragma foreign_key_check`.execute(trx);
      if (broken.rows.length) {
        throw new Error(`evidence_item rebuild broke ${broken.rows.length} foreign key(s)`);
      }
    });
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error("Evidence files cannot be unmigrated without losing uploaded evidence.");
}
