import type { Kysely } from "kysely";
import type { Database, ReviewVerdict } from "../../db/schema";
import { recordAudit } from "../models/audit.server";
import { carryVerificationForward, recordReview } from "../models/reviews.server";
import { notifyChampionsOfQuery } from "../queries/notify.server";

export type VerdictToRecord = {
  request: Request;
  organisation: { id: number; name: string; systemId: number };
  period: { id: number; label: string };
  component: { id: string; title: string };
  answer: { id: number; version: number; evidenceIds: readonly number[]; assessmentId: number };
  reviewer: { id: number; name: string };
  verdict: ReviewVerdict;
  comment: string;
  /** Set when verified from the queue's "Verify all unchanged since last verified". */
  unchangedSince?: string;
  ip: string | null;
};

/**
 * Records a steering group member's verdict on the answer as they saw it (its
 * version and evidence), audited in the same transaction. A verification
 * also carries into the organisation's later months that still hold the same
 * status and evidence (ADR 039). A query emails the champions after the
 * commit: the query stands whether or not the emails go.
 */
export async function recordVerdict(db: Kysely<Database>, args: VerdictToRecord) {
  const now = new Date();
  const reviewId = await db.transaction().execute(async (trx) => {
    const id = await recordReview(trx, {
      componentAnswerId: args.answer.id,
      answerVersion: args.answer.version,
      evidenceIds: args.answer.evidenceIds,
      reviewerId: args.reviewer.id,
      verdict: args.verdict,
      comment: args.comment,
      now,
    });
    const carried =
      args.verdict === "verified"
        ? await carryVerificationForward(trx, { answerId: args.answer.id, now })
        : [];
    await recordAudit(trx, {
      actorUserId: args.reviewer.id,
      action: "component.reviewed",
      targetType: "organisation",
      targetId: args.organisation.id,
      detail: {
        period: args.period.label,
        component: args.component.id,
        verdict: args.verdict,
        review: id,
        ...(args.unchangedSince ? { unchangedSince: args.unchangedSince } : {}),
        ...(carried.length ? { carriedInto: carried.map((c) => c.periodLabel) } : {}),
      },
      ip: args.ip,
      now,
    });
    return id;
  });
  if (args.verdict === "queried") {
    await notifyChampionsOfQuery(db, {
      request: args.request,
      organisation: args.organisation,
      period: args.period,
      assessmentId: args.answer.assessmentId,
      component: args.component,
      reviewId,
      reviewer: args.reviewer,
      ip: args.ip,
    });
  }
  return reviewId;
}
