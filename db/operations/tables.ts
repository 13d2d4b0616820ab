import { type Kysely, sql } from "kysely";

/** A table as db:copy moves it: its columns, primary key and the tables it refers to. */
export type TableShape = {
  name: string;
  columns: string[];
  /** Primary key columns in key order, with whether each holds text (ordering needs to know). */
  key: Array<{ column: string; text: boolean }>;
  references: string[];
};

// Kysely's own bookkeeping: the target's migrator writes its own.
const NOT_DATA = new Set(["kysely_migration", "kysely_migration_lock"]);

/**
 * Every data table of a SQLite database, parents before children, so rows
 * can be inserted with every foreign key checked as they arrive.
 */
export async function sqliteTablesInForeignKeyOrder<DB>(db: Kysely<DB>): Promise<TableShape[]> {
  const names = (
    await sql<{ name: string }>`select name from sqlite_master
      where type = 'table' and name not like 'sqlite_%' order by name`.execute(db)
  ).rows
    .map((row) => row.name)
    .filter((name) => !NOT_DATA.has(name));
  const shapes: TableShape[] = [];
  for (const name of names) {
    const columns = (
      await sql<{
        name: string;
        type: string;
        pk: number;
      }>`select name, type, pk from pragma_table_info(${name}) order by cid`.execute(db)
    ).rows;
    const references = (
      await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${name})`.execute(db)
    ).rows.map((row) => row.table);
    const key = columns
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => ({ column: c.name, text: /text|char|clob/i.test(c.type) }));
    if (!key.length) throw new Error(`Table ${name} has no primary key: its rows have no order`);
    shapes.push({ name, columns: columns.map((c) => c.name), key, references });
  }
  return foreignKeyOrder(shapes);
}

function foreignKeyOrder(tables: TableShape[]): TableShape[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const ordered: TableShape[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const visit = (table: TableShape) => {
    if (placed.has(table.name)) return;
    if (visiting.has(table.name))
      throw new Error(`Foreign keys go round in a circle at ${table.name}`);
    visiting.add(table.name);
    for (const parent of table.references) {
      const shape = byName.get(parent);
      if (shape && parent !== table.name) visit(shape);
    }
    visiting.delete(table.name);
    placed.add(table.name);
    ordered.push(table);
  };
  tables.forEach(visit);
  return ordered;
}

/** The data tables of the PostgreSQL schema in use: each column's type (`int4`, `text`, …) by name. */
export async function postgresColumns<DB>(
  db: Kysely<DB>,
): Promise<Map<string, Map<string, string>>> {
  const rows = (
    await sql<{ table_name: string; column_name: string; udt_name: string }>`
      select c.table_name, c.column_name, c.udt_name from information_schema.columns c
      join information_schema.tables t
        on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
      order by c.table_name, c.ordinal_position`.execute(db)
  ).rows;
  const tables = new Map<string, Map<string, string>>();
  for (const row of rows) {
    if (NOT_DATA.has(row.table_name)) continue;
    const columns = tables.get(row.table_name) ?? new Map<string, string>();
    columns.set(row.column_name, row.udt_name);
    tables.set(row.table_name, columns);
  }
  return tables;
}
