import type { requireSheetReader } from "~/auth/guards.server";
import { loadSheet } from "~/sheet/load.server";
import { getDb } from "~/models/db.server";
import { queueView } from "~/reviews/queue.server";
import { outcomesDue } from "~/sheet/outcomes.server";
import { componentPath } from "~/sheet/paths";
import { monthStateWords } from "~/documents/month-state";
import { liveMonthState } from "~/documents/month-state.server";

/**
 * The month's overview (ADR 026): per domain its components as a task list,
 * how many are answered, the level, principles and submissions; none of the
 * components' forms, evidence or the evidence library, which live on each
 * component's page.
 */
export async function loadOverview(sheet: Awaited<ReturnType<typeof requireSheetReader>>) {
  const { library: _library, answers, charter, plan, ...rest } = await loadSheet(sheet);
  // Actions and changes are shown on each component's page.
  const { actions: _actions, changes: _changes, ...overviewPlan } = plan;
  const tasks = Object.fromEntries(
    charter.domains.flatMap((d) =>
      d.components.map((c) => {
        const answer = answers[c.id];
        const state = answer?.review?.state;
        return [
          c.id,
          {
            id: c.id,
            title: c.title,
            path: componentPath(rest.path, c.id),
            answered: answer?.answered ?? false,
            status: answer?.status ?? ("not_started" as const),
            review: state && state !== "not reviewed" ? state : null,
          },
        ];
      }),
    ),
  );
  const answered = Object.values(tasks).filter((t) => t.answered).length;
  // The steering group sees what of this month awaits their review (issue 20).
  const awaitingReview =
    rest.can.verify && rest.assessment?.status === "submitted"
      ? await queueView(
          getDb(),
          { kind: "month", organisationId: sheet.organisation.id, periodId: sheet.period.id },
          { kind: "month" },
        )
      : null;
  const { assessment } = rest;
  // Draft, submitted (when, by whom) or reopened: said at the top, so a draft never reads as a return.
  const state = assessment
    ? monthStateWords(
        await liveMonthState(getDb(), {
          id: assessment.id,
          status: assessment.status,
          updated_at: assessment.lastChangedAt,
        }),
      )
    : null;
  return {
    awaitingReview,
    ...rest,
    state,
    // The month's outcome figures are entered on a page of their own (ADR 040).
    outcomes: await outcomesDue({
      systemId: sheet.organisation.systemId,
      startsOn: sheet.period.starts_on,
      assessmentId: rest.assessment?.id ?? null,
    }),
    plan: overviewPlan,
    charter: {
      version: charter.version,
      domains: charter.domains.map((d) => ({
        number: d.number,
        title: d.title,
        componentIds: d.components.map((c) => c.id),
      })),
    },
    tasks,
    answered,
    unanswered: Object.values(tasks).filter((t) => !t.answered),
  };
}
