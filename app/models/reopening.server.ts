import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { type Actor, audit } from "./actor.server";
import { lockedForUpdate } from "./row-locks.server";

export type ReopenResult =
  | { outcome: "reopened" }
  | { outcome: "notSubmitted" }
  | { outcome: "closed" }
  | { outcome: "notFound" };

/**
 * Makes a submitted assessment a draft again so its champions can correct and
 * resubmit it. The submission stays in the history (snapshots are never
 * changed); the reason goes in the audit row. A closed month stays closed:
 * reopening it would give the champion nothing they could change.
 */
export async function reopenAssessment(
  db: Kysely<Database>,
  args: { assessmentId: number; reason: string; actor: Actor },
): Promise<ReopenResult> {
  return db.transaction().execute(async (trx) => {
    const row = await lockedForUpdate(
      trx,
      trx
        .selectFrom("assessment as a")
        .innerJoin("assessment_period as p", "p.id", "a.period_id")
        .select(["a.status", "p.status as periodStatus"])
        .where("a.id", "=", args.assessmentId),
    ).executeTakeFirst();
    if (!row) return { outcome: "notFound" } as const;
    if (row.status !== "submitted") return { outcome: "notSubmitted" } as const;
    if (row.periodStatus !== "open") return { outcome: "closed" } as const;
    await trx
      .updateTable("assessment")
      .set({ status: "draft", submitted_at: null, updated_at: args.actor.now.toISOString() })
      .where("id", "=", args.assessmentId)
      .where("status", "=", "submitted")
      .execute();
    await audit(trx, args.actor, "assessment.reopened", args.assessmentId, {
      reason: args.reason,
    });
    return { outcome: "reopened" } as const;
  });
}

export type Reopening = { reopenedBy: string | null; reopenedAt: string; reason: string };

/**
 * Who reopened the month, when and why: the newest reopening in the audit
 * log, while the month stands reopened (a draft that was once submitted).
 */
export async function currentReopening(
  db: Kysely<Database>,
  args: { assessmentId: number },
): Promise<Reopening | null> {
  const row = await db
    .selectFrom("audit_event as e")
    .innerJoin("assessment as a", (join) =>
      join.on((eb) => eb(eb.cast("a.id", "text"), "=", eb.ref("e.target_id"))),
    )
    .leftJoin("app_user as u", "u.id", "e.actor_user_id")
    .select(["e.at", "e.detail", "u.name"])
    .where("e.target_type", "=", "assessment")
    .where("e.target_id", "=", String(args.assessmentId))
    .where("e.action", "=", "assessment.reopened")
    .where("a.status", "=", "draft")
    .orderBy("e.id", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  let reason = "";
  try {
    const detail = JSON.parse(row.detail ?? "{}") as { reason?: unknown };
    reason = typeof detail.reason === "string" ? detail.reason : "";
  } catch {
    // A hand-written row without JSON still says who and when.
  }
  return { reopenedBy: row.name, reopenedAt: row.at, reason };
}

export type SnapshotAnswer = {
  componentId: string;
  status: string;
  opportunities: string;
  evidence: Array<{ id: number }>;
};

/**
 * The submission to compare the sheet with: this month's latest, or, for a
 * month not yet submitted, the latest submission of an earlier month.
 */
export async function baselineSubmission(
  db: Kysely<Database>,
  args: { assessmentId: number; organisationId: number; periodStartsOn: string },
): Promise<{ periodLabel: string; submittedAt: string; answers: SnapshotAnswer[] } | null> {
  const row = await db
    .selectFrom("assessment_submission as s")
    .innerJoin("assessment as a", "a.id", "s.assessment_id")
    .innerJoin("assessment_period as p", "p.id", "a.period_id")
    .select(["s.snapshot", "s.submitted_at as submittedAt", "p.label as periodLabel"])
    .where("a.organisation_id", "=", args.organisationId)
    .where((eb) =>
      eb.or([eb("a.id", "=", args.assessmentId), eb("p.starts_on", "<", args.periodStartsOn)]),
    )
    .orderBy("p.starts_on", "desc")
    .orderBy("s.id", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  const parsed = JSON.parse(row.snapshot) as { answers?: SnapshotAnswer[] };
  return {
    periodLabel: row.periodLabel,
    submittedAt: row.submittedAt,
    answers: parsed.answers ?? [],
  };
}
