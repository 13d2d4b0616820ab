import { type Kysely, PostgresAdapter, sql } from "kysely";

// Self-contained on purpose: a migration must behave the same forever.

/**
 * PostgreSQL samples a column to guess how many distinct values it holds, and
 * for a foreign key whose rows come in fixed-size groups it guesses badly:
 * at national scale it put `component_answer.assessment_id` at 139,238
 * distinct values where there were 598,981, so the readers' review query
 * (`… where c.assessment_id in (…)`) ran as a parallel scan of every review:
 * 45 ms at 120 months, 0.9 ms once told (issue 24). The charter fixes these
 * fan-outs: 16 answers per assessment (2021 charter) and six principle rows
 * (one per domain). A negative n_distinct is a ratio of the rows, so it stays
 * right as the tables grow, and near enough if a later charter adds a
 * component. SQLite's planner has no such setting and needs none.
 */
const fanOuts = [
  { table: "component_answer", column: "assessment_id", perParent: 16 },
  { table: "domain_principles", column: "assessment_id", perParent: 6 },
];

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const { table, column, perParent } of fanOuts) {
    const ratio = -(1 / perParent);
    await sql
      .raw(`alter table ${table} alter column ${column} set (n_distinct = ${ratio})`)
      .execute(db);
  }
  // The setting is read by ANALYZE; run it now so a database already full of
  // history plans with it at once (cheap on an empty one).
  for (const { table } of fanOuts) await sql.raw(`analyze ${table}`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const { table, column } of fanOuts) {
    await sql.raw(`alter table ${table} alter column ${column} reset (n_distinct)`).execute(db);
  }
}
