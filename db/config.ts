import path from "node:path";

/** Where the data lives, read from DATABASE_URL. */
export type DatabaseConfig =
  { dialect: "sqlite"; file: string } | { dialect: "postgres"; url: string; poolMax: number };

export const DEFAULT_DATABASE_URL = "file:./data/anchor.db";

/**
 * Accepts `file:relative/or/absolute.db`, a bare path, or a `postgres://`
 * URL (ADR 016). Unknown schemes fail loudly at start rather than silently
 * writing to the wrong place.
 */
export function databaseConfig(
  url: string = process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
  poolMax: string | undefined = process.env.DATABASE_POOL_MAX,
): DatabaseConfig {
  if (/^postgres(ql)?:\/\//i.test(url)) {
    return { dialect: "postgres", url, poolMax: positiveInteger(poolMax, 10) };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !url.startsWith("file:")) {
    throw new Error(`DATABASE_URL has an unsupported scheme: ${url.split(":")[0]}`);
  }
  const filePath = url.startsWith("file:") ? url.slice("file:".length) : url;
  if (!filePath) throw new Error("DATABASE_URL names no file");
  return { dialect: "sqlite", file: path.resolve(filePath) };
}

/** What to print about the database: never the password in a URL. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.dialect === "sqlite") return config.file;
  const url = new URL(config.url);
  return `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ""}${url.pathname}`;
}

/** The directory that holds the data by default: beside the SQLite file, or ./data. */
export function defaultDataDir(config: DatabaseConfig): string {
  return config.dialect === "sqlite" ? path.dirname(config.file) : path.resolve("data");
}

/**
 * Where evidence files are kept: EVIDENCE_DIR, or `evidence/` in the default
 * data directory (beside the SQLite file). The app and the db: commands agree.
 */
export function evidenceDirFor(
  config: DatabaseConfig,
  evidenceDir: string | undefined = process.env.EVIDENCE_DIR,
): string {
  return evidenceDir ? path.resolve(evidenceDir) : path.join(defaultDataDir(config), "evidence");
}

function positiveInteger(value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`DATABASE_POOL_MAX must be a whole number of at least 1, not "${value}"`);
  }
  return n;
}
