import { bucketLabels } from "~/charter/aggregation";
import { loadCharter } from "~/charter/content";
import { placeRollup, placeTrend } from "~/charter/rollup";
import { periodReturns, periodsEndingWith, submittedLevels } from "~/models/aggregation.server";
import { listOrganisations } from "~/models/organisations.server";
import { listPlaces } from "~/models/places.server";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { isFinalPeriod } from "~/periods/phase";
import { readersPeriod, shownPeriod } from "~/readers/period.server";

export const ROLLUP_TREND_MONTHS = 12;

/**
 * The ICS roll-up for one period: each place's levels, its heat-map row
 * for a chosen level, and the last months' trend, for drilling down into
 * each place's summary.
 */
export async function systemRollup(
  db: Kysely<Database>,
  system: { id: number; name: string },
  params: URLSearchParams,
  options: { today?: string } = {},
) {
  const charter = loadCharter();
  const places = (await listPlaces(db, { systemIds: [system.id] })).map((p) => ({
    id: p.id,
    name: p.name,
  }));
  const organisations = await listOrganisations(db, { systemIds: [system.id] });
  const ids = organisations.map((o) => o.id);
  const { chosen, unknownRequest, chooser, today, periods } = await readersPeriod(db, {
    systemId: system.id,
    requested: params.get("period"),
    today: options.today,
  });
  const levelIds = charter.levels.map((l) => l.id);
  const level = levelIds.find((id) => id === params.get("level")) ?? levelIds[0]!;
  const returns = chosen
    ? await periodReturns(db, { periodId: chosen.id, organisationIds: ids })
    : [];
  const months = chosen
    ? (
        await periodsEndingWith(db, {
          systemId: system.id,
          endingWith: chosen.starts_on,
          count: ROLLUP_TREND_MONTHS,
        })
      ).reverse()
    : [];
  const submitted = await submittedLevels(db, {
    systemId: system.id,
    periodIds: months.map((m) => m.id),
  });
  const orgRows = organisations.map((o) => ({
    id: o.id,
    name: o.name,
    type: o.type,
    placeId: o.placeId,
  }));
  const labels = bucketLabels(charter);
  return {
    system,
    periods: chooser,
    period: chosen
      ? shownPeriod(chosen, {
          today,
          submitted: returns.filter((r) => r.state === "submitted").length,
          total: organisations.length,
        })
      : null,
    unknownRequest,
    level: { id: level, name: charter.levels.find((l) => l.id === level)?.name ?? level },
    /** Whether the address chose the level (kept when the period changes) or it is the default. */
    levelChosen: levelIds.some((id) => id === params.get("level")),
    levels: charter.levels.map((l) => ({ id: l.id, name: l.name })),
    buckets: [...labels].map(([bucket, label]) => ({ bucket, label })),
    domains: charter.domains.map((d) => ({ number: d.number, title: d.title })),
    places: placeRollup(charter, places, orgRows, returns).map((row) => ({
      place: row.place,
      organisations: row.organisations,
      counts: row.levelCounts.map((c) => c.count),
      heat: row.domains.map((d) => d.levels.find((l) => l.level === level)?.share ?? null),
    })),
    trend: placeTrend(charter, {
      places,
      organisations: orgRows,
      periods: months,
      submitted,
      level,
    }),
    // A month still open is provisional: its trend point counts the returns so far (app/charts/place-trend.ts).
    months: months.map((m) => {
      const period = periods.find((p) => p.id === m.id);
      const final = !period || isFinalPeriod(period, today);
      return { id: m.id, label: final ? m.label : `${m.label} (provisional)`, provisional: !final };
    }),
  };
}

export type SystemRollup = Awaited<ReturnType<typeof systemRollup>>;
