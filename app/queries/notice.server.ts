import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { componentById, loadCharter } from "../charter/content";
import { openQueriesOf } from "../models/queries.server";
import { currentReopening } from "../models/reopening.server";
import { formatDateTime } from "../utils/dates";
import { queryPath } from "./paths";

export type OpenQueryView = {
  reviewId: number;
  href: string;
  component: string;
  periodLabel: string;
  reviewerName: string;
  queriedAt: string;
  comment: string;
  replies: number;
  lastReplyAt: string | null;
};

/** The organisation's open queries as its pages show them (one month's, when given). */
export async function openQueriesNotice(
  db: Kysely<Database>,
  args: { organisationId: number; periodId?: number },
): Promise<OpenQueryView[]> {
  const queries = await openQueriesOf(db, args);
  if (!queries.length) return [];
  const charter = loadCharter();
  return queries.map((q) => ({
    reviewId: q.reviewId,
    href: queryPath({
      organisationId: args.organisationId,
      periodId: q.periodId,
      reviewId: q.reviewId,
    }),
    component: `${q.componentId} ${componentById(charter, q.componentId)?.title ?? ""}`.trim(),
    periodLabel: q.periodLabel,
    reviewerName: q.reviewerName,
    queriedAt: formatDateTime(q.queriedAt),
    comment: q.comment,
    replies: q.replies,
    lastReplyAt: q.lastReplyAt ? formatDateTime(q.lastReplyAt) : null,
  }));
}

export type ReopenedView = { reopenedBy: string; reopenedAt: string; reason: string };

/** Who reopened the month, when and why, while it stands reopened; else null. */
export async function reopenedNotice(
  db: Kysely<Database>,
  args: { assessmentId: number | null },
): Promise<ReopenedView | null> {
  if (args.assessmentId === null) return null;
  const reopening = await currentReopening(db, { assessmentId: args.assessmentId });
  if (!reopening) return null;
  return {
    reopenedBy: reopening.reopenedBy ?? "Someone who has since left",
    reopenedAt: formatDateTime(reopening.reopenedAt),
    reason: reopening.reason,
  };
}
