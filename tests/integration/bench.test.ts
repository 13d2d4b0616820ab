import path from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  goodPracticeSql,
  organisationOverviewSql,
  placeSummarySql,
  reportingSheetSql,
} from "../../bench/bare-sql";
import { generateDataset, type DatasetStats } from "../../bench/generate";
import { findTargets } from "../../bench/targets";
import { createDatabase } from "../../db/dialect";
import { migrateToLatest } from "../../db/migrator";
import { isDemoData } from "~/models/settings.server";
import { makeTempDir } from "../setup/temp";

// The --quick country: what a developer's first `npm run bench -- --quick` builds.
const shape = { systems: 1, places: 8, organisations: 300, months: 12, seed: 2021 };
const temp = makeTempDir("anchor-bench-test-");
const file = path.join(temp.dir, "quick.db");
let stats: DatasetStats;

beforeAll(async () => {
  stats = await generateDataset(file, shape);
}, 30_000);
afterAll(() => temp.cleanup());

const digest = (databaseFile: string) => {
  const db = new SQLite(databaseFile, { readonly: true });
  const row = db
    .prepare(
      "select count(*) as n, sum(length(status) * id) as statuses, max(version) as version from component_answer",
    )
    .get();
  db.close();
  return row;
};

describe("the benchmark's synthetic country", () => {
  it("has the shape asked for, 16 answers per assessment, and sound foreign keys", () => {
    expect(stats.rows.organisation).toBe(300);
    expect(stats.rows.assessment_period).toBe(12);
    expect(stats.rows.component_answer).toBe(16 * stats.rows.assessment!);
    // Most months are submitted; some are not.
    expect(stats.rows.assessment_submission).toBeGreaterThan(stats.rows.assessment! * 0.8);
    expect(stats.rows.assessment_submission).toBeLessThan(stats.rows.assessment!);
    const db = new SQLite(file, { readonly: true });
    expect(db.pragma("foreign_key_check")).toEqual([]);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("is a current, real (not demo) database the pages' queries run on", async () => {
    const db = createDatabase({ dialect: "sqlite", file });
    try {
      expect(await migrateToLatest(db)).toEqual([]);
      expect(await isDemoData(db)).toBe(false);
      const t = findTargets(file);
      await organisationOverviewSql(db, t.organisationId);
      await placeSummarySql(db, t.placeId);
      await goodPracticeSql(db, t.placeId);
      await reportingSheetSql(db, t.organisationId, t.sheetPeriodId);
    } finally {
      await db.destroy();
    }
  });

  it("is the same country every time for the same seed", async () => {
    const again = path.join(temp.dir, "again.db");
    await generateDataset(again, shape);
    expect(digest(again)).toEqual(digest(file));
  }, 30_000);
});
