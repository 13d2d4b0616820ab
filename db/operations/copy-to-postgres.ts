import { type Kysely, sql } from "kysely";
import { migrations } from "../migrations";
import type { Database } from "../schema";
import { migrateToLatest } from "../migrator";
import { copyEvidenceFiles, type EvidenceCopy } from "./evidence-copy";
import { type Row, rowsInKeyOrder, TableChecksum, tableChecksum } from "./table-rows";
import { postgresColumns, sqliteTablesInForeignKeyOrder, type TableShape } from "./tables";

export class CopyRefused extends Error {}

export type TableVerdict = {
  table: string;
  source: { rows: number; sha256: string };
  target: { rows: number; sha256: string };
  seconds: number;
};

export type CopyResult = {
  tables: TableVerdict[];
  matches: boolean;
  /** Null when the evidence stays in a folder the PostgreSQL servers share. */
  evidence: EvidenceCopy | null;
};

/**
 * Moves a whole SQLite deployment into an empty PostgreSQL database (ADR 024):
 * refuses a target holding any row, migrates it with the app's migrations,
 * copies each table in one transaction, parents first, a batch of rows per
 * insert, sets each identity column's sequence past the copied ids, gathers
 * the planner's statistics (ANALYZE), then reads both sides again and
 * compares row counts and checksums. The source is read in
 * one read transaction: a server still writing to it cannot tear the copy
 * (but writes after it began are not copied: stop the servers first).
 */
export async function copyToPostgres(args: {
  source: Kysely<Database>;
  target: Kysely<Database>;
  evidence: { from: string; to: string | null };
  batchRows?: number;
  progress?: (message: string) => void;
}): Promise<CopyResult> {
  const { source, target } = args;
  const progress = args.progress ?? (() => {});
  await refuseUnlessEmpty(target);
  await refuseUnlessCurrent(source);
  await migrateToLatest(target);

  await sql`begin`.execute(source);
  try {
    const tables = await sqliteTablesInForeignKeyOrder(source);
    const targetTables = await postgresColumns(target);
    refuseUnlessSameTables(tables, targetTables);
    const copied: Array<{ table: TableShape; rows: number; sha256: string; seconds: number }> = [];
    for (const table of tables) {
      const started = performance.now();
      const types = targetTables.get(table.name)!;
      const { rows, sha256 } = await copyTable(source, target, table, types, args.batchRows);
      const seconds = (performance.now() - started) / 1000;
      progress(`${table.name}: ${rows} rows in ${seconds.toFixed(1)} s`);
      copied.push({ table, rows, sha256, seconds });
    }
    await resetIdentitySequences(target);
    // A bulk load leaves the planner no statistics (autovacuum may be off, or
    // late): without them, the readers' queries took minutes, not milliseconds.
    progress("Analysing the copied tables…");
    for (const table of tables) await sql`analyze ${sql.table(table.name)}`.execute(target);

    progress("Verifying every table on PostgreSQL…");
    const verdicts: TableVerdict[] = [];
    for (const { table, rows, sha256, seconds } of copied) {
      const back = await tableChecksum(target, table, { pageRows: 10_000, postgres: true });
      verdicts.push({ table: table.name, source: { rows, sha256 }, target: back, seconds });
    }

    const sha256s = (
      await sql<{ sha256: string }>`select sha256 from evidence_file order by sha256`.execute(
        source,
      )
    ).rows.map((r) => r.sha256);
    const evidence = args.evidence.to
      ? await copyEvidenceFiles(sha256s, args.evidence.from, args.evidence.to)
      : null;
    const matches = verdicts.every(
      (v) => v.source.rows === v.target.rows && v.source.sha256 === v.target.sha256,
    );
    return { tables: verdicts, matches, evidence };
  } finally {
    await sql`rollback`.execute(source);
  }
}

