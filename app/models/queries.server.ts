import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { type Actor, audit } from "./actor.server";
import type { NewEvidence } from "./component-answers.server";

type Db = Kysely<Database>;

/**
 * A query is a review with verdict "queried". It stays open while it is the
 * component answer's newest review: a later verdict (verified, or a new
 * query) closes it. Replies hang off the query, never off the month.
 */
export type OpenQuery = {
  reviewId: number;
  periodId: number;
  periodLabel: string;
  componentId: string;
  comment: string;
  reviewerName: string;
  queriedAt: string;
  replies: number;
  lastReplyAt: string | null;
};

/** The organisation's open queries, newest first (one period's only, when given). */
export async function openQueriesOf(
  db: Db,
  args: { organisationId: number; periodId?: number; limit?: number },
): Promise<OpenQuery[]> {
  let query = db
    .selectFrom("component_review as r")
    .innerJoin("component_answer as c", "c.id", "r.component_answer_id")
    .innerJoin("assessment as a", "a.id", "c.assessment_id")
    .innerJoin("assessment_period as p", "p.id", "a.period_id")
    .innerJoin("app_user as u", "u.id", "r.reviewer_id")
    .select((eb) => [
      "r.id as reviewId",
      "p.id as periodId",
      "p.label as periodLabel",
      "c.component_id as componentId",
      "r.comment",
      "u.name as reviewerName",
      "r.created_at as queriedAt",
      eb
        .selectFrom("query_reply as q")
        .select((inner) => inner.fn.countAll<number | string>().as("n"))
        .whereRef("q.review_id", "=", "r.id")
        .as("replies"),
      eb
        .selectFrom("query_reply as q")
        .select((inner) => inner.fn.max("q.created_at").as("at"))
        .whereRef("q.review_id", "=", "r.id")
        .as("lastReplyAt"),
    ])
    .where("a.organisation_id", "=", args.organisationId)
    .where("r.verdict", "=", "queried")
    .where(({ eb, selectFrom }) =>
      eb(
        "r.id",
        "=",
        selectFrom("component_review as later")
          .select((inner) => inner.fn.max("later.id").as("newest"))
          .whereRef("later.component_answer_id", "=", "r.component_answer_id"),
      ),
    )
    .orderBy("r.id", "desc")
    .limit(args.limit ?? 50);
  if (args.periodId !== undefined) query = query.where("a.period_id", "=", args.periodId);
  const rows = await query.execute();
  return rows.map((row) => ({
    ...row,
    reviewId: Number(row.reviewId),
    periodId: Number(row.periodId),
    replies: Number(row.replies ?? 0),
    lastReplyAt: row.lastReplyAt ? String(row.lastReplyAt) : null,
  }));
}

/** One query of an organisation's month, with whether it is still open. */
export async function findQuery(
  db: Db,
  args: { reviewId: number; organisationId: number; periodId: number },
) {
  const row = await db
    .selectFrom("component_review as r")
    .innerJoin("component_answer as c", "c.id", "r.component_answer_id")
    .innerJoin("assessment as a", "a.id", "c.assessment_id")
    .innerJoin("app_user as u", "u.id", "r.reviewer_id")
    .select((eb) => [
      "r.id as reviewId",
      "r.verdict",
      "r.comment",
      "r.created_at as queriedAt",
      "u.name as reviewerName",
      "u.id as reviewerId",
      "u.email as reviewerEmail",
      "u.deactivated_at as reviewerDeactivatedAt",
      "c.id as answerId",
      "c.component_id as componentId",
      "a.id as assessmentId",
      "a.status as assessmentStatus",
      "a.charter_version as charterVersion",
      eb
        .selectFrom("component_review as later")
        .select((inner) => inner.fn.max("later.id").as("newest"))
        .whereRef("later.component_answer_id", "=", "r.component_answer_id")
        .as("newestReviewId"),
    ])
    .where("r.id", "=", args.reviewId)
    .where("a.organisation_id", "=", args.organisationId)
    .where("a.period_id", "=", args.periodId)
    .where("r.verdict", "=", "queried")
    .executeTakeFirst();
  if (!row) return null;
  return {
    ...row,
    reviewId: Number(row.reviewId),
    answerId: Number(row.answerId),
    assessmentId: Number(row.assessmentId),
    open: Number(row.newestReviewId) === Number(row.reviewId),
  };
}

