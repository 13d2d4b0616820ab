import type SQLite from "better-sqlite3";
import type { SqliteDatabase, SqliteStatement } from "kysely";

/**
 * Kysely's SQLite driver prepares every query afresh: better-sqlite3's
 * `prepare` parses and plans the SQL each time, 7 % of a save's CPU (issue
 * 24). Pages and saves run the same few hundred statements over and over, so
 * each prepared statement is kept by its SQL text and reused, the least
 * recently used dropped beyond `max` (queries with `in (?, ?, …)` lists make
 * a new text per list length).
 *
 * Safe because Kysely hands its one SQLite connection to one query at a time
 * (a stream holds it until the stream ends), so a cached statement is never
 * asked to run while it is still iterating; and SQLite re-prepares a cached
 * statement by itself when a migration changes the schema under it.
 */
export function withStatementCache(database: SQLite.Database, max = 1000): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => {
      statements.clear();
      database.close();
    },
    prepare(sql: string): SqliteStatement {
      const cached = statements.get(sql);
      if (cached) {
        // Map keeps insertion order: moving it to the end makes the first key the least recent.
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > max) statements.delete(statements.keys().next().value!);
      return statement;
    },
  };
}
