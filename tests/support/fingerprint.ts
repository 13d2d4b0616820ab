import { createHash } from "node:crypto";
import Database from "better-sqlite3";

/**
 * A digest of everything a request could change in the app's SQLite file,
 * read-only, so a test can say "this refused request changed nothing". Left
 * out: sessions (every request touches last-seen) and attempt counters
 * (counting attempts, refused ones too, is their job).
 */
export function databaseFingerprint(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(
        `select name from sqlite_master where type = 'table'
         and name not in ('session', 'rate_limit') and name not like 'sqlite_%'
         order by name`,
      )
      .all() as Array<{ name: string }>;
    const hash = createHash("sha256");
    for (const { name } of tables) {
      hash.update(name);
      for (const row of db.prepare(`select * from "${name}" order by rowid`).iterate()) {
        hash.update(JSON.stringify(row));
      }
    }
    return hash.digest("hex");
  } finally {
    db.close();
  }
}
