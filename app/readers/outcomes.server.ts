import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { PeriodTotal } from "~/charter/outcomes";
import { listMeasures, versionsByIds } from "~/models/outcome-measures.server";
import {
  type FigureScope,
  organisationFigures,
  outcomeTotals,
} from "~/models/outcome-rollups.server";
import { targetsInForce } from "~/models/outcome-targets.server";
import { listOrganisations } from "~/models/organisations.server";
import { getPeriod } from "~/models/periods.server";
import {
  type OutcomeView,
  outcomeView,
  periodsFor,
  targetFor,
  windowPeriods,
} from "./outcome-series.server";

/**
 * The outcome measures on the readers' pages (ADR 040): an organisation's own
 * series, and a place's or the system's sums. Each reads the periods its
 * longest series reaches (five years at most) and no further back.
 */

/** The newest period of all: a series ends with it unless a page chooses another. */
export const NEWEST = "9999-12-31";

/**
 * An organisation's series per measure. Those who read its drafts also see
 * figures that do not count yet (not submitted, or the period not final),
 * marked as such; a system reader sees only what counts.
 */
export async function organisationOutcomes(
  db: Kysely<Database>,
  args: {
    organisation: { id: number; name: string; systemId: number };
    readsDrafts: boolean;
    today?: string;
  },
): Promise<OutcomeView[]> {
  const { organisation } = args;
  const measures = await listMeasures(db, { systemId: organisation.systemId });
  if (!measures.length) return [];
  const periods = await windowPeriods(db, { systemId: organisation.systemId, endingWith: NEWEST });
  const figures = await organisationFigures(db, {
    systemId: organisation.systemId,
    organisationIds: [organisation.id],
    measureIds: measures.map((m) => m.id),
    periodIds: periods.map((p) => p.id),
    countedOnly: !args.readsDrafts,
    today: args.today,
  });
  const ids = measures.map((m) => m.id);
  const [versions, own, system] = await Promise.all([
    versionsByIds(
      db,
      figures.map((f) => f.versionId),
    ),
    targetsInForce(db, { measureIds: ids, organisationId: organisation.id }),
    targetsInForce(db, { measureIds: ids, organisationId: null }),
  ]);
  return measures.map((measure) =>
    outcomeView({
      measure,
      periods: periodsFor(measure, periods),
      totals: figures
        .filter((f) => f.measureId === measure.id)
        .map((f): PeriodTotal => ({
          periodId: f.periodId,
          versionId: f.versionId,
          numerator: f.numerator,
          denominator: f.denominator,
          reporting: 1,
          provisional: f.provisional,
        })),
      versions,
      target: targetFor(measure.current.kind, own.get(measure.id), system.get(measure.id), false),
      scopeName: organisation.name,
      organisations: null,
    }),
  );
}

/**
 * A place's or the system's sums per measure, over the series ending with the
 * period starting on `endingWith`: only figures that count (submitted, final
 * periods). A place counts its own organisations; the system-wide ones count
 * in the system's sums (ADR 040). The system's target applies to the system's
 * sums, and (a share) to a place's.
 */
export async function scopeOutcomes(
  db: Kysely<Database>,
  args: {
    scope: FigureScope;
    scopeName: string;
    organisations: number;
    endingWith: string;
    today?: string;
    measureIds?: readonly number[];
  },
): Promise<OutcomeView[]> {
  const systemId = args.scope.systemId;
  const measures = (await listMeasures(db, { systemId })).filter(
    (m) => !args.measureIds || args.measureIds.includes(m.id),
  );
  if (!measures.length) return [];
  const periods = await windowPeriods(db, { systemId, endingWith: args.endingWith });
  const totals = await outcomeTotals(db, {
    scope: args.scope,
    measureIds: measures.map((m) => m.id),
    periodIds: periods.map((p) => p.id),
    today: args.today,
  });
  const [versions, system] = await Promise.all([
    versionsByIds(
      db,
      totals.map((t) => t.versionId),
    ),
    targetsInForce(db, { measureIds: measures.map((m) => m.id), organisationId: null }),
  ]);
  const wholeSystem = !("placeId" in args.scope) && !("organisationIds" in args.scope);
  return measures.map((measure) =>
    outcomeView({
      measure,
      periods: periodsFor(measure, periods),
      totals: totals.filter((t) => t.measureId === measure.id),
      versions,
      target: targetFor(measure.current.kind, undefined, system.get(measure.id), wholeSystem),
      scopeName: args.scopeName,
      organisations: args.organisations,
    }),
  );
}

/** A place's sums per measure, ending with the period its summary shows (its own organisations). */
export async function placeOutcomes(
  db: Kysely<Database>,
  args: {
    place: { id: number; name: string; systemId: number };
    periodId: number | null;
    measureIds?: readonly number[];
    today?: string;
  },
) {
  const { place } = args;
  const [period, organisations] = await Promise.all([
    args.periodId === null ? undefined : getPeriod(db, { id: args.periodId }),
    listOrganisations(db, { placeIds: [place.id] }),
  ]);
  return scopeOutcomes(db, {
    scope: { systemId: place.systemId, placeId: place.id },
    scopeName: place.name,
    organisations: organisations.length,
    endingWith: period?.starts_on ?? NEWEST,
    measureIds: args.measureIds,
    today: args.today,
  });
}

/** The system's sums per measure (every organisation, the system-wide ones included). */
export async function systemOutcomes(
  db: Kysely<Database>,
  args: {
    system: { id: number; name: string };
    periodId: number | null;
    measureIds?: readonly number[];
    today?: string;
  },
) {
  const { system } = args;
  const [period, organisations] = await Promise.all([
    args.periodId === null ? undefined : getPeriod(db, { id: args.periodId }),
    listOrganisations(db, { systemIds: [system.id] }),
  ]);
  return scopeOutcomes(db, {
    scope: { systemId: system.id },
    scopeName: system.name,
    organisations: organisations.length,
    endingWith: period?.starts_on ?? NEWEST,
    measureIds: args.measureIds,
    today: args.today,
  });
}
