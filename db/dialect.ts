import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import {
  CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  Kysely,
  type Kysely as KyselyType,
  sql,
  SqliteAdapter,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from "kysely";
import type { DatabaseConfig } from "./config";
import type { Database } from "./schema";

/**
 * Opens the database for a config. The only place that knows which driver is
 * behind Kysely, so a PostgreSQL dialect can be added here without touching
 * models or routes.
 */
export function createDatabase(config: DatabaseConfig): Kysely<Database> {
  fs.mkdirSync(path.dirname(config.file), { recursive: true });
  const sqlite = new SQLite(config.file);
  // WAL lets readers work while a champion saves; FULL makes a committed save
  // survive a power cut, not only a crash of the process.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return new Kysely<Database>({ dialect: new AnchorSqliteDialect({ database: sqlite }) });
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
