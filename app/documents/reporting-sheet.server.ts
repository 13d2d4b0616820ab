import { loadCharter } from "~/charter/content";
import { figuresWithDefinitions } from "~/models/outcome-figures.server";
import { listActions } from "~/models/progression-actions.server";
import { loadPrinciples } from "~/models/principles.server";
import { evidenceSummary, getAssessment, loadAnswers } from "~/models/sheet.server";
import type { getSubmission } from "~/models/submissions.server";
import { getDb } from "~/models/db.server";
import { buildReportingSheet, type ReportingSheet } from "./reporting-sheet";
import { liveMonthState } from "./month-state.server";
import { readSnapshot } from "./snapshot";

type Organisation = { id: number; name: string };
type Period = { id: number; label: string };
export type SubmissionRow = NonNullable<Awaited<ReturnType<typeof getSubmission>>>;

/** The month as it stands now: its live answers, principles and actions (none if never started). */
export async function liveReportingSheet(args: {
  organisation: Organisation;
  period: Period;
}): Promise<ReportingSheet> {
  const db = getDb();
  const assessment = await getAssessment(db, {
    organisationId: args.organisation.id,
    periodId: args.period.id,
  });
  // A month is read against the charter it was made under; one never started, the current.
  const charter = loadCharter(assessment ? { version: assessment.charter_version } : {});
  const base = {
    charter,
    organisationName: args.organisation.name,
    periodLabel: args.period.label,
  };
  const state = await liveMonthState(db, assessment);
  if (!assessment)
    return buildReportingSheet({ ...base, answers: [], principles: {}, actions: {}, state });
  const ids = { assessmentId: assessment.id };
  const answers = [...(await loadAnswers(db, ids)).values()].map((a) => ({
    ...a,
    evidence: a.evidence.map(evidenceSummary),
  }));
  return buildReportingSheet({
    ...base,
    answers,
    principles: await loadPrinciples(db, ids),
    actions: await listActions(db, ids),
    state,
    outcomes: await figuresWithDefinitions(db, ids),
  });
}

/** A past submission exactly as it was sent: its frozen snapshot, whatever the month holds now. */
export function submittedReportingSheet(args: {
  organisation: Organisation;
  submission: SubmissionRow;
}): ReportingSheet {
  const { submission } = args;
  const snapshot = readSnapshot(submission.snapshot);
  if (!snapshot) throw new Error(`Submission ${submission.id} holds no readable snapshot`);
  return buildReportingSheet({
    charter: loadCharter({ version: submission.charterVersion }),
    organisationName: args.organisation.name,
    periodLabel: submission.periodLabel,
    ...snapshot,
    submission: {
      submittedBy: submission.submittedBy,
      submittedAt: submission.submittedAt,
      level: submission.level,
    },
  });
}
