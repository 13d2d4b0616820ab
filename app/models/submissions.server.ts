import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { type Actor, audit } from "./actor.server";
import { figuresWithDefinitions } from "./outcome-figures.server";
import { loadPrinciples } from "./principles.server";
import { lockedForUpdate } from "./row-locks.server";
import { listActions } from "./progression-actions.server";
import { evidenceSummary, isEditable, loadAnswers } from "./sheet.server";

export type SubmitResult =
  | { outcome: "submitted"; submissionId: number }
  | { outcome: "alreadySubmitted" }
  | { outcome: "locked" }
  | { outcome: "incomplete"; missing: string[] };

/**
 * Submits the assessment: every component must be answered (Not started
 * counts; not answered does not, ADR 026). Records a frozen snapshot of the answers and evidence with the
 * level they earn (worked out by `levelOf`, from the charter) and marks the
 * assessment submitted. The status is checked inside the transaction, so a
 * double click or a second tab records one submission, not two.
 */
export async function submitAssessment(
  db: Kysely<Database>,
  args: {
    assessmentId: number;
    componentIds: readonly string[];
    levelOf: (fulfilledComponentIds: string[]) => string | null;
    actor: Actor;
  },
): Promise<SubmitResult> {
  return db.transaction().execute(async (trx) => {
    const assessment = await lockedForUpdate(
      trx,
      trx.selectFrom("assessment").select("status").where("id", "=", args.assessmentId),
    ).executeTakeFirstOrThrow();
    if (assessment.status === "submitted") return { outcome: "alreadySubmitted" } as const;
    if (!(await isEditable(trx, args))) return { outcome: "locked" } as const;
    const answers = await loadAnswers(trx, args);
    // Not started is an honest answer; only a component nobody has answered holds it back.
    const missing = args.componentIds.filter((id) => !answers.get(id)?.answered);
    if (missing.length) return { outcome: "incomplete", missing } as const;
    const fulfilled = [...answers.values()]
      .filter((a) => a.status === "fulfilled")
      .map((a) => a.componentId);
    const level = args.levelOf(fulfilled);
    const now = args.actor.now.toISOString();
    const snapshot = [...answers.values()].map((a) => ({
      componentId: a.componentId,
      status: a.status,
      opportunities: a.opportunities,
      practicesInPlace: a.practicesInPlace,
      version: a.version,
      evidence: a.evidence.map(evidenceSummary),
    }));
    const submission = await trx
      .insertInto("assessment_submission")
      .values({
        assessment_id: args.assessmentId,
        submitted_by: args.actor.userId,
        submitted_at: now,
        level,
        snapshot: JSON.stringify({
          answers: snapshot,
          // The improvement plan as submitted, so a reopened month keeps what was sent.
          principles: await loadPrinciples(trx, args),
          actions: await listActions(trx, args),
          // The outcome figures with the definitions they answered (ADR 034).
          outcomes: await figuresWithDefinitions(trx, args),
        }),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .updateTable("assessment")
      .set({ status: "submitted", submitted_at: now, updated_at: now })
      .where("id", "=", args.assessmentId)
      .where("status", "=", "draft")
      .execute();
    await audit(trx, args.actor, "assessment.submitted", args.assessmentId, {
      submission: submission.id,
      level,
    });
    return { outcome: "submitted", submissionId: submission.id } as const;
  });
}

/** The assessment's submissions, oldest first, with who made each. */
export async function listSubmissions(db: Kysely<Database>, args: { assessmentId: number }) {
  return db
    .selectFrom("assessment_submission as s")
    .innerJoin("app_user as u", "u.id", "s.submitted_by")
    .select(["s.id", "s.submitted_at as submittedAt", "s.level", "u.name as submittedBy"])
    .where("s.assessment_id", "=", args.assessmentId)
    .orderBy("s.id")
    .execute();
}

/** An organisation's submissions, with their months and who made them: to select from. */
function submissionsOf(db: Kysely<Database>, organisationId: number) {
  return db
    .selectFrom("assessment_submission as s")
    .innerJoin("assessment as a", "a.id", "s.assessment_id")
    .innerJoin("assessment_period as p", "p.id", "a.period_id")
    .innerJoin("app_user as u", "u.id", "s.submitted_by")
    .where("a.organisation_id", "=", organisationId);
}

/** An organisation's latest submissions across periods, newest first: its submission history. */
export async function recentSubmissions(
  db: Kysely<Database>,
  args: { organisationId: number; limit: number },
) {
  return submissionsOf(db, args.organisationId)
    .select([
      "s.id",
      "p.id as periodId",
      "p.label as periodLabel",
      "s.submitted_at as submittedAt",
      "s.level",
      "u.name as submittedBy",
    ])
    .orderBy("s.id", "desc")
    .limit(args.limit)
    .execute();
}

/**
 * One submission of the organisation's, with its month and who made it; a
 * submission of another organisation is as absent as one that does not exist.
 */
export async function getSubmission(
  db: Kysely<Database>,
  args: { organisationId: number; submissionId: number },
) {
  return submissionsOf(db, args.organisationId)
    .select([
      "s.id",
      "s.snapshot",
      "s.level",
      "s.submitted_at as submittedAt",
      "u.name as submittedBy",
      "a.charter_version as charterVersion",
      "p.id as periodId",
      "p.label as periodLabel",
    ])
    .where("s.id", "=", args.submissionId)
    .executeTakeFirst();
}
