import fs from "node:fs";
import path from "node:path";
import type { Kysely } from "kysely";
import { beforeEach, describe, expect, it } from "vitest";
import {
  bucketOf,
  changeSince,
  isOverdue,
  levelRank,
  type OrganisationRow,
  standings,
} from "~/charter/aggregation";
import { loadCharter } from "~/charter/content";
import { computeLevel } from "~/charter/scoring";
import { periodReturns, submittedLevels } from "~/models/aggregation.server";
import { SHARED_PRACTICE_PAGE, sharedPracticeForPlace } from "~/models/shared-practice.server";
import { judgeFile } from "~/evidence/file-type";
import { listPeriods } from "~/models/periods.server";
import { reviewQueue, unchangedSinceLastVerified } from "~/models/review-queue.server";
import { firstKey, firstSubmissionTimes } from "~/models/submissions.server";
import { returnTimeliness } from "~/periods/phase";
import { placeOrganisationIds } from "~/reviews/queue.server";
import { seedDemoData } from "../../db/seed/demo-data";
import type { Database } from "../../db/schema";
import { createTestDatabase, freshDatabasePerTest } from "../setup/database";

/**
 * The demo data tells a true story on the readers' pages: read back through
 * the same aggregation layer the pages use, on SQLite and on PostgreSQL.
 */
const charter = loadCharter();
const today = new Date("2026-11-15T09:00:00Z");
const fresh = freshDatabasePerTest();
const seed = (db: Kysely<Database>, dir: string) =>
  seedDemoData(db, {
    charter,
    today,
    demoPasswordHash: "scrypt$test-placeholder",
    evidenceDir: path.join(dir, "evidence"),
  });

let db: Kysely<Database>;
let organisations: OrganisationRow[];
let periods: Array<{ id: number; label: string; startsOn: string; endsOn: string }>;
let systemId: number;

beforeEach(async () => {
  db = fresh.db;
  await seed(db, fresh.dir);
  systemId = (await db.selectFrom("system").select("id").executeTakeFirstOrThrow()).id;
  organisations = await db
    .selectFrom("organisation")
    .select(["id", "name", "type", "place_id as placeId"])
    .orderBy("id")
    .execute();
  periods = await db
    .selectFrom("assessment_period")
    .select(["id", "label", "starts_on as startsOn", "ends_on as endsOn"])
    .orderBy("starts_on", "desc")
    .execute();
}, 60_000);

const ids = () => organisations.map((o) => o.id);
const nameOf = (id: number) => organisations.find((o) => o.id === id)!.name;

async function standingsIn(periodId: number) {
  const returns = await periodReturns(db, { periodId, organisationIds: ids() });
  const all = standings(charter, organisations, returns);
  return all.map((standing) => ({
    standing,
    answers: returns.find((r) => r.organisationId === standing.organisationId)?.answers ?? [],
  }));
}

