import { createHash } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { TableShape } from "./tables";

export type Row = Record<string, unknown>;

/**
 * A table's rows in primary-key order, a page at a time, the same query on
 * both databases: keyset pages (`where key > last`), so each page costs the
 * same however deep into the table it is. Text keys sort byte by byte on
 * PostgreSQL too (`collate "C"`, as SQLite compares), so both sides list the
 * rows in one order whatever the target database's collation.
 */
export async function* rowsInKeyOrder<DB>(
  db: Kysely<DB>,
  table: TableShape,
  options: { pageRows: number; postgres: boolean },
): AsyncGenerator<Row[]> {
  const keyTerms = table.key.map((k) =>
    options.postgres && k.text ? sql`${sql.ref(k.column)} collate "C"` : sql.ref(k.column),
  );
  const columns = sql.join(table.columns.map((c) => sql.ref(c)));
  let last: Row | null = null;
  for (;;) {
    const after: ReturnType<typeof sql> = last
      ? sql`where (${sql.join(keyTerms)}) > (${sql.join(table.key.map((k) => last![k.column]))})`
      : sql``;
    const page = (
      await sql<Row>`select ${columns} from ${sql.table(table.name)} ${after}
        order by ${sql.join(keyTerms)} limit ${options.pageRows}`.execute(db)
    ).rows;
    if (page.length) yield page;
    if (page.length < options.pageRows) return;
    last = page[page.length - 1]!;
  }
}

/**
 * One value as text, the same whichever database it came from: null apart
 * from every text; numbers in JavaScript's shortest form (SQLite's REAL and
 * PostgreSQL's double precision give the same double); booleans as the 1/0
 * SQLite stores; bytes as hex; a date (a timestamp column) in ISO form.
 */
export function canonicalValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number") return Object.is(value, -0) ? "0" : String(value);
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "boolean") return value ? "1" : "0";
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString("hex")}`;
  return JSON.stringify(value);
}

/**
 * SHA-256 over a table's rows in key order, each row the JSON array of its
 * canonical values in column order and a newline: unambiguous (a comma or a
 * quote inside text cannot pass for a column boundary) and cheap to stream.
 */
export class TableChecksum {
  readonly #hash = createHash("sha256");
  rows = 0;

  constructor(private readonly columns: string[]) {}

  add(page: Row[]) {
    for (const row of page) {
      this.#hash.update(`${JSON.stringify(this.columns.map((c) => canonicalValue(row[c])))}\n`);
    }
    this.rows += page.length;
  }

  digest(): string {
    return this.#hash.digest("hex");
  }
}

export async function tableChecksum<DB>(
  db: Kysely<DB>,
  table: TableShape,
  options: { pageRows: number; postgres: boolean },
): Promise<{ rows: number; sha256: string }> {
  const checksum = new TableChecksum(table.columns);
  for await (const page of rowsInKeyOrder(db, table, options)) checksum.add(page);
  return { rows: checksum.rows, sha256: checksum.digest() };
}