/**
 * One transaction per table, a batch of rows per statement. A batch goes as
 * one array per column (`insert … select * from unnest($1::int4[], …)`): a
 * handful of parameters however many rows, where a VALUES list of the same
 * rows would make PostgreSQL parse tens of thousands of parameters (943,648
 * answers: 24.4 s that way, 14.7 s this way, on the shared 2-core machine).
 * The next batch is read from SQLite while PostgreSQL inserts the last one;
 * the source checksum is taken from the very rows sent.
 */
async function copyTable(
  source: Kysely<Database>,
  target: Kysely<Database>,
  table: TableShape,
  types: Map<string, string>,
  batchRows = 10_000,
): Promise<{ rows: number; sha256: string }> {
  const checksum = new TableChecksum(table.columns);
  const columns = sql.join(table.columns.map((c) => sql.ref(c)));
  await target.transaction().execute(async (trx) => {
    const insert = (page: Row[]) => {
      const arrays = table.columns.map(
        (c) => sql`${page.map((row) => row[c] ?? null)}::${sql.id(types.get(c)!)}[]`,
      );
      return sql`insert into ${sql.table(table.name)} (${columns})
        select * from unnest(${sql.join(arrays)})`.execute(trx);
    };
    let pending: Promise<unknown> = Promise.resolve();
    for await (const page of rowsInKeyOrder(source, table, {
      pageRows: batchRows,
      postgres: false,
    })) {
      await pending;
      pending = insert(page);
      checksum.add(page);
    }
    await pending;
  });
  return { rows: checksum.rows, sha256: checksum.digest() };
}

async function refuseUnlessEmpty(target: Kysely<Database>) {
  const tables = await postgresColumns(target);
  const holding: string[] = [];
  for (const name of tables.keys()) {
    const { rows } = await sql`select 1 from ${sql.table(name)} limit 1`.execute(target);
    if (rows.length) holding.push(name);
  }
  if (holding.length) {
    throw new CopyRefused(
      `The target database is not empty (${holding.join(", ")} hold rows): db:copy moves a ` +
        "deployment only into an empty PostgreSQL database. Create a new one (see README).",
    );
  }
}

async function refuseUnlessCurrent(source: Kysely<Database>) {
  const known = Object.keys(migrations).sort();
  const ran = (
    await sql<{ name: string }>`select name from kysely_migration order by name`
      .execute(source)
      .catch(() => ({ rows: [] }))
  ).rows.map((r) => r.name);
  const behind = known.filter((name) => !ran.includes(name));
  const ahead = ran.filter((name) => !known.includes(name));
  if (ahead.length) {
    throw new CopyRefused(
      `The source ran migrations this version does not know (${ahead.join(", ")}): copy it with the version that wrote it.`,
    );
  }
  if (behind.length) {
    throw new CopyRefused(
      `The source has not run ${behind.length} migration(s) (${behind[0]}…): bring it up to date first ` +
        "(DATABASE_URL=file:… npm run db:migrate), so both sides have the same tables.",
    );
  }
}

async function refuseUnlessSameTables(
  tables: TableShape[],
  targetTables: Map<string, Map<string, string>>,
) {
  for (const table of tables) {
    const columns = targetTables.get(table.name);
    const missing = table.columns.filter((c) => !columns?.has(c));
    if (missing.length) {
      throw new Error(`PostgreSQL's ${table.name} lacks ${missing.join(", ")} after migrating`);
    }
  }
}

/**
 * Rows keep their ids, so each identity column's sequence must move past the
 * largest copied id, or the next insert on PostgreSQL would collide.
 */
async function resetIdentitySequences(target: Kysely<Database>) {
  const identities = (
    await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = current_schema() and is_identity = 'YES'`.execute(target)
  ).rows;
  for (const { table_name, column_name } of identities) {
    const column = sql.ref(column_name);
    await sql`select setval(pg_get_serial_sequence(${table_name}, ${column_name}),
        coalesce(max(${column}), 0) + 1, false) from ${sql.table(table_name)}`.execute(target);
  }
}
