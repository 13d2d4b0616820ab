import { describe, expect, it } from "vitest";
import { levelCounts, standings } from "~/charter/aggregation";
import { loadCharter } from "~/charter/content";
import { periodReturns } from "~/models/aggregation.server";
import { freshDatabasePerTest } from "../../setup/database";

const charter = loadCharter();
const ALL = charter.domains.flatMap((d) => d.components.map((c) => c.id));
const ONE_EACH = ["1.1", "2.1", "3.1", "4.1", "5.1", "6.1"];

describe("a period's returns, read from the database for the figures", () => {
  const state = freshDatabasePerTest();

  async function setUp() {
    const db = state.db;
    const { id: systemId } = await db
      .insertInto("system")
      .values({ name: "ICS" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const { id: placeId } = await db
      .insertInto("place")
      .values({ system_id: systemId, name: "Bay" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const organisation = async (name: string, place: number | null) =>
      (
        await db
          .insertInto("organisation")
          .values({ system_id: systemId, place_id: place, name, type: "nhs_trust" })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    const period = async (label: string, startsOn: string) =>
      (
        await db
          .insertInto("assessment_period")
          .values({
            system_id: systemId,
            label,
            starts_on: startsOn,
            ends_on: startsOn,
            status: "open",
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    const { id: userId } = await db
      .insertInto("app_user")
      .values({ email: "r@example.com", name: "R" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const assessment = async (
      organisationId: number,
      periodId: number,
      status: "draft" | "submitted",
      fulfilled: string[],
    ) => {
      const { id } = await db
        .insertInto("assessment")
        .values({
          organisation_id: organisationId,
          period_id: periodId,
          charter_version: charter.version,
          status,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      for (const componentId of ALL) {
        await db
          .insertInto("component_answer")
          .values({
            assessment_id: id,
            component_id: componentId,
            status: fulfilled.includes(componentId) ? "fulfilled" : "not_started",
            opportunities: "",
          })
          .execute();
      }
      return id;
    };
    const answerId = async (assessmentId: number, componentId: string) =>
      (
        await db
          .selectFrom("component_answer")
          .select("id")
          .where("assessment_id", "=", assessmentId)
          .where("component_id", "=", componentId)
          .executeTakeFirstOrThrow()
      ).id;
    const review = async (
      assessmentId: number,
      componentId: string,
      verdict: "verified" | "queried",
      version: number,
    ) =>
      db
        .insertInto("component_review")
        .values({
          component_answer_id: await answerId(assessmentId, componentId),
          answer_version: version,
          reviewer_id: userId,
          verdict,
          comment: "",
        })
        .execute();
    return { db, placeId, organisation, period, assessment, review, userId, answerId };
  }

  it("says which returns are submitted, drafts or reopened, and which review applies to each answer", async () => {
    const t = await setUp();
    const [a, b, c, d, s] = [
      await t.organisation("A", t.placeId),
      await t.organisation("B", t.placeId),
      await t.organisation("C", t.placeId),
      await t.organisation("D", t.placeId),
      await t.organisation("S", null),
    ];
    const may = await t.period("May 2026", "2026-05-01");
    const april = await t.period("April 2026", "2026-04-01");
    const aMay = await t.assessment(a, may, "submitted", ONE_EACH);
    await t.assessment(b, may, "draft", ALL);
    const dMay = await t.assessment(d, may, "draft", ONE_EACH);
    await t.db
      .insertInto("assessment_submission")
      .values({ assessment_id: dMay, submitted_by: t.userId, level: "bronze", snapshot: "{}" })
      .execute();
    await t.assessment(s, may, "submitted", []);
    await t.assessment(a, april, "submitted", ALL);
    // 1.1 verified as it stands; 2.1 verified, then changed; 3.1 queried then verified.
    await t.review(aMay, "1.1", "verified", 1);
    await t.review(aMay, "2.1", "verified", 1);
    await t.db
      .updateTable("component_answer")
      .set({ version: 2 })
      .where("id", "=", await t.answerId(aMay, "2.1"))
      .execute();
    await t.review(aMay, "3.1", "queried", 1);
    await t.review(aMay, "3.1", "verified", 1);

    const returns = await periodReturns(t.db, { periodId: may, organisationIds: [a, b, c, d, s] });
    expect(returns.map((r) => [r.organisationId, r.state, r.answers.length]).sort()).toEqual(
      [
        [a, "submitted", 16],
        // A draft or a reopened month is named, and none of its answers read (ADR 041).
        [b, "draft", 0],
        [d, "reopened", 0],
        [s, "submitted", 16],
      ].sort(),
    );
    const aAnswers = returns.find((r) => r.organisationId === a)?.answers ?? [];
    const review = (id: string) => aAnswers.find((x) => x.componentId === id)?.review;
    expect([review("1.1"), review("2.1"), review("3.1"), review("4.1")]).toEqual([
      "verified",
      "changed since review",
      "verified",
      "not reviewed",
    ]);

    const organisations = [a, b, c, d, s].map((id) => ({
      id,
      name: String(id),
      type: "nhs_trust",
      placeId: id === s ? null : t.placeId,
    }));
    const counts = levelCounts(charter, standings(charter, organisations, returns));
    expect(Object.fromEntries(counts.map((x) => [x.bucket, x.count]))).toMatchObject({
      no_return: 1,
      not_submitted: 2,
      no_level: 1,
      bronze: 1,
    });
  });

  it("asks for nobody, or a period nobody returned, and gets nothing", async () => {
    const t = await setUp();
    const a = await t.organisation("A", t.placeId);
    const empty = await t.period("March 2026", "2026-03-01");
    expect(await periodReturns(t.db, { periodId: empty, organisationIds: [] })).toEqual([]);
    expect(await periodReturns(t.db, { periodId: empty, organisationIds: [a] })).toEqual([]);
  });
});
