import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { AnswerRow, ReturnRow } from "../charter/aggregation";
import { reviewState } from "../charter/verification";
import { asLatestReview, evidenceIdsOf } from "./reviews.server";

/**
 * The rows the readers' figures are computed from (app/charter/aggregation.ts):
 * one period's assessments of the given organisations, each with its answers
 * and the review that applies to each. Three indexed queries whatever the
 * number of past periods; portable SQL only, so it reads the same on SQLite
 * and PostgreSQL.
 *
 * Submitted returns only (issue 19, ADR 019): every page, document and export
 * gets its rows here or from `submittedAnswersOf`, and the SQL itself reads
 * answers of submitted assessments alone. A draft, or a month reopened and
 * not yet submitted again, comes back with its state and no answers: it can
 * say "not yet submitted", never what it holds.
 */
export async function periodReturns(
  db: Kysely<Database>,
  args: { periodId: number; organisationIds: readonly number[] },
): Promise<ReturnRow[]> {
  return returnsOf(db, { periodIds: [args.periodId], organisationIds: args.organisationIds });
}

/**
 * Returns of the given organisations in the given periods (a trend: one
 * organisation over its last months). Bounded by the periods asked for, so a
 * page asks for a fixed number however long the history.
 */
export async function returnsOf(
  db: Kysely<Database>,
  args: { periodIds: readonly number[]; organisationIds: readonly number[] },
): Promise<Array<ReturnRow & { periodId: number; assessmentId: number }>> {
  if (!args.organisationIds.length || !args.periodIds.length) return [];
  const assessments = await db
    .selectFrom("assessment as a")
    .select([
      "a.id",
      "a.period_id as periodId",
      "a.organisation_id as organisationId",
      "a.status",
      "a.updated_at as updatedAt",
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom("assessment_submission as s")
              .select("s.id")
              .whereRef("s.assessment_id", "=", "a.id"),
          )
          .as("everSubmitted"),
    ])
    .where("a.period_id", "in", [...args.periodIds])
    .where("a.organisation_id", "in", [...args.organisationIds])
    .execute();
  if (!assessments.length) return [];
  const answersOf = await submittedAnswersOf(
    db,
    assessments.map((a) => a.id),
  );
  return assessments.map((a) => ({
    assessmentId: a.id,
    periodId: a.periodId,
    organisationId: a.organisationId,
    // pg answers EXISTS with a boolean, SQLite with 0 or 1.
    state:
      a.status === "submitted" ? "submitted" : Number(a.everSubmitted) > 0 ? "reopened" : "draft",
    lastChangedAt: String(a.updatedAt),
    answers: answersOf.get(a.id) ?? [],
  }));
}

/**
 * Each submitted assessment's answers with the review state that applies to
 * each (two indexed queries), keyed by assessment id: what levels and
 * verification are computed from. An assessment that is not submitted (a
 * draft, or reopened) has no entry: the filter is in the SQL, so no caller
 * can read a draft's answers through here.
 */
export async function submittedAnswersOf(
  db: Kysely<Database>,
  assessmentIds: readonly number[],
): Promise<Map<number, AnswerRow[]>> {
  if (!assessmentIds.length) return new Map();

  const answers = await db
    .selectFrom("component_answer as c")
    .innerJoin("assessment as a", "a.id", "c.assessment_id")
    .select([
      "c.id",
      "c.assessment_id as assessmentId",
      "c.component_id as componentId",
      "c.status",
      "c.version",
    ])
    .where("c.assessment_id", "in", [...assessmentIds])
    .where("a.status", "=", "submitted")
    .orderBy("c.id")
    .execute();
  const reviews = await db
    .selectFrom("component_review as r")
    .innerJoin("component_answer as c", "c.id", "r.component_answer_id")
    .innerJoin("assessment as a", "a.id", "c.assessment_id")
    .select([
      "r.component_answer_id as answerId",
      "r.verdict",
      "r.answer_version as answerVersion",
      "r.evidence_key as evidenceKey",
    ])
    .where("c.assessment_id", "in", [...assessmentIds])
    .where("a.status", "=", "submitted")
    .orderBy("r.id", "desc")
    .execute();
  const latestReview = new Map<number, (typeof reviews)[number]>();
  for (const review of reviews)
    if (!latestReview.has(review.answerId)) latestReview.set(review.answerId, review);
  // A review covers the evidence too (ADR 039): read only for the answers it could still cover.
  const evidence = await evidenceIdsOf(
    db,
    answers
      .filter((a) => {
        const review = latestReview.get(a.id);
        return review && review.evidenceKey !== null && review.answerVersion === a.version;
      })
      .map((a) => a.id),
  );

  const answersOf = new Map<number, AnswerRow[]>();
  for (const answer of answers) {
    const review = latestReview.get(answer.id);
    const list = answersOf.get(answer.assessmentId) ?? [];
    list.push({
      componentId: answer.componentId,
      status: answer.status,
      review: reviewState({
        componentId: answer.componentId,
        status: answer.status,
        version: answer.version,
        evidenceIds: evidence.get(answer.id) ?? [],
        latestReview: review ? asLatestReview(review) : null,
      }),
    });
    answersOf.set(answer.assessmentId, list);
  }
  return answersOf;
}

/** The newest period of the system in which any of the organisations has submitted a return. */
export async function latestPeriodWithReturn(
  db: Kysely<Database>,
  args: { systemId: number; organisationIds: readonly number[] },
): Promise<number | null> {
  if (!args.organisationIds.length) return null;
  const row = await db
    .selectFrom("assessment_period as p")
    .select("p.id")
    .where("p.system_id", "=", args.systemId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("assessment as a")
          .select("a.id")
          .whereRef("a.period_id", "=", "p.id")
          .where("a.status", "=", "submitted")
          .where("a.organisation_id", "in", [...args.organisationIds]),
      ),
    )
    .orderBy("p.starts_on", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Up to `count` periods of the system ending with `endingWith` (newest first). */
export async function periodsEndingWith(
  db: Kysely<Database>,
  args: { systemId: number; endingWith: string; count: number },
) {
  return db
    .selectFrom("assessment_period")
    .select(["id", "label", "starts_on as startsOn"])
    .where("system_id", "=", args.systemId)
    .where("starts_on", "<=", args.endingWith)
    .orderBy("starts_on", "desc")
    .limit(args.count)
    .execute();
}

/**
 * The level frozen with each submitted return of a system in the given
 * periods (its latest submission): one row per return, for trends across a
 * whole system without reading every answer of every month.
 */
export async function submittedLevels(
  db: Kysely<Database>,
  args: { systemId: number; periodIds: readonly number[] },
) {
  if (!args.periodIds.length) return [];
  return db
    .selectFrom("assessment as a")
    .innerJoin("organisation as o", "o.id", "a.organisation_id")
    .innerJoin("assessment_submission as s", "s.assessment_id", "a.id")
    .select(["a.organisation_id as organisationId", "a.period_id as periodId", "s.level"])
    .where("o.system_id", "=", args.systemId)
    .where("a.status", "=", "submitted")
    .where("a.period_id", "in", [...args.periodIds])
    .where((eb) =>
      eb(
        "s.id",
        "=",
        eb
          .selectFrom("assessment_submission as latest")
          .select((l) => l.fn.max("latest.id").as("id"))
          .whereRef("latest.assessment_id", "=", "a.id"),
      ),
    )
    .execute();
}
