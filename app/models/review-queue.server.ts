import type { Kysely } from "kysely";
import type { ComponentStatus, Database } from "../../db/schema";
import { componentIds, loadCharter } from "../charter/content";
import { type ReviewedAnswer, reviewState, unchangedSinceVerified } from "../charter/verification";
import { asLatestReview, evidenceIdsOf } from "./reviews.server";

type Db = Kysely<Database>;

/**
 * What awaits a steering group's review (issue 20): in each organisation's
 * latest submitted month, the fulfilled components nobody has reviewed or that
 * changed since their review; and, in any month, queries a champion has
 * replied to while the query is still open. Only the organisations asked for:
 * a place's own and the system-wide ones, never another place's.
 */
export type AwaitingReview = {
  organisationId: number;
  organisationName: string;
  periodId: number;
  periodLabel: string;
  startsOn: string;
  assessmentId: number;
  submittedAt: string | null;
  answerId: number;
  componentId: string;
  status: ComponentStatus;
  version: number;
  evidenceIds: number[];
  why: "not reviewed" | "changed since review" | "reply";
  /** The open query a champion replied to (why "reply"). */
  reply: {
    reviewId: number;
    reviewerId: number;
    reviewerName: string;
    replies: number;
    lastReplyAt: string;
  } | null;
};

export type QueueScope =
  | { kind: "organisations"; organisationIds: readonly number[] }
  | { kind: "month"; organisationId: number; periodId: number };

/** The months the queue looks at: each organisation's latest submitted one, or the month asked. */
async function monthsInScope(db: Db, scope: QueueScope) {
  let query = db
    .selectFrom("assessment as a")
    .innerJoin("assessment_period as p", "p.id", "a.period_id")
    .innerJoin("organisation as o", "o.id", "a.organisation_id")
    .select([
      "a.id",
      "a.organisation_id as organisationId",
      "o.name as organisationName",
      "a.period_id as periodId",
      "p.label as periodLabel",
      "p.starts_on as startsOn",
      "a.submitted_at as submittedAt",
    ])
    .where("a.status", "=", "submitted");
  if (scope.kind === "month") {
    query = query
      .where("a.organisation_id", "=", scope.organisationId)
      .where("a.period_id", "=", scope.periodId);
  } else {
    if (!scope.organisationIds.length) return [];
    query = query.where("a.organisation_id", "in", [...scope.organisationIds]);
  }
  const rows = await query.execute();
  const latest = new Map<number, (typeof rows)[number]>();
  for (const row of rows) {
    const seen = latest.get(row.organisationId);
    if (!seen || row.startsOn > seen.startsOn) latest.set(row.organisationId, row);
  }
  return [...latest.values()];
}

