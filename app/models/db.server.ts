import type { Kysely } from "kysely";
import { databaseConfig } from "../../db/config";
import { createDatabase } from "../../db/dialect";
import type { Database } from "../../db/schema";

// One connection for the process, kept across dev-server reloads so SQLite
// files are not reopened on every edit.
const globalForDb = globalThis as unknown as { anchorDb?: Kysely<Database> };

export function getDb(): Kysely<Database> {
  globalForDb.anchorDb ??= createDatabase(databaseConfig());
  return globalForDb.anchorDb;
}

/** Ends the process's connection (the whole pool, on PostgreSQL): the last step of a clean stop. */
export async function closeDb(): Promise<void> {
  const db = globalForDb.anchorDb;
  globalForDb.anchorDb = undefined;
  await db?.destroy();
}
