import {
  type Kysely,
  type Migration,
  type MigrationResultSet,
  Migrator,
  PostgresAdapter,
  sql,
} from "kysely";
import { migrations } from "./migrations";
import type { Database } from "./schema";

/**
 * Brings the database up to date, all or nothing: the dialects say DDL is
 * transactional (see db/dialect.ts), so the Migrator runs every pending
 * migration and its bookkeeping in one transaction, and a process killed
 * midway leaves the database as it was before (ADR 017).
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  return applied(await appMigrator(db).migrateToLatest());
}

/** Up or down to the named migration, with the same guards (for tests of an upgrade). */
export async function migrateTo(db: Kysely<Database>, name: string): Promise<string[]> {
  return applied(await appMigrator(db).migrateTo(name));
}

function appMigrator(db: Kysely<Database>) {
  return new Migrator({ db, provider: { getMigrations: async () => checked(migrations) } });
}

function applied({ error, results = [] }: MigrationResultSet): string[] {
  const failed = results.find((r) => r.status === "Error");
  if (error || failed) {
    const name = failed ? ` "${failed.migrationName}"` : "";
    throw new Error(`Database migration${name} failed: ${String(error)}`, { cause: error });
  }
  return results.filter((r) => r.status === "Success").map((r) => r.migrationName);
}

function checked(all: Record<string, Migration>): Record<string, Migration> {
  return Object.fromEntries(
    Object.entries(all).map(([name, migration]) => [
      name,
      {
        ...migration,
        up: async (db: Kysely<unknown>) => {
          await migration.up(joiningTheOpenTransaction(db));
          await checkForeignKeys(db, name);
          killHereInTests(name);
        },
      },
    ]),
  );
}

/**
 * Migrations written before ADR 017 open their own transaction; since then the
 * migrator already holds one, and Kysely refuses a nested one. Landed
 * migrations must not change (a database that ran them keeps the old text), so
 * their `transaction()` joins the open transaction here instead.
 */
function joiningTheOpenTransaction<DB>(db: Kysely<DB>): Kysely<DB> {
  if (!db.isTransaction) return db;
  return new Proxy(db, {
    get(target, property) {
      if (property === "transaction") {
        return () => ({ execute: <T>(work: (trx: Kysely<DB>) => Promise<T>) => work(target) });
      }
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

// SQLite migrates with foreign keys off (so tables can be rebuilt), so every
// key is checked before the transaction commits. PostgreSQL checks as it goes.
async function checkForeignKeys(db: Kysely<unknown>, name: string) {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  const broken = await sql`pragma foreign_key_check`.execute(db);
  if (broken.rows.length) {
    throw new Error(`${name} leaves ${broken.rows.length} broken foreign key(s)`);
  }
}

/**
 * For the crash tests: dies as a power cut would, after the migration's last
 * statement and before anything is committed. Nothing sets it outside tests.
 */
function killHereInTests(name: string) {
  if (process.env.ANCHOR_TEST_KILL_IN_MIGRATION === name) process.kill(process.pid, "SIGKILL");
}

/** The migrations this build knows that the database has not run (for /readyz). */
export async function pendingMigrations(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  return (await migrator.getMigrations()).filter((m) => !m.executedAt).map((m) => m.name);
}