/** Open queries (the answer's newest review) with at least one reply, in scope. */
async function repliedQueries(db: Db, scope: QueueScope) {
  let query = db
    .selectFrom("component_review as r")
    .innerJoin("component_answer as c", "c.id", "r.component_answer_id")
    .innerJoin("assessment as a", "a.id", "c.assessment_id")
    .innerJoin("assessment_period as p", "p.id", "a.period_id")
    .innerJoin("organisation as o", "o.id", "a.organisation_id")
    .innerJoin("app_user as u", "u.id", "r.reviewer_id")
    .select((eb) => [
      "r.id as reviewId",
      "r.reviewer_id as reviewerId",
      "u.name as reviewerName",
      "c.id as answerId",
      "c.component_id as componentId",
      "c.status",
      "c.version",
      "a.id as assessmentId",
      "a.submitted_at as submittedAt",
      "a.organisation_id as organisationId",
      "o.name as organisationName",
      "a.period_id as periodId",
      "p.label as periodLabel",
      "p.starts_on as startsOn",
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
    .where(({ exists, selectFrom }) =>
      exists(selectFrom("query_reply as q").select("q.id").whereRef("q.review_id", "=", "r.id")),
    );
  if (scope.kind === "month") {
    query = query
      .where("a.organisation_id", "=", scope.organisationId)
      .where("a.period_id", "=", scope.periodId);
  } else {
    if (!scope.organisationIds.length) return [];
    query = query.where("a.organisation_id", "in", [...scope.organisationIds]);
  }
  return query.execute();
}

/**
 * Everything awaiting review in scope, in the order to work through it:
 * replies first (the oldest reply first), then each return from the one
 * submitted longest ago, its components in the charter's order.
 */
export async function reviewQueue(db: Db, scope: QueueScope): Promise<AwaitingReview[]> {
  const months = await monthsInScope(db, scope);
  const answers = months.length
    ? await db
        .selectFrom("component_answer")
        .select(["id", "assessment_id as assessmentId", "component_id as componentId", "status"])
        .select("version")
        .where(
          "assessment_id",
          "in",
          months.map((m) => m.id),
        )
        .where("status", "=", "fulfilled")
        .execute()
    : [];
  const reviews = answers.length
    ? await db
        .selectFrom("component_review")
        .select([
          "component_answer_id as answerId",
          "verdict",
          "answer_version as answerVersion",
          "evidence_key as evidenceKey",
        ])
        .where(
          "component_answer_id",
          "in",
          answers.map((a) => a.id),
        )
        .orderBy("id", "desc")
        .execute()
    : [];
  const latest = new Map<number, (typeof reviews)[number]>();
  for (const review of reviews)
    if (!latest.has(review.answerId)) latest.set(review.answerId, review);
  const evidence = await evidenceIdsOf(
    db,
    answers.map((a) => a.id),
  );
  const monthOf = new Map(months.map((m) => [m.id, m]));
  const items: AwaitingReview[] = [];
  const replied = await repliedQueries(db, scope);
  const repliedAnswers = new Set(replied.map((r) => r.answerId));
  for (const answer of answers) {
    if (repliedAnswers.has(answer.id)) continue;
    const review = latest.get(answer.id);
    const evidenceIds = evidence.get(answer.id) ?? [];
    const state = reviewState({
      ...answer,
      evidenceIds,
      latestReview: review ? asLatestReview(review) : null,
    });
    if (state !== "not reviewed" && state !== "changed since review") continue;
    const month = monthOf.get(answer.assessmentId)!;
    items.push({
      ...month,
      ...answer,
      answerId: answer.id,
      assessmentId: month.id,
      evidenceIds,
      why: state,
      reply: null,
    });
  }
  const replyEvidence = await evidenceIdsOf(
    db,
    replied.map((r) => r.answerId),
  );
  const replies: AwaitingReview[] = replied.map((r) => ({
    ...r,
    evidenceIds: replyEvidence.get(r.answerId) ?? [],
    why: "reply" as const,
    reply: {
      reviewId: Number(r.reviewId),
      reviewerId: r.reviewerId,
      reviewerName: r.reviewerName,
      replies: Number(r.replies ?? 0),
      lastReplyAt: String(r.lastReplyAt),
    },
  }));
  const order = new Map(componentIds(loadCharter()).map((id, i) => [id, i]));
  replies.sort((a, b) => a.reply!.lastReplyAt.localeCompare(b.reply!.lastReplyAt));
  items.sort(
    (a, b) =>
      (a.submittedAt ?? "").localeCompare(b.submittedAt ?? "") ||
      a.organisationName.localeCompare(b.organisationName) ||
      (order.get(a.componentId) ?? 99) - (order.get(b.componentId) ?? 99),
  );
  return [...replies, ...items];
}

/** Where an item awaiting review matches an answer its organisation had verified before. */
export type VerifiedBefore = {
  periodLabel: string;
  reviewerName: string;
  verifiedAt: string;
};

/**
 * For each item not yet reviewed, the latest earlier month (within a year) in
 * which the same component stood verified with the same status and evidence
 * (unchangedSinceVerified): what "Verify all unchanged since last verified"
 * offers, keyed by answer id.
 */
export async function unchangedSinceLastVerified(
  db: Db,
  items: readonly AwaitingReview[],
): Promise<Map<number, VerifiedBefore>> {
  const found = new Map<number, VerifiedBefore>();
  const open = items.filter((i) => i.why !== "reply");
  if (!open.length) return found;
  const rows = await db
    .selectFrom("component_review as r")
    .innerJoin("component_answer as c", "c.id", "r.component_answer_id")
    .innerJoin("assessment as a", "a.id", "c.assessment_id")
    .innerJoin("assessment_period as p", "p.id", "a.period_id")
    .innerJoin("app_user as u", "u.id", "r.reviewer_id")
    .select([
      "c.id as answerId",
      "c.component_id as componentId",
      "c.status",
      "c.version",
      "a.organisation_id as organisationId",
      "a.period_id as periodId",
      "p.label as periodLabel",
      "p.starts_on as startsOn",
      "r.verdict",
      "r.answer_version as answerVersion",
      "r.evidence_key as evidenceKey",
      "r.created_at as verifiedAt",
      "u.name as reviewerName",
    ])
    .where("r.verdict", "=", "verified")
    .where("c.status", "=", "fulfilled")
    .where("a.organisation_id", "in", [...new Set(open.map((i) => i.organisationId))])
    .where("c.component_id", "in", [...new Set(open.map((i) => i.componentId))])
    .where(({ eb, selectFrom }) =>
      eb(
        "r.id",
        "=",
        selectFrom("component_review as later")
          .select((inner) => inner.fn.max("later.id").as("newest"))
          .whereRef("later.component_answer_id", "=", "r.component_answer_id"),
      ),
    )
    .orderBy("p.starts_on", "desc")
    .limit(2000)
    .execute();
  const evidence = await evidenceIdsOf(
    db,
    rows.map((r) => r.answerId),
  );
  for (const item of open) {
    const starts = item.startsOn;
    const yearBefore = `${Number(starts.slice(0, 4)) - 1}${starts.slice(4)}`;
    const candidate = rows.find(
      (r) =>
        r.organisationId === item.organisationId &&
        r.componentId === item.componentId &&
        r.startsOn < starts &&
        r.startsOn >= yearBefore,
    );
    if (!candidate) continue;
    const earlier: ReviewedAnswer = {
      ...candidate,
      evidenceIds: evidence.get(candidate.answerId) ?? [],
      latestReview: asLatestReview(candidate),
    };
    if (unchangedSinceVerified(earlier, item)) {
      found.set(item.answerId, {
        periodLabel: candidate.periodLabel,
        reviewerName: candidate.reviewerName,
        verifiedAt: candidate.verifiedAt,
      });
    }
  }
  return found;
}
