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
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { firstKey, firstSubmissionTimes } from "~/models/submissions.server";
import { periodPhase, returnTimeliness } from "~/periods/phase";
import { formatDateTime, formatDay } from "~/utils/dates";
import { readersPeriod, shownPeriod } from "~/readers/period.server";

type Place = { id: number; name: string; systemId: number };

export const GAPS_SHOWN = 5;
export const PRACTICE_SHOWN = 5;

/**
 * Everything the place summary shows for one period, from the aggregation
 * layer: the same figures the CSV downloads and the annual report use. By
 * default the latest final month; a month still open is labelled provisional
 * (its movement too: it compares returns submitted so far).
 */
export async function placeSummary(
  db: Kysely<Database>,
  place: Place,
  requestedPeriod: string | null,
  options: { today?: string } = {},
) {
  const charter = loadCharter();
  const organisations = await listOrganisations(db, {
    placeIds: [place.id],
    systemWideIn: [place.systemId],
  });
  const ids = organisations.map((o) => o.id);
  const { chosen, previous, unknownRequest, chooser, today } = await readersPeriod(db, {
    systemId: place.systemId,
    requested: requestedPeriod,
    today: options.today,
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

  const count = (standings: typeof now) => ({
    today,
    submitted: standings.filter((s) => s.returnState === "submitted").length,
    total: organisations.length,
  });
  return {
    place: { id: place.id, name: place.name },
    periods: chooser,
    period: chosen
      ? {
          ...shownPeriod(chosen, count(now)),
          dueOn: formatDay(chosen.dueOn),
          phase: periodPhase({ status: chosen.status, dueOn: chosen.dueOn }),
        }
      : null,
    previousPeriod: previous ? shownPeriod(previous, count(before)) : null,
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
