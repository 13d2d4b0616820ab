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
          // The outcome figures with the definitions they answered (ADR 040).
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
    .select((eb) => [
      "s.id",
      "p.id as periodId",
      "p.label as periodLabel",
      "s.submitted_at as submittedAt",
      "s.level",
      "u.name as submittedBy",
      // Which submission of its month this is (1st, 2nd…), so two alike can be told apart.
      eb
        .selectFrom("assessment_submission as earlier")
        .select((inner) => inner.fn.countAll<number | string>().as("n"))
        .whereRef("earlier.assessment_id", "=", "s.assessment_id")
        .whereRef("earlier.id", "<=", "s.id")
        .as("sequence"),
    ])
    .orderBy("s.id", "desc")
    .limit(args.limit)
    .execute()
    .then((rows) => rows.map((row) => ({ ...row, sequence: Number(row.sequence ?? 1) })));
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

/**
 * When each organisation first submitted the period's return, keyed by
 * organisation: what its timeliness is judged by (a reopened month sent
 * again keeps the lateness of its first submission). One grouped query.
 */
export async function firstSubmissionTimes(
  db: Kysely<Database>,
  args: { periodIds: readonly number[]; organisationIds: readonly number[] },
): Promise<Map<string, string>> {
  if (!args.periodIds.length || !args.organisationIds.length) return new Map();
  const rows = await db
    .selectFrom("assessment_submission as s")
    .innerJoin("assessment as a", "a.id", "s.assessment_id")
    .select((eb) => [
      "a.organisation_id as organisationId",
      "a.period_id as periodId",
      eb.fn.min("s.submitted_at").as("first"),
    ])
    .where("a.period_id", "in", [...args.periodIds])
    .where("a.organisation_id", "in", [...args.organisationIds])
    .groupBy(["a.organisation_id", "a.period_id"])
    .execute();
  return new Map(
    rows.map((r) => [firstKey(Number(r.organisationId), Number(r.periodId)), String(r.first)]),
  );
}

/** The key of firstSubmissionTimes' map. */
export const firstKey = (organisationId: number, periodId: number) =>
  `${organisationId}|${periodId}`;

/**
 * Where each organisation's return for a period stands, without its answers:
 * `submitted`, `draft` or `reopened` (submitted, reopened, not yet sent again),
 * keyed by organisation; one without an assessment has not started.
 */
export async function returnStates(
  db: Kysely<Database>,
  args: { periodId: number; organisationIds: readonly number[] },
): Promise<Map<number, "submitted" | "draft" | "reopened">> {
  if (!args.organisationIds.length) return new Map();
  const rows = await db
    .selectFrom("assessment as a")
    .select((eb) => [
      "a.organisation_id as organisationId",
      "a.status",
      eb
        .exists(
          eb
            .selectFrom("assessment_submission as s")
            .select("s.id")
            .whereRef("s.assessment_id", "=", "a.id"),
        )
        .as("everSubmitted"),
    ])
    .where("a.period_id", "=", args.periodId)
    .where("a.organisation_id", "in", [...args.organisationIds])
    .execute();
  return new Map(
    rows.map((r) => [
      Number(r.organisationId),
      r.status === "submitted" ? "submitted" : Number(r.everSubmitted) > 0 ? "reopened" : "draft",
    ]),
  );
}
