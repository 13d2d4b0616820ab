import path from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Kysely, KyselyPlugin } from "kysely";
import {
  comparisonSql,
  goodPracticeSql,
  organisationOverviewSql,
  placeSummarySql,
  reportingSheetSql,
  rollupSql,
} from "../../bench/bare-sql";
import { copyCountryToPostgres } from "../../bench/postgres";
import { canonicalValue } from "../../db/operations/table-rows";
import { generateDataset, type DatasetStats } from "../../bench/generate";
import { findTargets } from "../../bench/targets";
import { createDatabase } from "../../db/dialect";
import { migrateToLatest } from "../../db/migrator";
import { isDemoData } from "~/models/settings.server";
import type { Database } from "../../db/schema";
import { makeTempDir } from "../setup/temp";
import { createTestDatabase, testingOnPostgres } from "../setup/database";

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

/**
 * Every row each query returned, each value in db:copy's canonical text (so
 * PostgreSQL's true is SQLite's 1: the models read both alike), so two
 * databases' answers can be compared.
 */
function recordingRows(db: Kysely<Database>) {
  const results: string[] = [];
  const plugin: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      const rows = args.result.rows.map((row) =>
        JSON.stringify(
          Object.entries(row as Record<string, unknown>).map(([k, v]) => [k, canonicalValue(v)]),
        ),
      );
      // Order within a result, and of queries run together, is not what is compared.
      results.push(JSON.stringify(rows.sort()));
      return args.result;
    },
  };
  return { db: db.withPlugin(plugin), results: () => [...results].sort() };
}

describe.skipIf(!testingOnPostgres())("the benchmark on PostgreSQL", () => {
  it("copies the country by db:copy, and every page's bare SQL reads there what it reads on SQLite", async () => {
    const target = await createTestDatabase("anchor-bench-pg-");
    const sqlite = createDatabase({ dialect: "sqlite", file });
    const postgres = target.open();
    try {
      const copied = await copyCountryToPostgres(file, target.url, {
        stats,
        keep: false,
        progress: () => {},
      });
      expect(copied.reused).toBe(false);
      // With --keep, the copy already there is used as it is.
      expect(
        (await copyCountryToPostgres(file, target.url, { stats, keep: true, progress: () => {} }))
          .reused,
      ).toBe(true);

      const t = findTargets(file);
      const run = async (db: Kysely<Database>) => {
        const recorder = recordingRows(db);
        await organisationOverviewSql(recorder.db, t.organisationId);
        await placeSummarySql(recorder.db, t.placeId);
        await goodPracticeSql(recorder.db, t.placeId);
        await reportingSheetSql(recorder.db, t.organisationId, t.sheetPeriodId);
        await comparisonSql(recorder.db, t.placeId);
        await rollupSql(recorder.db, t.systemId);
        return recorder.results();
      };
      const onSqlite = await run(sqlite);
      expect(onSqlite.length).toBeGreaterThan(10);
      expect(await run(postgres)).toEqual(onSqlite);
    } finally {
      await sqlite.destroy();
      await postgres.destroy();
      await target.cleanup();
    }
  }, 60_000);
});
