import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { componentById, loadCharter } from "../charter/content";
import { listOrganisations } from "../models/organisations.server";
import {
  type AwaitingReview,
  type QueueScope,
  reviewQueue,
  unchangedSinceLastVerified,
} from "../models/review-queue.server";
import { formatDateTime } from "../utils/dates";
import { type QueueRef, reviewPath } from "./paths";

type Db = Kysely<Database>;
type Place = { id: number; systemId: number };

/** A place's review queue covers its own organisations and the system-wide ones, nothing else. */
export async function placeOrganisationIds(db: Db, place: Place): Promise<number[]> {
  const organisations = await listOrganisations(db, {
    placeIds: [place.id],
    systemWideIn: [place.systemId],
  });
  return organisations.map((o) => o.id);
}

export async function placeScope(db: Db, place: Place): Promise<QueueScope> {
  return { kind: "organisations", organisationIds: await placeOrganisationIds(db, place) };
}

const whyWords: Record<AwaitingReview["why"], string> = {
  "not reviewed": "Not reviewed",
  "changed since review": "Changed since review",
  reply: "Reply to a query",
};

/** The queue as a page shows it: each item with its words and the review page it opens. */
export async function queueView(db: Db, scope: QueueScope, queue: QueueRef) {
  const items = await reviewQueue(db, scope);
  const unchanged = await unchangedSinceLastVerified(db, items);
  const charter = loadCharter();
  const evidenceTitles = await titlesOf(db, [...new Set(items.flatMap((i) => i.evidenceIds))]);
  return items.map((item) => {
    const before = unchanged.get(item.answerId);
    return {
      key: `${item.answerId}`,
      organisationId: item.organisationId,
      organisationName: item.organisationName,
      periodId: item.periodId,
      periodLabel: item.periodLabel,
      componentId: item.componentId,
      componentTitle: componentById(charter, item.componentId)?.title ?? item.componentId,
      why: whyWords[item.why],
      isReply: item.why === "reply",
      reply: item.reply
        ? {
            reviewerId: item.reply.reviewerId,
            reviewerName: item.reply.reviewerName,
            replies: item.reply.replies,
            lastReplyAt: formatDateTime(item.reply.lastReplyAt),
          }
        : null,
      submittedAt: item.submittedAt ? formatDateTime(item.submittedAt) : null,
      path: reviewPath(item, queue),
      // What "Verify all unchanged since last verified" would verify, with what it is compared to.
      unchangedSince: before
        ? {
            periodLabel: before.periodLabel,
            reviewerName: before.reviewerName,
            verifiedAt: formatDateTime(before.verifiedAt),
            evidence: item.evidenceIds.map((id) => evidenceTitles.get(id) ?? `Item ${id}`),
            // Names the answer exactly as shown, so the batch verifies only what was compared.
            token: `${item.answerId}:${item.version}:${[...item.evidenceIds].sort((a, b) => a - b).join(".")}`,
          }
        : null,
    };
  });
}

export type QueueItemView = Awaited<ReturnType<typeof queueView>>[number];

async function titlesOf(db: Db, ids: readonly number[]) {
  if (!ids.length) return new Map<number, string>();
  const rows = await db
    .selectFrom("evidence_item")
    .select(["id", "title"])
    .where("id", "in", [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.title]));
}

/**
 * The review page's "Next": the item after this component in the queue it
 * was opened from, or the first item when this one is no longer in it (just
 * reviewed, or opened from elsewhere). Null when nothing else awaits.
 */
export async function nextInQueue(
  db: Db,
  args: {
    scope: QueueScope;
    queue: QueueRef;
    current: { organisationId: number; periodId: number; componentId: string };
  },
): Promise<string | null> {
  const items = await reviewQueue(db, args.scope);
  const at = items.findIndex(
    (i) =>
      i.organisationId === args.current.organisationId &&
      i.periodId === args.current.periodId &&
      i.componentId === args.current.componentId,
  );
  const next = at >= 0 ? items[at + 1] : items[0];
  return next ? reviewPath(next, args.queue) : null;
}

/** How many items await review in scope, and how many are replies to a given reviewer's queries. */
export async function queueCounts(db: Db, scope: QueueScope, reviewerId: number) {
  const items = await reviewQueue(db, scope);
  return {
    total: items.length,
    components: items.filter((i) => i.why !== "reply").length,
    replies: items.filter((i) => i.why === "reply").length,
    repliesToYou: items.filter((i) => i.reply?.reviewerId === reviewerId).length,
    organisations: new Set(items.filter((i) => i.why !== "reply").map((i) => i.organisationId))
      .size,
  };
}
