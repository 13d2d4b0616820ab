import { randomBytes } from "node:crypto";
import { CompiledQuery, type Kysely, PostgresAdapter } from "kysely";
import { afterEach, beforeEach } from "vitest";
import { databaseConfig } from "../../db/config";
import { createDatabase } from "../../db/dialect";
import { migrateToLatest } from "../../db/migrator";
import type { Database } from "../../db/schema";
import { makeTempDir } from "./temp";

/**
 * Which database the tests run on: SQLite files unless DATABASE_URL names a
 * PostgreSQL server (`npm run test:postgres`), where each test database is a
 * database of its own on that server.
 */
export function testingOnPostgres(): boolean {
  return /^postgres(ql)?:\/\//i.test(process.env.DATABASE_URL ?? "");
}

export type TestDatabase = {
  /** DATABASE_URL for this database. */
  url: string;
  /** A temporary directory of its own (the SQLite file, evidence files). */
  dir: string;
  /** What an app started on this database needs in its environment. */
  env: Record<string, string>;
  /** A Kysely of its own on this database; destroy it when done. */
  open: () => Kysely<Database>;
  cleanup: () => Promise<void>;
};

/** An empty database no other test sees, removed by cleanup(). */
export async function createTestDatabase(prefix = "anchor-test-"): Promise<TestDatabase> {
  const temp = makeTempDir(prefix);
  const url = testingOnPostgres()
    ? await createPostgresDatabase(process.env.DATABASE_URL!)
    : `file:${temp.dir}/test.db`;
  return {
    url,
    dir: temp.dir,
    env: { DATABASE_URL: url, EVIDENCE_DIR: `${temp.dir}/evidence` },
    open: () => createDatabase(databaseConfig(url)),
    cleanup: async () => {
      if (testingOnPostgres()) await dropPostgresDatabase(process.env.DATABASE_URL!, url);
      temp.cleanup();
    },
  };
}

/**
 * Gives each test of the file a fresh database, migrated as the app would,
 * removed after the test. Read `.db` inside hooks and tests (not at import).
 */
export function freshDatabasePerTest() {
  const state = {} as { db: Kysely<Database>; dir: string; database: TestDatabase };
  beforeEach(async () => {
    state.database = await createTestDatabase();
    state.dir = state.database.dir;
    state.db = state.database.open();
    await migrateToLatest(state.db);
  });
  afterEach(async () => {
    await state.db.destroy();
    await state.database.cleanup();
  });
  return state;
}

// C collation sorts and compares text byte by byte, as SQLite does.
async function createPostgresDatabase(adminUrl: string): Promise<string> {
  const name = `anchor_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await asAdmin(adminUrl, (db) =>
    db.executeQuery(
      CompiledQuery.raw(
        `create database ${name} template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'`,
      ),
    ),
  );
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

// A backend of another role (autovacuum, say) can be on the database for a
// moment, and `with (force)` may not end it: wait for it rather than fail.
async function dropPostgresDatabase(adminUrl: string, url: string) {
  const name = new URL(url).pathname.slice(1);
  for (let attempt = 1; ; attempt += 1) {
    try {
      await asAdmin(adminUrl, (db) =>
        db.executeQuery(CompiledQuery.raw(`drop database if exists ${name} with (force)`)),
      );
      return;
    } catch (error) {
      const busy =
        /member of the role whose process is being terminated|being accessed by other users/;
      if (attempt >= 20 || !busy.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

async function asAdmin(adminUrl: string, work: (db: Kysely<Database>) => Promise<unknown>) {
  const db = createDatabase({ dialect: "postgres", url: adminUrl, poolMax: 1 });
  try {
    await work(db);
  } finally {
    await db.destroy();
  }
}

/**
 * Plain SQL for tests that set up or inspect what the app wrote, the same on
 * both databases: `?` placeholders, `returning id` for new rows.
 */
export function openSql(url: string) {
  const db = createDatabase(databaseConfig(url));
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const compile = (text: string, args: unknown[]) => {
    let n = 0;
    return CompiledQuery.raw(postgres ? text.replace(/\?/g, () => `$${++n}`) : text, args);
  };
  const all = async <T>(text: string, ...args: unknown[]) =>
    (await db.executeQuery<T>(compile(text, args))).rows;
  const one = async <T>(text: string, ...args: unknown[]) => {
    const [row] = await all<T>(text, ...args);
    if (row === undefined) throw new Error(`Nothing found for ${text} ${args.join(", ")}`);
    return row;
  };
  return {
    postgres,
    all,
    one,
    maybe: async <T>(text: string, ...args: unknown[]) => (await all<T>(text, ...args))[0],
    run: async (text: string, ...args: unknown[]) => {
      await db.executeQuery(compile(text, args));
    },
    /** A text column holding JSON, read at a key, as SQL. */
    jsonField: (column: string, key: string) =>
      postgres ? `(${column}::json ->> '${key}')` : `json_extract(${column}, '$.${key}')`,
    close: () => db.destroy(),
  };
}

export type TestSql = ReturnType<typeof openSql>;