describe("the demo data's story, read through the aggregation layer", () => {
  it("has two years of months, every organisation returning, only the current month open", async () => {
    expect(periods).toHaveLength(24);
    const statuses = await db.selectFrom("assessment_period").select("status").execute();
    expect(statuses.filter((p) => p.status === "open")).toHaveLength(1);
    for (const organisation of organisations) {
      const returned = await db
        .selectFrom("assessment")
        .select("id")
        .where("organisation_id", "=", organisation.id)
        .where("status", "=", "submitted")
        .execute();
      expect(returned.length, organisation.name).toBeGreaterThanOrEqual(8);
    }
  });

  it("holds every level this month, some with none, and a draft and a sheet not started", async () => {
    const now = await standingsIn(periods[0]!.id);
    const buckets = new Set(now.map(({ standing }) => bucketOf(standing)));
    for (const bucket of [
      "no_level",
      ...charter.levels.map((l) => l.id),
      "not_submitted",
      "no_return",
    ]) {
      expect(buckets, bucket).toContain(bucket);
    }
  });

  it("shows organisations moving up over the year, and exactly one moving down last month", async () => {
    const [now, lastMonth, yearAgo] = await Promise.all(
      [0, 1, 12].map((i) => standingsIn(periods[i]!.id)),
    );
    const movement = (before: typeof now) =>
      now!.map((n, i) => changeSince(charter, n, before![i]!));
    const overYear = movement(yearAgo!).filter((c) => c.movement === "up");
    expect(overYear.length).toBeGreaterThanOrEqual(5);
    const sinceLastMonth = movement(lastMonth!);
    expect(sinceLastMonth.filter((c) => c.movement === "up").length).toBeGreaterThanOrEqual(1);
    const down = sinceLastMonth.filter((c) => c.movement === "down");
    expect(down.map((c) => nameOf(c.organisationId))).toEqual(["Lancaster University"]);
    expect(down[0]).toMatchObject({
      before: { kind: "level", level: "gold" },
      now: { kind: "level", level: "silver" },
    });
    expect(down[0]!.lost).toHaveLength(1);

    // Over the whole two years, from the level frozen with each submission: that one fall only.
    const frozen = await submittedLevels(db, { systemId, periodIds: periods.map((p) => p.id) });
    const order = new Map(periods.map((p, i) => [p.id, -i]));
    const rank = levelRank(charter);
    let falls = 0;
    for (const organisation of organisations) {
      const levels = frozen
        .filter((f) => f.organisationId === organisation.id)
        .sort((a, b) => order.get(a.periodId)! - order.get(b.periodId)!)
        .map((f) => rank(f.level as never));
      levels.forEach((level, i) => {
        if (i > 0 && level < levels[i - 1]!) falls += 1;
      });
    }
    expect(falls).toBe(1);
  });

  it("has late returns last month: some never submitted, some submitted after its due date", async () => {
    const lastMonth = await standingsIn(periods[1]!.id);
    expect(lastMonth.filter(({ standing }) => standing.returnState !== "submitted").length).toBe(
      // University of Cumbria left a draft, Blackburn with Darwen made none.
      2,
    );
    const late = await db
      .selectFrom("assessment")
      .select("submitted_at")
      .where("period_id", "=", periods[1]!.id)
      .where("submitted_at", ">", `${periods[1]!.endsOn}T23:59:59.999Z`)
      .execute();
    expect(late.length).toBe(2);
  });

  it("has returns late by their due date, last month and the month before, marked late", async () => {
    const withDue = await listPeriods(db, { systemId });
    const lateIn = async (index: number) => {
      const period = withDue.find((p) => p.id === periods[index]!.id)!;
      const firsts = await firstSubmissionTimes(db, {
        periodIds: [period.id],
        organisationIds: ids(),
      });
      return organisations
        .filter(
          (o) =>
            returnTimeliness({
              firstSubmittedAt: firsts.get(firstKey(o.id, period.id)) ?? null,
              dueOn: period.dueOn,
              now: today,
            }) === "late",
        )
        .map((o) => o.name)
        .sort();
    };
    const habituallyLate = ["Central Lancashire CCGs", "Lancaster District Council"];
    // Last month (October, due 13 November) and the month before.
    expect(await lateIn(1)).toEqual(habituallyLate);
    expect(await lateIn(2)).toEqual(habituallyLate);
    // This month is not yet due: nothing submitted so far is late.
    expect(await lateIn(0)).toEqual([]);
  });

  it("carries verifications forward into this month where nothing changed, the drafts included", async () => {
    const carried = await db
      .selectFrom("component_review as r")
      .innerJoin("component_answer as c", "c.id", "r.component_answer_id")
      .innerJoin("assessment as a", "a.id", "c.assessment_id")
      .innerJoin("component_review as origin", "origin.id", "r.carried_from_review_id")
      .select([
        "a.organisation_id as organisationId",
        "a.period_id as periodId",
        "origin.carried_from_review_id as originCarried",
      ])
      .execute();
    expect(carried.length).toBeGreaterThan(10);
    // Each names the reviewer's own review, never another carried row.
    expect(carried.every((c) => c.originCarried === null)).toBe(true);
    const uhmb = organisations.find((o) => o.name.startsWith("University Hospitals of Morecambe"))!;
    const draft = (
      await periodReturns(db, { periodId: periods[0]!.id, organisationIds: [uhmb.id] })
    )[0]!;
    expect(draft.state).toBe("draft");
    // The readers' layer reads no draft's answers (ADR 041): the carried rows say it instead.
    expect(
      carried.filter((c) => c.organisationId === uhmb.id && c.periodId === periods[0]!.id).length,
    ).toBeGreaterThan(0);
  });

  it("has replies waiting for the reviewer and a component unchanged since last verified", async () => {
    const place = await db
      .selectFrom("place")
      .select("id")
      .where("name", "=", "Morecambe Bay")
      .executeTakeFirstOrThrow();
    const scope = {
      kind: "organisations" as const,
      organisationIds: await placeOrganisationIds(db, { id: place.id, systemId }),
    };
    const queue = await reviewQueue(db, scope);
    const replies = queue.filter((i) => i.why === "reply");
    expect(replies.map((r) => r.organisationName)).toEqual(["Morecambe Bay CCG"]);
    expect(queue.filter((i) => i.why !== "reply").length).toBeGreaterThan(0);
    const unchanged = await unchangedSinceLastVerified(db, queue);
    const barrow = queue.filter(
      (i) => i.organisationName === "Barrow Borough Council" && unchanged.has(i.answerId),
    );
    expect(barrow).toHaveLength(1);
    expect(unchanged.get(barrow[0]!.answerId)!.periodLabel).toBe(periods[2]!.label);
  });

  it("freezes every submitted month as the app's submit does, its level the answers' level", async () => {
    const submissions = await db
      .selectFrom("assessment_submission as s")
      .innerJoin("assessment as a", "a.id", "s.assessment_id")
      .select([
        "a.id",
        "a.status",
        "s.level",
        "s.snapshot",
        "s.submitted_at",
        "a.submitted_at as assessmentSubmittedAt",
      ])
      .execute();
    const submitted = await db
      .selectFrom("assessment")
      .select("id")
      .where("status", "=", "submitted")
      .execute();
    expect(submissions).toHaveLength(submitted.length);
    expect(submissions.length).toBeGreaterThan(300);
    for (const s of submissions) {
      const snapshot = JSON.parse(s.snapshot) as {
        answers: Array<{
          componentId: string;
          status: string;
          version: number;
          evidence: unknown[];
        }>;
        principles: Record<string, unknown>;
        actions: Record<string, unknown[]>;
      };
      expect(snapshot.answers).toHaveLength(16);
      const fulfilled = snapshot.answers.filter((a) => a.status === "fulfilled");
      expect(fulfilled.every((a) => a.evidence.length > 0)).toBe(true);
      expect(snapshot.answers.some((a) => a.status === "not_started")).toBe(false);
      expect(s.level).toBe(
        computeLevel(
          charter,
          fulfilled.map((a) => a.componentId),
        ).level,
      );
      expect(s.submitted_at).toBe(s.assessmentSubmittedAt);
      const answers = await db
        .selectFrom("component_answer")
        .select(["component_id as componentId", "status", "version"])
        .where("assessment_id", "=", s.id)
        .orderBy("id")
        .execute();
      expect(
        snapshot.answers.map(({ componentId, status, version }) => ({
          componentId,
          status,
          version,
        })),
      ).toEqual(answers);
    }
    expect(submissions.some((s) => Object.keys(JSON.parse(s.snapshot).actions).length > 0)).toBe(
      true,
    );
  });

  it("has verified and queried components, so verified levels differ from self-assessed ones", async () => {
    const now = await standingsIn(periods[0]!.id);
    const reviews = now.flatMap(({ answers }) => answers.map((a) => a.review));
    expect(reviews).toContain("verified");
    expect(reviews).toContain("queried");
    const verifiedLevels = now.filter(({ standing }) => standing.verified?.level);
    expect(verifiedLevels.length).toBeGreaterThanOrEqual(1);
    const belowSelf = now.filter(
      ({ standing }) => standing.self?.level && standing.verified?.level !== standing.self.level,
    );
    expect(belowSelf.length).toBeGreaterThanOrEqual(1);
    const queried = await db
      .selectFrom("component_review")
      .select("comment")
      .where("verdict", "=", "queried")
      .execute();
    expect(queried.every((q) => q.comment.length > 0)).toBe(true);
  });

  it("shares good practice with the place, a document among it, stored so it downloads", async () => {
    const place = await db
      .selectFrom("place")
      .select("id")
      .where("name", "=", "Morecambe Bay")
      .executeTakeFirstOrThrow();
    const { items: practice } = await sharedPracticeForPlace(db, {
      placeId: place.id,
      systemId,
      limit: SHARED_PRACTICE_PAGE,
    });
    expect(practice.length).toBeGreaterThanOrEqual(3);
    const document = practice.find((p) => p.kind === "file");
    expect(document?.fileName).toMatch(/\.pdf$/);
    const files = await db
      .selectFrom("evidence_item")
      .select(["file_sha256", "file_name"])
      .where("kind", "=", "file")
      .execute();
    expect(files.length).toBe(2);
    for (const file of files) {
      const sha = file.file_sha256!;
      const bytes = fs.readFileSync(
        path.join(fresh.dir, "evidence", sha.slice(0, 2), sha.slice(2, 4), sha),
      );
      expect(judgeFile(file.file_name!, bytes)).toMatchObject({
        ok: true,
        type: { mediaType: "application/pdf" },
      });
    }
  });

  it("keeps actions with owners and dates on this month's plans, some overdue", async () => {
    const actions = await db
      .selectFrom("progression_action as pa")
      .innerJoin("component_answer as c", "c.id", "pa.component_answer_id")
      .innerJoin("assessment as a", "a.id", "c.assessment_id")
      .select(["pa.owner", "pa.target_date"])
      .where("a.period_id", "=", periods[0]!.id)
      .execute();
    expect(actions.every((a) => a.owner && a.target_date)).toBe(true);
    const todayDate = today.toISOString().slice(0, 10);
    expect(actions.filter((a) => isOverdue(a.target_date, todayDate)).length).toBeGreaterThan(0);
    expect(actions.filter((a) => !isOverdue(a.target_date, todayDate)).length).toBeGreaterThan(0);
  });

  it("records measures with values over time", async () => {
    const uhmb = organisations.find((o) => o.name.startsWith("University Hospitals of Morecambe"))!;
    const measures = await db
      .selectFrom("evidence_item")
      .select(["measure_value", "measure_date"])
      .where("organisation_id", "=", uhmb.id)
      .where("kind", "=", "measure")
      .orderBy("measure_date")
      .execute();
    expect(measures.length).toBeGreaterThanOrEqual(8);
    const values = measures.map((m) => m.measure_value!);
    expect(values.at(-1)!).toBeGreaterThan(values[0]!);
  });

  it("is the same picture every time it is seeded for the same day", async () => {
    const other = await createTestDatabase();
    const second = other.open();
    try {
      const { migrateToLatest } = await import("../../db/migrator");
      await migrateToLatest(second);
      await seed(second, other.dir);
      const picture = async (d: Kysely<Database>) => ({
        answers: await d
          .selectFrom("component_answer as c")
          .innerJoin("assessment as a", "a.id", "c.assessment_id")
          .select([
            "a.organisation_id",
            "a.period_id",
            "a.status as state",
            "a.submitted_at",
            "c.component_id",
            "c.status",
            "c.version",
            "c.updated_at",
          ])
          .orderBy("c.id")
          .execute(),
        submissions: await d
          .selectFrom("assessment_submission")
          .select(["assessment_id", "level", "snapshot", "submitted_at"])
          .orderBy("id")
          .execute(),
        reviews: await d
          .selectFrom("component_review")
          .select(["component_answer_id", "verdict", "comment", "created_at"])
          .orderBy("id")
          .execute(),
        evidence: await d.selectFrom("evidence_item").selectAll().orderBy("id").execute(),
        actions: await d.selectFrom("progression_action").selectAll().orderBy("id").execute(),
      });
      const first = await picture(db);
      expect(first.answers.length).toBeGreaterThan(6000);
      expect(await picture(second)).toEqual(first);
    } finally {
      await second.destroy();
      await other.cleanup();
    }
  }, 60_000);
});
