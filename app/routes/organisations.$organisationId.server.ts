import { isOverdue, trend, verifiedIds, fulfilledIds } from "~/charter/aggregation";
import { loadCharter } from "~/charter/content";
import { computeLevel } from "~/charter/scoring";
import { periodsEndingWith, returnsOf } from "~/models/aggregation.server";
import type { OrganisationRow } from "~/models/organisations.server";
import { organisationTypeLabels } from "~/models/organisations.server";
import { listActions } from "~/models/progression-actions.server";
import { recentSubmissions } from "~/models/submissions.server";
import { getDb } from "~/models/db.server";
import { formatDateTime, todayInUk } from "~/utils/dates";
import { readersPeriod } from "~/readers/period.server";

/** Months in the trend and the submission history: a fixed number, however long the history. */
export const TREND_MONTHS = 12;
export const SUBMISSIONS_SHOWN = 12;

/**
 * An organisation's overview for one period (chosen in the address; by
 * default the latest final month): its levels and per-domain progress, what
 * the next level needs, its open actions, its recent submissions, and the
 * last months as a trend. Like every reader's page it shows submitted
 * returns only (issue 19): a draft or a reopened month shows its state
 * ("Not yet submitted"), and its champions follow the link to its sheet for
 * the month as it stands.
 */
export async function organisationOverview(
  organisation: OrganisationRow,
  requestedPeriod: string | null,
  options: { today?: Date } = {},
) {
  const today = options.today ?? new Date();
  const readable = (state: string) => state === "submitted";
  const db = getDb();
  const charter = loadCharter();
  const { chosen, unknownRequest, periods, chooser } = await readersPeriod(db, {
    systemId: organisation.systemId,
    requested: requestedPeriod,
    today: todayInUk(today),
  });
  const latest = periods[0];
  const months = latest
    ? (
        await periodsEndingWith(db, {
          systemId: organisation.systemId,
          endingWith: latest.starts_on,
          count: TREND_MONTHS,
        })
      ).reverse()
    : [];
  const periodIds = [...new Set([...months.map((m) => m.id), ...(chosen ? [chosen.id] : [])])];
  const returns = await returnsOf(db, { periodIds, organisationIds: [organisation.id] });
  const found = returns.find((r) => r.periodId === chosen?.id);
  const current = found && readable(found.state) ? found : undefined;
  const self = current ? computeLevel(charter, fulfilledIds(current.answers)) : null;
  const verified = current ? computeLevel(charter, verifiedIds(current.answers)) : null;
  const actions = current ? await listActions(db, { assessmentId: current.assessmentId }) : {};
  const todayIso = todayInUk(today);
  const titleOf = new Map(
    charter.domains.flatMap((d) => d.components.map((c) => [c.id, c.title] as const)),
  );

  return {
    organisation: {
      id: organisation.id,
      name: organisation.name,
      type: organisationTypeLabels[organisation.type],
      place: organisation.placeName ?? "System-wide (spans places)",
    },
    periods: chooser,
    period: chosen ? { id: chosen.id, label: chosen.label } : null,
    unknownRequest,
    returnState: found?.state ?? ("none" as const),
    draftHidden: found !== undefined && current === undefined,
    self,
    verified,
    verifiedByDomain: verified?.byDomain.map((d) => d.fulfilled) ?? [],
    actions: Object.entries(actions)
      .flatMap(([componentId, list]) =>
        list.map((a) => ({
          ...a,
          componentId,
          componentTitle: titleOf.get(componentId) ?? componentId,
          overdue: isOverdue(a.targetDate, todayIso),
        })),
      )
      .sort((a, b) => (a.targetDate ?? "9999").localeCompare(b.targetDate ?? "9999")),
    submissions: (
      await recentSubmissions(db, { organisationId: organisation.id, limit: SUBMISSIONS_SHOWN })
    ).map((s) => ({
      ...s,
      submittedAt: formatDateTime(String(s.submittedAt)),
      levelName: charter.levels.find((l) => l.id === s.level)?.name ?? "No level yet",
    })),
    trend: trend(charter, organisation.id, months, returns).map((point) => ({
      ...point,
      readable: readable(point.returnState),
      fulfilledByDomain: readable(point.returnState) ? point.fulfilledByDomain : null,
      open: periods.find((p) => p.id === point.periodId)?.status === "open",
      levelName: charter.levels.find((l) => l.id === point.level)?.name ?? null,
    })),
    domainNumbers: charter.domains.map((d) => d.number),
    levels: charter.levels.map((l) => ({ id: l.id, name: l.name })),
  };
}
