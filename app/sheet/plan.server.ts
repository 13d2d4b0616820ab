import { canReopenAssessment } from "~/access/policy";
import type { requireSheetReader } from "~/auth/guards.server";
import { changesSince } from "~/charter/changes";
import type { Charter } from "~/charter/schema";
import { getDb } from "~/models/db.server";
import { loadPrinciples } from "~/models/principles.server";
import { listActions } from "~/models/progression-actions.server";
import { baselineSubmission } from "~/models/reopening.server";
import type { SheetAnswer } from "~/models/sheet.server";
import type { Assessment } from "../../db/schema";

/** What the sheet shows of the plan, the changes since the last submission, and reopening. */
export async function loadSheetPlan(args: {
  sheet: Awaited<ReturnType<typeof requireSheetReader>>;
  assessment: Assessment | undefined;
  answers: Map<string, SheetAnswer>;
  charter: Charter;
}) {
  const { sheet, assessment, charter } = args;
  const db = getDb();
  const principleList = charter.crossCuttingPrinciples.map((p) => ({
    number: p.number,
    summary: p.summary,
  }));
  if (!assessment) {
    return {
      principleList,
      principles: {},
      actions: {},
      changes: {},
      baseline: null,
      canReopen: false,
    };
  }
  const baseline = await baselineSubmission(db, {
    assessmentId: assessment.id,
    organisationId: sheet.organisation.id,
    periodStartsOn: sheet.period.starts_on,
  });
  const comparable = (a: {
    componentId: string;
    status: string;
    opportunities: string;
    evidence: Array<{ id: number }>;
  }) => ({
    componentId: a.componentId,
    status: a.status,
    opportunities: a.opportunities,
    evidenceIds: a.evidence.map((e) => e.id),
  });
  return {
    principleList,
    principles: await loadPrinciples(db, { assessmentId: assessment.id }),
    actions: await listActions(db, { assessmentId: assessment.id }),
    changes: baseline
      ? changesSince([...args.answers.values()].map(comparable), baseline.answers.map(comparable))
      : {},
    baseline: baseline
      ? { periodLabel: baseline.periodLabel, submittedAt: baseline.submittedAt }
      : null,
    canReopen:
      canReopenAssessment(sheet.auth.principal, sheet.organisation) &&
      assessment.status === "submitted" &&
      sheet.period.status === "open",
  };
}