export type QueryReplyRow = {
  id: number;
  reviewId: number;
  body: string;
  authorName: string | null;
  createdAt: string;
  evidence: {
    id: number;
    kind: string;
    title: string;
    url: string | null;
    fileName: string | null;
  } | null;
};

/** The replies to these queries, oldest first, with any evidence given with each. */
export async function repliesTo(
  db: Db,
  args: { reviewIds: readonly number[] },
): Promise<QueryReplyRow[]> {
  if (!args.reviewIds.length) return [];
  const rows = await db
    .selectFrom("query_reply as q")
    .leftJoin("app_user as u", "u.id", "q.author_id")
    .leftJoin("evidence_item as e", "e.id", "q.evidence_item_id")
    .select([
      "q.id",
      "q.review_id as reviewId",
      "q.body",
      "q.created_at as createdAt",
      "u.name as authorName",
      "e.id as evidenceId",
      "e.kind as evidenceKind",
      "e.title as evidenceTitle",
      "e.url as evidenceUrl",
      "e.file_name as evidenceFileName",
    ])
    .where("q.review_id", "in", [...args.reviewIds])
    .orderBy("q.id")
    .execute();
  return rows.map((row) => ({
    id: Number(row.id),
    reviewId: Number(row.reviewId),
    body: row.body,
    authorName: row.authorName,
    createdAt: row.createdAt,
    evidence:
      row.evidenceId === null
        ? null
        : {
            id: Number(row.evidenceId),
            kind: String(row.evidenceKind),
            title: String(row.evidenceTitle),
            url: row.evidenceUrl,
            fileName: row.evidenceFileName,
          },
  }));
}

/**
 * Records a champion's reply, and the new evidence given with it (an item of
 * the organisation, linked to the reply only: the month's answers and its
 * submitted snapshot are not touched), audited in the same transaction.
 * Refused when a later review has closed the query meanwhile.
 */
export async function recordReply(
  db: Db,
  args: {
    reviewId: number;
    organisationId: number;
    assessmentId: number;
    componentId: string;
    periodLabel: string;
    body: string;
    evidence: NewEvidence | null;
    actor: Actor;
  },
): Promise<{ outcome: "replied"; replyId: number } | { outcome: "closed" }> {
  return db.transaction().execute(async (trx) => {
    const newest = await trx
      .selectFrom("component_review as r")
      .innerJoin("component_review as later", "later.component_answer_id", "r.component_answer_id")
      .select((eb) => eb.fn.max("later.id").as("newest"))
      .where("r.id", "=", args.reviewId)
      .executeTakeFirst();
    if (Number(newest?.newest) !== args.reviewId) return { outcome: "closed" } as const;
    let evidenceId: number | null = null;
    if (args.evidence) {
      const item = args.evidence;
      const inserted = await trx
        .insertInto("evidence_item")
        .values({
          organisation_id: args.organisationId,
          kind: item.kind,
          title: item.title,
          body: item.body ?? null,
          url: item.url ?? null,
          file_sha256: item.file?.sha256 ?? null,
          file_name: item.file?.name ?? null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      evidenceId = Number(inserted.id);
    }
    const reply = await trx
      .insertInto("query_reply")
      .values({
        review_id: args.reviewId,
        author_id: args.actor.userId,
        body: args.body,
        evidence_item_id: evidenceId,
        created_at: args.actor.now.toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(trx, args.actor, "query.replied", args.assessmentId, {
      period: args.periodLabel,
      component: args.componentId,
      review: args.reviewId,
      reply: Number(reply.id),
      ...(evidenceId === null ? {} : { evidenceItem: evidenceId, kind: args.evidence?.kind }),
    });
    return { outcome: "replied", replyId: Number(reply.id) } as const;
  });
}
