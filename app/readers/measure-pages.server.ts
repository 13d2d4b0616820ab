import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { figureValue, type MeasureKind } from "~/charter/outcomes";
import { listOrganisations } from "~/models/organisations.server";
import { organisationFigures, outcomeTotals } from "~/models/outcome-rollups.server";
import { listPlaces } from "~/models/places.server";
import { changeWords, figureWords, partsWords } from "~/utils/figures";
import { placeOutcomes, systemOutcomes } from "./outcomes.server";

/**
 * A measure's own pages (ADR 040): a place's series with its organisations
 * side by side, and the system's with its places. Side by side, not ranked:
 * sorted by name, as the NHS's comparison tools do. Only figures that count
 * (submitted returns of final periods), in the newest period with any and
 * the same month a year before: two periods, however long the history.
 */

type Figure = { numerator: number; denominator: number | null; versionId: number } | undefined;

function compared(kind: MeasureKind, unit: string, now: Figure, before: Figure) {
  const value = (f: Figure) => (f ? figureValue(kind, f.numerator, f.denominator) : null);
  const [is, was] = [value(now), value(before)];
  return {
    now: now ? figureWords(kind, unit, is) : "Not reported",
    parts: now && kind === "ratio" ? partsWords(now.numerator, now.denominator, unit) : null,
    before: before ? figureWords(kind, unit, was) : "Not reported",
    change:
      is === null || was === null
        ? ""
        : now!.versionId !== before!.versionId
          ? "Not compared: the definition changed"
          : changeWords(kind, unit, is - was, was),
  };
}

export async function placeMeasurePage(
  db: Kysely<Database>,
  args: { place: { id: number; name: string; systemId: number }; measureId: number },
) {
  const [view] = await placeOutcomes(db, {
    place: args.place,
    periodId: null,
    measureIds: [args.measureId],
  });
  if (!view) return null;
  const organisations = await listOrganisations(db, {
    placeIds: [args.place.id],
    systemWideIn: [args.place.systemId],
  });
  const periodIds = [view.latestPeriodId, view.yearBeforePeriodId].filter(
    (id): id is number => id !== null,
  );
  const figures = await organisationFigures(db, {
    systemId: args.place.systemId,
    organisationIds: organisations.map((o) => o.id),
    measureIds: [args.measureId],
    periodIds,
    countedOnly: true,
  });
  const at = (organisationId: number, periodId: number | null) =>
    figures.find((f) => f.organisationId === organisationId && f.periodId === periodId);
  const rows = [...organisations]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((o) => ({
      id: o.id,
      name: o.name,
      systemWide: o.placeId === null,
      ...compared(
        view.kind,
        view.unit,
        at(o.id, view.latestPeriodId),
        at(o.id, view.yearBeforePeriodId),
      ),
    }));
  return {
    view,
    yearBeforeLabel: yearBeforeLabel(view),
    own: rows.filter((r) => !r.systemWide),
    systemWide: rows.filter((r) => r.systemWide),
  };
}

export async function systemMeasurePage(
  db: Kysely<Database>,
  args: { system: { id: number; name: string }; measureId: number },
) {
  const [view] = await systemOutcomes(db, {
    system: args.system,
    periodId: null,
    measureIds: [args.measureId],
  });
  if (!view) return null;
  const periodIds = [view.latestPeriodId, view.yearBeforePeriodId].filter(
    (id): id is number => id !== null,
  );
  const [places, organisations, totals] = await Promise.all([
    listPlaces(db, { systemIds: [args.system.id] }),
    listOrganisations(db, { systemIds: [args.system.id] }),
    outcomeTotals(db, {
      scope: { systemId: args.system.id },
      measureIds: [args.measureId],
      periodIds,
      byPlace: true,
    }),
  ]);
  // A period's figures under the newest version seen in it (two versions are never added).
  const at = (placeId: number | null, periodId: number | null) => {
    const inPeriod = totals.filter((t) => t.placeId === placeId && t.periodId === periodId);
    return inPeriod.sort((a, b) => b.versionId - a.versionId)[0];
  };
  const row = (placeId: number | null, name: string) => {
    const now = at(placeId, view.latestPeriodId);
    return {
      id: placeId,
      name,
      organisations: organisations.filter((o) => o.placeId === placeId).length,
      reporting: now?.reporting ?? 0,
      ...compared(view.kind, view.unit, now, at(placeId, view.yearBeforePeriodId)),
    };
  };
  return {
    view,
    yearBeforeLabel: yearBeforeLabel(view),
    places: [...places].sort((a, b) => a.name.localeCompare(b.name)).map((p) => row(p.id, p.name)),
    systemWide: row(null, "System-wide organisations"),
  };
}

const yearBeforeLabel = (view: {
  rows: Array<{ label: string }>;
  latest: { label: string } | null;
}) => {
  if (!view.latest) return null;
  const [month, year] = view.latest.label.split(" ");
  return `${month} ${Number(year) - 1}`;
};
