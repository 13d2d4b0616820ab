import { createHash } from "node:crypto";
import { openSql } from "../setup/database";

/**
 * A digest of everything a request could change in the app's database (on
 * SQLite or PostgreSQL), so a test can say "this refused request changed
 * nothing". Left out: sessions (every request touches last-seen), attempt
 * counters (counting attempts, refused ones too, is their job) and the
 * migrator's own tables.
 */
export async function databaseFingerprint(databaseUrl: string): Promise<string> {
  const db = openSql(databaseUrl);
  try {
    const tables = await db.all<{ name: string }>(
      db.postgres
        ? "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'"
        : "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'",
    );
    const hash = createHash("sha256");
    const names = tables
      .map((t) => t.name)
      .filter((name) => !["session", "rate_limit"].includes(name) && !name.startsWith("kysely_"))
      .sort();
    for (const name of names) {
      hash.update(name);
      for (const row of await db.all(`select * from ${name} order by 1`)) {
        hash.update(JSON.stringify(row));
      }
    }
    return hash.digest("hex");
  } finally {
    await db.close();
  }
}
