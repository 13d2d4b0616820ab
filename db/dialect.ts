import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import pg from "pg";
import {
  CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  Kysely,
  type Kysely as KyselyType,
  PostgresDialect,
  sql,
  SqliteAdapter,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from "kysely";
import type { DatabaseConfig } from "./config";
import type { Database } from "./schema";
import { withStatementCache } from "./statement-cache";

/**
 * Opens the database for a config. The only place that knows which driver is
 * behind Kysely: models and routes are the same on both (ADR 016).
 */
export function createDatabase(config: DatabaseConfig): Kysely<Database> {
  return config.dialect === "postgres" ? openPostgres(config) : openSqlite(config.file);
}

/**
 * Opens an existing SQLite file for reading only (db:copy's source, perhaps a
 * backup's anchor.db): nothing is created, and no pragma changes the file.
 */
export function openSqliteForReading(file: string): Kysely<Database> {
  if (!fs.existsSync(file)) throw new Error(`No SQLite database at ${file}`);
  const sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

function openSqlite(file: string): Kysely<Database> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets readers work while a champion saves; FULL makes a committed save
  // survive a power cut, not only a crash of the process.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return new Kysely<Database>({
    dialect: new AnchorSqliteDialect({ database: withStatementCache(sqlite) }),
  });
}

// pg answers bigint (every count and sum) and numeric as strings, to lose no
// precision; our counts are small, and the models expect the numbers SQLite
// gives. Converted here, once, for this pool only.
const NUMBER_TYPES = new Set([pg.types.builtins.INT8, pg.types.builtins.NUMERIC]);
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    NUMBER_TYPES.has(oid)
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

function openPostgres(config: { url: string; poolMax: number }): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: config.url, max: config.poolMax, types });
  // An idle connection the server drops (restart, failover) must not end the
  // process; the next query opens a fresh one.
  pool.on("error", (error) => console.warn(`PostgreSQL connection lost: ${error.message}`));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * SQLite runs DDL inside a transaction; Kysely's adapter says it cannot, so
 * its Migrator would leave a migration half-applied when the process dies
 * midway ("table … already exists" on every later start). Saying yes makes
 * the Migrator run the pending migrations in one transaction (ADR 017).
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }

  // Runs on the migration's connection before its transaction begins, the
  // only place SQLite honours this pragma: a table rebuild (new, copy, drop,
  // rename) must not cascade or fail on foreign keys halfway. The migrator
  // checks every key before it commits instead.
  override async acquireMigrationLock(db: KyselyType<unknown>): Promise<void> {
    await sql`pragma foreign_keys = off`.execute(db);
  }

  override async releaseMigrationLock(db: KyselyType<unknown>): Promise<void> {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

/**
 * Takes the write lock when a transaction begins rather than at its first
 * write. A deferred transaction that reads and then writes cannot wait for
 * another process's commit (SQLite answers SQLITE_BUSY at once, whatever the
 * busy timeout); an immediate one waits its turn. Two processes migrating or
 * saving the same file then queue instead of failing.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

class AnchorSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}
