import { sql } from "kysely";
import { databaseConfig } from "../db/config";
import { createDatabase, openSqliteForReading } from "../db/dialect";
import { copyToPostgres } from "../db/operations/copy-to-postgres";
import type { DatasetStats } from "./generate";

export type PostgresCopy = { seconds: number; reused: boolean };

/**
 * Puts the generated country into the PostgreSQL database by db:copy's own
 * route (ADR 024), so the pages are timed on exactly the rows SQLite had,
 * with the same ids. The target must be empty, as for db:copy; with --keep a
 * target already holding this country (same row counts) is timed as it is.
 */
export async function copyCountryToPostgres(
  file: string,
  url: string,
  args: { stats: DatasetStats; keep: boolean; progress: (message: string) => void },
): Promise<PostgresCopy> {
  const target = createDatabase(databaseConfig(url));
  try {
    if (args.keep && (await holdsCountry(target, args.stats))) return { seconds: 0, reused: true };
    const source = openSqliteForReading(file);
    try {
      const started = performance.now();
      const result = await copyToPostgres({
        source,
        target,
        evidence: { from: file, to: null },
        progress: args.progress,
      });
      if (!result.matches) throw new Error("The copy to PostgreSQL does not match the dataset");
      return { seconds: (performance.now() - started) / 1000, reused: false };
    } finally {
      await source.destroy();
    }
  } finally {
    await target.destroy();
  }
}

async function holdsCountry(
  db: ReturnType<typeof createDatabase>,
  stats: DatasetStats,
): Promise<boolean> {
  for (const table of ["organisation", "assessment", "component_answer"] as const) {
    const counted = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`
      .execute(db)
      .catch(() => null);
    if (counted?.rows[0]?.n !== stats.rows[table]) return false;
  }
  return true;
}
