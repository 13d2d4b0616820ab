import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
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
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}
