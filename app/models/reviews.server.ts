import type { Kysely, Transaction } from "kysely";
import type { Database, ReviewVerdict } from "../../db/schema";
import {
  carriesVerification,
  evidenceKey,
  type LatestReview,
  type ReviewedAnswer,
  reviewState,
} from "../charter/verification";

type Db = Kysely<Database> | Transaction<Database>;

/** The evidence item ids of each of these answers, keyed by answer id. */
export async function evidenceIdsOf(
  db: Db,
  answerIds: readonly number[],
): Promise<Map<number, number[]>> {
  const ids = new Map<number, number[]>();
  if (!answerIds.length) return ids;
  const rows = await db
    .selectFrom("component_evidence")
    .select(["component_answer_id as answerId", "evidence_item_id as itemId"])
    .where("component_answer_id", "in", [...answerIds])
    .execute();
  for (const row of rows) ids.set(row.answerId, [...(ids.get(row.answerId) ?? []), row.itemId]);
  return ids;
}

/** The organisation's answer to one component in one period, with its sheet's state. */
export async function findComponentAnswer(
  db: Db,
  args: { organisationId: number; periodId: number; componentId: string },
) {
  const answer = await db
    .selectFrom("component_answer as c")
    .innerJoin("assessment as a", "a.id", "c.assessment_id")
    .select([
      "c.id",
      "c.status",
      "c.version",
      "c.opportunities",
      "a.id as assessmentId",
      "a.status as assessmentStatus",
      "a.charter_version as charterVersion",
    ])
    .where("a.organisation_id", "=", args.organisationId)
    .where("a.period_id", "=", args.periodId)
    .where("c.component_id", "=", args.componentId)
    .executeTakeFirst();
  if (!answer) return undefined;
  return { ...answer, evidenceIds: (await evidenceIdsOf(db, [answer.id])).get(answer.id) ?? [] };
}

