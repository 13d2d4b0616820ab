import path from "node:path";

/** Where the data lives, read from DATABASE_URL. */
export type DatabaseConfig = { dialect: "sqlite"; file: string };

export const DEFAULT_DATABASE_URL = "file:./data/anchor.db";

/**
 * Accepts `file:relative/or/absolute.db`, a bare path, or (later) a
 * `postgres://` URL. Unknown schemes fail loudly at start rather than
 * silently writing to the wrong place.
 */
export function databaseConfig(
  url: string = process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
): DatabaseConfig {
  if (/^postgres(ql)?:\/\//i.test(url)) {
    throw new Error(
      "DATABASE_URL names PostgreSQL, which this version does not support yet. Use a file: URL for the embedded SQLite database.",
    );
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !url.startsWith("file:")) {
    throw new Error(`DATABASE_URL has an unsupported scheme: ${url.split(":")[0]}`);
  }
  const filePath = url.startsWith("file:") ? url.slice("file:".length) : url;
  if (!filePath) throw new Error("DATABASE_URL names no file");
  return { dialect: "sqlite", file: path.resolve(filePath) };
}
