import { type Kysely, PostgresAdapter, sql } from "kysely";

// Self-contained on purpose: a migration must behave the same forever, so it
// imports nothing from the app and nothing shared with other migrations.

/**
 * Makes PostgreSQL store what SQLite stores, so models read the same values
 * on both (ADR 016). Nothing changes on SQLite.
 *
 * - A text column defaulting to CURRENT_TIMESTAMP gets PostgreSQL's
 *   timestamp as text ("2026-11-25 09:31:00.123456+00", in the session's
 *   time zone); SQLite writes "2026-11-25 09:31:00" in UTC. The defaults now
 *   write SQLite's form.
 * - `real` is a 4-byte float on PostgreSQL (1234567.89 reads back as
 *   1234570) but 8 bytes on SQLite: a measure keeps every digit it was given.
 * - The evidence-files migration gave SQLite's rebuilt evidence_item the rule
 *   that an item is a file exactly when it names the file's bytes; its
 *   PostgreSQL branch added the columns without the rule.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;

  const columns = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and data_type = 'text'
      and column_default ilike '%current_timestamp%'`.execute(db);
  for (const { table_name, column_name } of columns.rows) {
    await sql`alter table ${sql.table(table_name)} alter column ${sql.ref(column_name)}
      set default to_char(now() at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS')`.execute(db);
    await sql`update ${sql.table(table_name)}
      set ${sql.ref(column_name)} = to_char(${sql.ref(column_name)}::timestamptz at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS')
      where ${sql.ref(column_name)} ~ '^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.'`.execute(db);
  }

  await sql`alter table evidence_item alter column measure_value type double precision`.execute(db);
  await sql`alter table evidence_item add constraint evidence_item_file_check
    check ((kind = 'file') = (file_sha256 is not null))`.execute(db);
}

export async function down(): Promise<void> {
  // Nothing to undo on SQLite; on PostgreSQL the old forms were the mistake.
}
