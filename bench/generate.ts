import fs from "node:fs";
import SQLite from "better-sqlite3";
import { computeLevel } from "../app/charter/scoring";
import { componentIds, loadCharter } from "../app/charter/content";
import { createDatabase } from "../db/dialect";
import { migrateToLatest } from "../db/migrator";
import { insertCountry } from "./country";
import { insertHistory } from "./history";
import type { CountryShape } from "./options";
import { insertBenchPeople } from "./people";
import { seededRandom } from "./random";

export type DatasetStats = {
  shape: CountryShape;
  generationSeconds: number;
  bytes: number;
  rows: Record<string, number>;
};

const COUNTED = [
  "organisation",
  "assessment_period",
  "assessment",
  "component_answer",
  "evidence_item",
  "component_evidence",
  "component_review",
  "assessment_submission",
  "progression_action",
] as const;

/**
 * A synthetic country in a new database at `file`. The schema comes from the
 * app's own migrations; the rows are bulk-inserted with prepared statements
 * (the model layer writes one save at a time, and would take hours for ten
 * million answers). No demo-data marker is written: this is "real" data.
 */
export async function generateDataset(file: string, shape: CountryShape): Promise<DatasetStats> {
  const started = performance.now();
  for (const suffix of ["", "-wal", "-shm", ".json"]) fs.rmSync(file + suffix, { force: true });
  const db = createDatabase({ dialect: "sqlite", file });
  await migrateToLatest(db);
  await db.destroy();

  const sqlite = new SQLite(file);
  // Generation only: the rollback journal in memory, no fsync; a crash means generating
  // again. (WAL must be left first; better-sqlite3's defensive mode refuses journal_mode OFF.)
  sqlite.pragma("journal_mode = DELETE");
  sqlite.pragma("journal_mode = MEMORY");
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("locking_mode = EXCLUSIVE");
  sqlite.pragma("cache_size = -262144");
  try {
    const charter = loadCharter();
    const ids = componentIds(charter);
    const random = seededRandom(shape.seed);
    const country = insertCountry(sqlite, shape, random);
    // 2^16 combinations of fulfilled components at most: score each once.
    const levels = new Map<string, string | null>();
    const level = (fulfilled: string[]) => {
      const key = fulfilled.join(",");
      if (!levels.has(key)) levels.set(key, computeLevel(charter, fulfilled).level);
      return levels.get(key)!;
    };
    insertHistory(sqlite, country, {
      random,
      componentIds: ids,
      charterVersion: charter.version,
      level,
    });
    await insertBenchPeople(sqlite);
    const rows = Object.fromEntries(
      COUNTED.map((table) => [
        table,
        (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n,
      ]),
    );
    sqlite.pragma("journal_mode = WAL");
    sqlite.close();
    const stats: DatasetStats = {
      shape,
      generationSeconds: (performance.now() - started) / 1000,
      bytes: fs.statSync(file).size,
      rows,
    };
    // Written last: a dataset without its stats was interrupted, and is not reused.
    fs.writeFileSync(`${file}.json`, JSON.stringify(stats, null, 2));
    return stats;
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** The stats of a complete dataset at `file`, or null if there is none to reuse. */
export function existingDataset(file: string): DatasetStats | null {
  if (!fs.existsSync(file) || !fs.existsSync(`${file}.json`)) return null;
  return JSON.parse(fs.readFileSync(`${file}.json`, "utf8")) as DatasetStats;
}
