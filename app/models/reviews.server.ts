import type { Kysely, Transaction } from "kysely";
import type { Database, ReviewVerdict } from "../../db/schema";

type Db = Kysely<Database> | Transaction<Database>;

/** The organisation's answer to one component in one period, with its sheet's state. */
export async function findComponentAnswer(
  db: Db,
  args: { organisationId: number; periodId: number; componentId: string },
) {
  return db
    .selectFrom("component_answer as c")
    .innerJoin("assessment as a", "a.id", "c.assessment_id")
    .select([
      "c.id",
      "c.status",
      "c.version",
      "c.opportunities",
      "a.id as assessmentId",
      "a.charter_version as charterVersion",
    ])
    .where("a.organisation_id", "=", args.organisationId)
    .where("a.period_id", "=", args.periodId)
    .where("c.component_id", "=", args.componentId)
    .executeTakeFirst();
}

export async function recordReview(
  db: Db,
  args: {
    componentAnswerId: number;
    answerVersion: number;
    reviewerId: number;
    verdict: ReviewVerdict;
    comment: string;
    now: Date;
  },
): Promise<number> {
  const row = await db
    .insertInto("component_review")
    .values({
      component_answer_id: args.componentAnswerId,
      answer_version: args.answerVersion,
      reviewer_id: args.reviewerId,
      verdict: args.verdict,
      comment: args.comment,
      created_at: args.now.toISOString(),
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
  reviewerName: string;
  createdAt: string;
};

/** Every review of the sheet's components, newest first. */
export async function reviewsOfAssessment(
  db: Db,
  args: { assessmentId: number },
): Promise<ReviewRow[]> {
  return db
    .selectFrom("component_review as r")
    .innerJoin("component_answer as c", "c.id", "r.component_answer_id")
    .innerJoin("app_user as u", "u.id", "r.reviewer_id")
    .select([
      "r.id",
      "c.component_id as componentId",
      "r.verdict",
      "r.comment",
      "r.answer_version as answerVersion",
      "u.name as reviewerName",
      "r.created_at as createdAt",
    ])
    .where("c.assessment_id", "=", args.assessmentId)
    .orderBy("r.id", "desc")
    .execute()
    .then((rows) => rows.map((row) => ({ ...row, id: Number(row.id) })));
}

/** The newest review of each component: the one that applies. */
export function latestByComponent(reviews: readonly ReviewRow[]): Map<string, ReviewRow> {
  const latest = new Map<string, ReviewRow>();
  for (const review of reviews)
    if (!latest.has(review.componentId)) latest.set(review.componentId, review);
  return latest;
}
