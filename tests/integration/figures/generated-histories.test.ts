import fc from "fast-check";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCharter } from "~/charter/content";
import { annualReportRows } from "~/models/annual-report.server";
import { placeSummary } from "~/readers/place-summary.server";
import { annualReport, SHARED_LISTED } from "~/reports/annual-report";
import { migrateToLatest } from "../../../db/migrator";
import type { Database } from "../../../db/schema";
import { createTestDatabase, type TestDatabase, testingOnPostgres } from "../../setup/database";
import { checkExports } from "./check-exports";
import { type History, historyArb } from "./history";
import { componentIds, simpleFigures } from "./simple-figures";
import { writeHistory, type Written } from "./write-history";

/**
 * Issue 19: every figure a reader's page and the annual report print, over
 * generated histories written into a real database (SQLite, or PostgreSQL
 * when DATABASE_URL names one), against a second, deliberately simple
 * implementation (./simple-figures.ts). Each history is a system of its own
 * in one migrated database, so no run sees another's rows.
 */

const RUNS = 25;
const charter = loadCharter();

describe(`figures over generated histories (${testingOnPostgres() ? "PostgreSQL" : "SQLite"})`, () => {
  let database: TestDatabase;
  let db: Kysely<Database>;
  let userId: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.open();
    await migrateToLatest(db);
    ({ id: userId } = await db
      .insertInto("app_user")
      .values({ email: "reviewer@example.com", name: "Reviewer" })
      .returning("id")
      .executeTakeFirstOrThrow());
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.cleanup();
  });

  it("the place pages and the system's annual report print what the charter's rule gives", async () => {
    expect(componentIds).toEqual(charter.domains.flatMap((d) => d.components.map((c) => c.id)));
    let run = 0;
    const seen = {
      submitted: 0,
      reopened: 0,
      verifiedLevels: 0,
      moved: 0,
      reportsWithNow: 0,
      reportsWithBefore: 0,
      overdueActions: 0,
    };
    await fc.assert(
      fc.asyncProperty(historyArb, async (history) => {
        run += 1;
        const written = await writeHistory(db, history, {
          componentIds,
          charterVersion: charter.version,
          userId,
          run,
        });
        const simple = simpleFigures(history);
        for (const [p, placeId] of written.placeIds.entries())
          await checkPlacePage(history, written, p, placeId, simple.placePage(p), seen);
        await checkSystemReport(history, written, simple.systemReport(), seen);
        await checkExports(db, written, simple.exportRows());
      }),
      { numRuns: RUNS },
    );
    // What the runs held, so a reader can see the generator reaches the cases that matter.
    console.info(
      `generated-histories: ${run} histories checked on ${testingOnPostgres() ? "PostgreSQL" : "SQLite"}`,
      seen,
    );
    expect(run).toBeGreaterThanOrEqual(RUNS);
    expect(seen.submitted).toBeGreaterThan(0);
    expect(seen.reopened).toBeGreaterThan(0);
  });

  async function checkPlacePage(
    history: History,
    written: Written,
    p: number,
    placeId: number,
    expected: ReturnType<ReturnType<typeof simpleFigures>["placePage"]>,
    seen: Record<string, number>,
  ) {
    const page = await placeSummary(
      db,
      { id: placeId, name: `Place ${p + 1}`, systemId: written.systemId },
      null,
      { today: history.today },
    );
    const where = `place ${p + 1}, today ${history.today}`;
    expect(page.period?.month, where).toBe(expected.period);
    expect(page.previousPeriod?.month ?? null, where).toBe(expected.previousPeriod);
    const byId = new Map(page.organisations.map((o) => [o.id, o]));
    expect(page.organisations.length, where).toBe(expected.organisations.length);
    for (const e of expected.organisations) {
      const shown = byId.get(written.organisationIds[e.organisation]!);
      expect(
        shown && {
          returnState: shown.returnState,
          level: shown.level,
          verifiedLevel: shown.verifiedLevel,
          movement: shown.movement,
          newlyFulfilled: shown.newlyFulfilled,
          lost: shown.lost,
        },
        `${where}, organisation ${e.organisation}`,
      ).toEqual({
        returnState: e.returnState,
        level: e.level,
        verifiedLevel: e.verifiedLevel,
        movement: e.movement,
        newlyFulfilled: e.newlyFulfilled,
        lost: e.lost,
      });
      if (e.returnState === "submitted") seen.submitted! += 1;
      if (e.returnState === "reopened") seen.reopened! += 1;
      if (e.verifiedLevel !== e.level) seen.verifiedLevels! += 1;
      if (e.movement === "up" || e.movement === "down") seen.moved! += 1;
    }
    expect(
      Object.fromEntries(page.levelCounts.map((c) => [c.bucket, c.count])),
      `${where}: levels held`,
    ).toEqual(expected.levelCounts);
    expect(
      Object.fromEntries(page.levelCounts.map((c) => [c.bucket, c.verified])),
      `${where}: verified levels held`,
    ).toEqual(expected.verifiedCounts);
    expect(
      page.coverage.map((c) => ({
        componentId: c.componentId,
        returns: c.returns,
        fulfilled: c.fulfilled,
        verified: c.verified,
      })),
      `${where}: component coverage`,
    ).toEqual(expected.coverage);
  }

  async function checkSystemReport(
    history: History,
    written: Written,
    expected: ReturnType<ReturnType<typeof simpleFigures>["systemReport"]>,
    seen: Record<string, number>,
  ) {
    // As app/reports/build.server.ts composes it, short of drawing the file.
    const rows = await annualReportRows(db, {
      scope: { kind: "system", id: written.systemId },
      year: history.reportYear,
      provisional: history.provisional,
      today: history.today,
      sharedLimit: SHARED_LISTED,
    });
    if (!rows) throw new Error("The generated system has no report rows");
    const report = annualReport({
      charter,
      scope: { kind: rows.scope.kind, id: rows.scope.id, name: rows.scope.name },
      systemName: rows.scope.systemName,
      year: history.reportYear,
      generatedAt: `${history.today}T12:00:00.000Z`,
      today: history.today,
      now: rows.now,
      before: rows.before,
      leftOut: rows.leftOut,
      organisations: rows.organisations,
      places: rows.places,
      returnsNow: rows.returnsNow,
      returnsBefore: rows.returnsBefore,
      sharedPractice: rows.sharedPractice,
      actions: rows.actions,
    });
    const where = `report ${JSON.stringify(history.reportYear)}, provisional ${history.provisional}, today ${history.today}`;
    if (expected.periodNow) seen.reportsWithNow! += 1;
    if (expected.periodBefore) seen.reportsWithBefore! += 1;
    seen.overdueActions! += expected.actions.overdue;
    const counted = (rows: ReadonlyArray<{ bucket: string; count: number }>) =>
      Object.fromEntries(rows.map((r) => [r.bucket, r.count]));
    expect(
      {
        periodNow: report.periodNow,
        periodBefore: report.periodBefore,
        submittedNow: report.summary.submittedNow,
        submittedBefore: report.summary.submittedBefore,
        levelsNow: counted(report.summary.levelsNow),
        levelsBefore: counted(report.summary.levelsBefore),
        verified: counted(report.verification.verified),
        moved: {
          up: report.summary.movedUp,
          down: report.summary.movedDown,
          same: report.summary.stayed,
          "not comparable": report.summary.notComparable,
        },
        fulfilledAnswers: report.verification.fulfilledAnswers,
        verifiedAnswers: report.verification.verifiedAnswers,
        actions: { open: report.actions.open, overdue: report.actions.overdue },
      },
      where,
    ).toEqual({
      periodNow: expected.periodNow,
      periodBefore: expected.periodBefore,
      submittedNow: expected.submittedNow,
      submittedBefore: expected.submittedBefore,
      levelsNow: expected.levelsNow,
      levelsBefore: expected.levelsBefore,
      verified: expected.verified,
      moved: expected.moved,
      fulfilledAnswers: expected.fulfilledAnswers,
      verifiedAnswers: expected.verifiedAnswers,
      actions: expected.actions,
    });
    const appendix = new Map(report.appendix.map((a) => [a.organisation.id, a]));
    for (const e of expected.appendix) {
      const a = appendix.get(written.organisationIds[e.organisation]!);
      expect(
        a && {
          returnState: a.returnState,
          level: a.level,
          verifiedLevel: a.verifiedLevel,
          movement: a.movement,
          domainsFulfilled: a.figures?.domains.map((d) => d.fulfilled) ?? null,
          openActions: a.figures?.openActions ?? null,
          overdueActions: a.figures?.overdueActions ?? null,
        },
        `${where}, appendix of organisation ${e.organisation}`,
      ).toEqual({
        returnState: e.returnState,
        level: e.level,
        verifiedLevel: e.verifiedLevel,
        movement: e.movement,
        domainsFulfilled: e.domainsFulfilled,
        openActions: e.openActions,
        overdueActions: e.overdueActions,
      });
    }
    expect(
      (report.places ?? []).map((row) => ({
        organisations: row.organisations,
        submittedNow: row.submittedNow,
        submittedBefore: row.submittedBefore,
        atLevelNow: row.atLevelNow,
        atLevelBefore: row.atLevelBefore,
        up: row.up,
        down: row.down,
        same: row.same,
        notComparable: row.notComparable,
      })),
      `${where}: summary by place`,
    ).toEqual(expected.places);
  }
});
