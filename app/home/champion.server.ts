import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { isOverdue } from "../charter/aggregation";
import { componentById, componentIds, loadCharter } from "../charter/content";
import { listPeriods, type Period } from "../models/periods.server";
import { listActions } from "../models/progression-actions.server";
import { getAssessment, loadAnswers } from "../models/sheet.server";
import { listSubmissions } from "../models/submissions.server";
import { periodPhase, returnTimeliness, type Timeliness } from "../periods/phase";
import { openQueriesNotice } from "../queries/notice.server";
import { componentPath, sheetPath } from "../sheet/paths";
import { formatDay, todayInUk } from "../utils/dates";

/**
 * A champion's home (issue 20): where their organisation's open months stand,
 * each with its due date and the one next step (start it, continue at the
 * first component not answered, check and submit, or read it), then open
 * queries and overdue actions. The newest open month always shows; an older
 * one only while it is not submitted (it is late, or due soon).
 */
export async function championHome(
  db: Kysely<Database>,
  organisation: { id: number; systemId: number },
  now: Date = new Date(),
) {
  const periods = (await listPeriods(db, { systemId: organisation.systemId })).filter(
    (p) => p.status === "open",
  );
  const months = [];
  for (const [index, period] of periods.entries()) {
    const month = await monthState(db, organisation.id, period, now);
    if (index === 0 || month.state !== "submitted") months.push(month);
  }
  const current = months[0];
  const today = todayInUk(now);
  const charter = loadCharter();
  const actions = current?.assessmentId
    ? Object.entries(await listActions(db, { assessmentId: current.assessmentId })).flatMap(
        ([componentId, list]) =>
          list
            .filter((a) => isOverdue(a.targetDate, today))
            .map((a) => ({
              id: a.id,
              description: a.description,
              owner: a.owner,
              targetDate: a.targetDate ? formatDay(a.targetDate) : null,
              component:
                `${componentId} ${componentById(charter, componentId)?.title ?? ""}`.trim(),
              path: componentPath(current.path, componentId),
            })),
      )
    : [];
  return {
    months,
    openQueries: await openQueriesNotice(db, { organisationId: organisation.id }),
    overdueActions: actions,
  };
}

async function monthState(db: Kysely<Database>, organisationId: number, period: Period, now: Date) {
  const path = sheetPath({ organisation: { id: organisationId }, period });
  const assessment = await getAssessment(db, { organisationId, periodId: period.id });
  const base = {
    periodId: period.id,
    label: period.label,
    dueOn: formatDay(period.dueOn),
    phase: periodPhase(period, todayInUk(now)),
    path,
  };
  if (!assessment) {
    return {
      ...base,
      assessmentId: null,
      state: "not started" as const,
      answered: 0,
      total: componentIds(loadCharter()).length,
      timeliness: returnTimeliness({ firstSubmittedAt: null, dueOn: period.dueOn, now }),
      next: { path, words: "Start this month", hint: "" },
    };
  }
  const charter = loadCharter({ version: assessment.charter_version });
  const ids = componentIds(charter);
  const answers = await loadAnswers(db, { assessmentId: assessment.id });
  const unanswered = ids.filter((id) => !answers.get(id)?.answered);
  const submissions = await listSubmissions(db, { assessmentId: assessment.id });
  const timeliness: Timeliness = returnTimeliness({
    firstSubmittedAt: submissions[0]?.submittedAt ?? null,
    dueOn: period.dueOn,
    now,
  });
  const submitted = assessment.status === "submitted";
  return {
    ...base,
    assessmentId: assessment.id,
    state: submitted ? ("submitted" as const) : ("in progress" as const),
    answered: ids.length - unanswered.length,
    total: ids.length,
    timeliness,
    // Continue at the first component not answered; once all are, check and submit.
    next: submitted
      ? { path, words: "View this month", hint: "" }
      : unanswered[0]
        ? {
            path: componentPath(path, unanswered[0]),
            words: "Continue",
            hint: `with ${unanswered[0]}`,
          }
        : { path: `${path}#check-before-submit`, words: "Continue", hint: "to check and submit" },
  };
}

export type ChampionHome = Awaited<ReturnType<typeof championHome>>;
