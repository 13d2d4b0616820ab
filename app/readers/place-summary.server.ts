import {
  bucketLabels,
  bucketOf,
  changeSince,
  commonGaps,
  componentCoverage,
  levelCounts,
  nextLevelSteps,
  standings,
} from "~/charter/aggregation";
import { loadCharter } from "~/charter/content";
import { periodReturns } from "~/models/aggregation.server";
import { listOrganisations } from "~/models/organisations.server";
import { sharedPracticeForPlace } from "~/models/shared-practice.server";
import type { requirePlaceReader } from "~/auth/guards.server";
import { getDb } from "~/models/db.server";
import { firstKey, firstSubmissionTimes } from "~/models/submissions.server";
import { periodPhase, returnTimeliness } from "~/periods/phase";
import { formatDateTime, formatDay } from "~/utils/dates";
import { readersPeriod } from "~/readers/period.server";

type Place = Awaited<ReturnType<typeof requirePlaceReader>>["place"];

export const GAPS_SHOWN = 5;
export const PRACTICE_SHOWN = 5;

/**
 * Everything the place summary shows for one period, from the aggregation
 * layer: the same figures the CSV downloads and the annual report use.
 */
export async function placeSummary(place: Place, requestedPeriod: string | null) {
  const db = getDb();
  const charter = loadCharter();
  const organisations = await listOrganisations(db, {
    placeIds: [place.id],
    systemWideIn: [place.systemId],
  });
  const ids = organisations.map((o) => o.id);
  const { chosen, previous, unknownRequest, chooser } = await readersPeriod(db, {
    systemId: place.systemId,
    organisationIds: ids,
    requested: requestedPeriod,
  });
  const [returns, previousReturns, firsts] = await Promise.all([
    chosen ? periodReturns(db, { periodId: chosen.id, organisationIds: ids }) : [],
    previous ? periodReturns(db, { periodId: previous.id, organisationIds: ids }) : [],
    firstSubmissionTimes(db, { periodIds: chosen ? [chosen.id] : [], organisationIds: ids }),
  ]);
  // On time, late, not yet due or overdue against the month's due date (issue 20).
  const timelinessOf = (organisationId: number) =>
    chosen
      ? returnTimeliness({
          firstSubmittedAt: firsts.get(firstKey(organisationId, chosen.id)) ?? null,
          dueOn: chosen.dueOn,
        })
      : null;
  const nameOf = new Map(organisations.map((o) => [o.id, o.name]));
  const orgRows = organisations.map((o) => ({
    id: o.id,
    name: o.name,
    type: o.type,
    placeId: o.placeId,
  }));
  const now = standings(charter, orgRows, returns);
  const before = standings(charter, orgRows, previousReturns);
  const answersOf = (list: typeof returns, id: number) =>
    list.find((r) => r.organisationId === id)?.answers ?? [];
  const coverage = componentCoverage(charter, returns);
  const levelName = bucketLabels(charter);
  const practice = await sharedPracticeForPlace(db, {
    placeId: place.id,
    systemId: place.systemId,
    limit: PRACTICE_SHOWN,
  });

  return {
    place: { id: place.id, name: place.name },
    periods: chooser,
    period: chosen
      ? {
          id: chosen.id,
          label: chosen.label,
          dueOn: formatDay(chosen.dueOn),
          phase: periodPhase({ status: chosen.status, dueOn: chosen.dueOn }),
        }
      : null,
    previousPeriod: previous ? { id: previous.id, label: previous.label } : null,
    unknownRequest,
    organisationCount: organisations.length,
    levelIds: charter.levels.map((l) => l.id),
    levelCounts: levelCounts(charter, now).map((c) => ({
      bucket: c.bucket,
      label: levelName.get(c.bucket) ?? c.bucket,
      count: c.count,
      verified:
        levelCounts(charter, now, "verified").find((v) => v.bucket === c.bucket)?.count ?? 0,
    })),
    organisations: organisations.map((o, i) => {
      const s = now[i];
      const change = changeSince(
        charter,
        { standing: s!, answers: answersOf(returns, o.id) },
        { standing: before[i]!, answers: answersOf(previousReturns, o.id) },
      );
      return {
        id: o.id,
        name: o.name,
        type: o.type,
        systemWide: o.placeId === null,
        returnState: s!.returnState,
        timeliness: timelinessOf(o.id),
        lastChanged: s!.lastChangedAt ? formatDateTime(s!.lastChangedAt) : null,
        lastChangedAt: s!.lastChangedAt,
        level: levelName.get(bucketOf(s!)) ?? null,
        verifiedLevel: levelName.get(bucketOf(s!, "verified")) ?? null,
        movement: change.movement,
        newlyFulfilled: change.newlyFulfilled,
        lost: change.lost,
      };
    }),
    coverage,
    gaps: commonGaps(coverage, GAPS_SHOWN),
    nextSteps: nextLevelSteps(charter, returns)
      .slice(0, GAPS_SHOWN)
      .map(({ organisationIds, ...step }) => ({
        ...step,
        organisations: organisationIds.map((id) => ({ id, name: nameOf.get(id) ?? String(id) })),
      })),
    practice: practice.items.map((p) => ({
      id: p.id,
      title: p.title,
      organisationName: p.organisationName,
    })),
  };
}

export type PlaceSummary = Awaited<ReturnType<typeof placeSummary>>;