export async function recordReview(
  db: Db,
  args: {
    componentAnswerId: number;
    answerVersion: number;
    /** The answer's evidence as the reviewer saw it. */
    evidenceIds: readonly number[];
    reviewerId: number;
    verdict: ReviewVerdict;
    comment: string;
    now: Date;
    carriedFromReviewId?: number;
  },
): Promise<number> {
  const row = await db
    .insertInto("component_review")
    .values({
      component_answer_id: args.componentAnswerId,
      answer_version: args.answerVersion,
      evidence_key: evidenceKey(args.evidenceIds),
      reviewer_id: args.reviewerId,
      verdict: args.verdict,
      comment: args.comment,
      created_at: args.now.toISOString(),
      carried_from_review_id: args.carriedFromReviewId ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export type ReviewRow = {
  id: number;
  componentId: string;
  verdict: ReviewVerdict;
  comment: string;
  answerVersion: number;
  evidenceKey: string | null;
  reviewerName: string;
  createdAt: string;
  /** A verification carried from an earlier month: that month, and when it was verified there. */
  carriedFrom: { periodLabel: string; verifiedAt: string } | null;
};

/** Every review of the sheet's components, newest first. */
export async function reviewsOfAssessment(
  db: Db,
  args: { assessmentId: number },
): Promise<ReviewRow[]> {
  const rows = await db
    .selectFrom("component_review as r")
    .innerJoin("component_answer as c", "c.id", "r.component_answer_id")
    .innerJoin("app_user as u", "u.id", "r.reviewer_id")
    .leftJoin("component_review as origin", "origin.id", "r.carried_from_review_id")
    .leftJoin("component_answer as oc", "oc.id", "origin.component_answer_id")
    .leftJoin("assessment as oa", "oa.id", "oc.assessment_id")
    .leftJoin("assessment_period as op", "op.id", "oa.period_id")
    .select([
      "r.id",
      "c.component_id as componentId",
      "r.verdict",
      "r.comment",
      "r.answer_version as answerVersion",
      "r.evidence_key as evidenceKey",
      "u.name as reviewerName",
      "r.created_at as createdAt",
      "r.carried_from_review_id as carriedFromId",
      "op.label as originLabel",
      "origin.created_at as originAt",
    ])
    .where("c.assessment_id", "=", args.assessmentId)
    .orderBy("r.id", "desc")
    .execute();
  return rows.map(({ carriedFromId, originLabel, originAt, ...row }) => ({
    ...row,
    id: Number(row.id),
    carriedFrom:
      carriedFromId !== null && originLabel && originAt
        ? { periodLabel: originLabel, verifiedAt: originAt }
        : null,
  }));
}

/** The newest review of each component: the one that applies. */
export function latestByComponent(reviews: readonly ReviewRow[]): Map<string, ReviewRow> {
  const latest = new Map<string, ReviewRow>();
  for (const review of reviews)
    if (!latest.has(review.componentId)) latest.set(review.componentId, review);
  return latest;
}

/** A review row as the verification rules read it. */
export const asLatestReview = (review: {
  verdict: ReviewVerdict;
  answerVersion: number;
  evidenceKey: string | null;
}): LatestReview => ({
  verdict: review.verdict,
  answerVersion: review.answerVersion,
  evidenceKey: review.evidenceKey,
});

type AnswerReviews = {
  latest: (LatestReview & { id: number; reviewerId: number; carriedFromId: number | null }) | null;
  /** Whether anyone reviewed this answer in its own month (a carried row is not that). */
  reviewedInItsMonth: boolean;
};

/** The newest review of each answer, and whether it had a review of its own. */
async function reviewsOfAnswers(db: Db, answerIds: readonly number[]) {
  const result = new Map<number, AnswerReviews>();
  if (!answerIds.length) return result;
  const rows = await db
    .selectFrom("component_review")
    .select([
      "id",
      "component_answer_id as answerId",
      "verdict",
      "answer_version as answerVersion",
      "evidence_key as evidenceKey",
      "reviewer_id as reviewerId",
      "carried_from_review_id as carriedFromId",
    ])
    .where("component_answer_id", "in", [...answerIds])
    .orderBy("id", "desc")
    .execute();
  for (const row of rows) {
    const seen = result.get(row.answerId);
    const own = row.carriedFromId === null;
    if (seen) seen.reviewedInItsMonth ||= own;
    else
      result.set(row.answerId, {
        latest: { ...asLatestReview(row), ...row, id: Number(row.id) },
        reviewedInItsMonth: own,
      });
  }
  return result;
}

type CarriedAnswer = {
  id: number;
  componentId: string;
  status: string;
  version: number;
  evidenceIds: readonly number[];
};

/**
 * Carries the verifications of `earlier` answers into the `later` answers of
 * the same components, where the rule says so (carriesVerification): a row
 * per carried component, naming the reviewer's own review it carries.
 * Returns the components carried.
 */
export async function carryVerifications(
  trx: Transaction<Database>,
  args: {
    earlier: readonly CarriedAnswer[];
    later: readonly CarriedAnswer[];
    now: Date;
  },
): Promise<string[]> {
  const reviews = await reviewsOfAnswers(trx, [
    ...args.earlier.map((a) => a.id),
    ...args.later.map((a) => a.id),
  ]);
  const laterOf = new Map(args.later.map((a) => [a.componentId, a]));
  const carried: string[] = [];
  for (const before of args.earlier) {
    const after = laterOf.get(before.componentId);
    const review = reviews.get(before.id)?.latest ?? null;
    if (!after || !review) continue;
    const earlier: ReviewedAnswer = { ...before, latestReview: review };
    const own = reviews.get(after.id);
    const later = { ...after, reviewedInItsMonth: own?.reviewedInItsMonth ?? false };
    if (!carriesVerification(earlier, later)) continue;
    const covered = own?.latest ?? null;
    const alreadyCovers =
      covered?.verdict === "verified" &&
      covered.answerVersion === after.version &&
      covered.evidenceKey === evidenceKey(after.evidenceIds);
    if (alreadyCovers) continue;
    await recordReview(trx, {
      componentAnswerId: after.id,
      answerVersion: after.version,
      evidenceIds: after.evidenceIds,
      reviewerId: review.reviewerId,
      verdict: "verified",
      comment: "",
      now: args.now,
      carriedFromReviewId: review.carriedFromId ?? review.id,
    });
    carried.push(before.componentId);
  }
  return carried;
}

/**
 * After a component is verified, carries the verification into the
 * organisation's later months that were started before it and still hold
 * the same status and evidence (ADR 039), month by month until one differs.
 */
export async function carryVerificationForward(
  trx: Transaction<Database>,
  args: { answerId: number; now: Date },
): Promise<Array<{ periodLabel: string; assessmentId: number }>> {
  const carriedInto: Array<{ periodLabel: string; assessmentId: number }> = [];
  let current = await answerInMonth(trx, args.answerId);
  while (current) {
    const next = await trx
      .selectFrom("component_answer as c")
      .innerJoin("assessment as a", "a.id", "c.assessment_id")
      .innerJoin("assessment_period as p", "p.id", "a.period_id")
      .select("c.id")
      .where("a.organisation_id", "=", current.organisationId)
      .where("p.starts_on", ">", current.startsOn)
      .where("c.component_id", "=", current.componentId)
      .orderBy("p.starts_on")
      .limit(1)
      .executeTakeFirst();
    const later = next ? await answerInMonth(trx, next.id) : undefined;
    if (!later) break;
    const carried = await carryVerifications(trx, {
      earlier: [current],
      later: [later],
      now: args.now,
    });
    const review = (await reviewsOfAnswers(trx, [later.id])).get(later.id)?.latest ?? null;
    // On only while this month stands verified: a later month cannot be unchanged since one that is not.
    if (reviewState({ ...later, latestReview: review }) !== "verified") break;
    if (carried.length)
      carriedInto.push({ periodLabel: later.periodLabel, assessmentId: later.assessmentId });
    current = later;
  }
  return carriedInto;
}

async function answerInMonth(db: Db, answerId: number) {
  const row = await db
    .selectFrom("component_answer as c")
    .innerJoin("assessment as a", "a.id", "c.assessment_id")
    .innerJoin("assessment_period as p", "p.id", "a.period_id")
    .select([
      "c.id",
      "c.component_id as componentId",
      "c.status",
      "c.version",
      "a.id as assessmentId",
      "a.organisation_id as organisationId",
      "p.starts_on as startsOn",
      "p.label as periodLabel",
    ])
    .where("c.id", "=", answerId)
    .executeTakeFirst();
  if (!row) return undefined;
  return { ...row, evidenceIds: (await evidenceIdsOf(db, [row.id])).get(row.id) ?? [] };
}
