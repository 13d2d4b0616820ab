import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { currentReopening } from "~/models/reopening.server";
import { listSubmissions } from "~/models/submissions.server";
import type { MonthState } from "./month-state";

/** Where the month's assessment stands now, with who submitted or reopened it and when. */
export async function liveMonthState(
  db: Kysely<Database>,
  assessment: { id: number; status: "draft" | "submitted"; updated_at: string } | undefined,
): Promise<MonthState> {
  if (!assessment) return { kind: "not started" };
  const submissions = await listSubmissions(db, { assessmentId: assessment.id });
  const last = submissions.at(-1);
  if (assessment.status === "submitted" && last) {
    return {
      kind: "submitted",
      submittedAt: String(last.submittedAt),
      submittedBy: last.submittedBy,
    };
  }
  const reopening = last ? await currentReopening(db, { assessmentId: assessment.id }) : null;
  if (reopening) {
    return {
      kind: "reopened",
      reopenedAt: reopening.reopenedAt,
      reopenedBy: reopening.reopenedBy ?? "someone who has since left",
      lastSubmittedAt: last ? String(last.submittedAt) : null,
      lastSubmittedBy: last?.submittedBy ?? null,
    };
  }
  return { kind: "draft", lastChangedAt: String(assessment.updated_at) };
}
