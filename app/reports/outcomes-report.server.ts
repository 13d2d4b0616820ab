import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { listMeasures, versionsByIds } from "~/models/outcome-measures.server";
import { type FigureScope, outcomeTotals } from "~/models/outcome-rollups.server";
import { targetsInForce } from "~/models/outcome-targets.server";
import { type Period, periodsBetween } from "~/models/periods.server";
import { type OutcomeView, outcomeView, targetFor } from "~/readers/outcome-series.server";

/**
 * The annual report's outcome measures (ADR 040) for a scope and the
 * reporting year's periods: each measure's series over the year, the change
 * on the same month a year before, the target and progress by the stated
 * rule, and how many organisations reported. The same views the readers'
 * pages show, from the same counting rule (submitted returns, final periods).
 */

export type OutcomesReport = {
  scopeKind: "organisation" | "place" | "system";
  scopeName: string;
  /** The reporting year's first and last months' labels. */
  from: string | null;
  to: string | null;
  views: OutcomeView[];
};

const yearBefore = (iso: string) => `${Number(iso.slice(0, 4)) - 1}${iso.slice(4)}`;

export async function outcomesReport(
  db: Kysely<Database>,
  args: {
    systemId: number;
    scopeKind: OutcomesReport["scopeKind"];
    scope: FigureScope;
    scopeName: string;
    /** How many organisations the scope has (one, for an organisation's report). */
    organisations: number;
    /** The reporting year's periods, oldest first. */
    year: readonly Period[];
    today?: string;
  },
): Promise<OutcomesReport> {
  const first = args.year[0];
  const last = args.year.at(-1);
  const empty = { scopeKind: args.scopeKind, scopeName: args.scopeName, views: [] };
  if (!first || !last) return { ...empty, from: null, to: null };
  const measures = await listMeasures(db, { systemId: args.systemId });
  // The twelve months before the year, for the change over 12 months at the year's end.
  const before = await periodsBetween(db, {
    systemId: args.systemId,
    from: yearBefore(first.starts_on),
    to: yearBefore(last.starts_on),
  });
  const periods = [...before.filter((p) => p.starts_on < first.starts_on), ...args.year];
  const ids = measures.map((m) => m.id);
  const totals = await outcomeTotals(db, {
    scope: args.scope,
    measureIds: ids,
    periodIds: periods.map((p) => p.id),
    today: args.today,
  });
  const organisationId =
    args.scopeKind === "organisation" && "organisationIds" in args.scope
      ? (args.scope.organisationIds[0] ?? null)
      : null;
  const [versions, system, own] = await Promise.all([
    versionsByIds(
      db,
      totals.map((t) => t.versionId),
    ),
    targetsInForce(db, { measureIds: ids, organisationId: null }),
    organisationId === null ? new Map() : targetsInForce(db, { measureIds: ids, organisationId }),
  ]);
  const inYear = new Set(args.year.map((p) => p.label));
  const views = measures.map((measure) => {
    const view = outcomeView({
      measure,
      periods: periods.map((p) => ({
        id: p.id,
        label: p.label,
        startsOn: p.starts_on,
        endsOn: p.ends_on,
      })),
      totals: totals.filter((t) => t.measureId === measure.id),
      versions,
      target: targetFor(
        measure.current.kind,
        own.get(measure.id),
        system.get(measure.id),
        args.scopeKind === "system",
      ),
      scopeName: args.scopeName,
      organisations: args.scopeKind === "organisation" ? null : args.organisations,
    });
    // The year's own points: the year before served the change over 12 months only.
    const year = {
      ...view,
      periods: view.periods.filter((p) => inYear.has(p.label)),
      rows: view.rows.filter((r) => inYear.has(r.label)),
    };
    if (view.latest && inYear.has(view.latest.label)) return year;
    return {
      ...year,
      latest: null,
      latestPeriodId: null,
      latestVersionId: null,
      yearBeforePeriodId: null,
      reporting: null,
      change: "no figure counted in the year",
      progress: view.target ? ("no figure" as const) : null,
    };
  });
  return { ...empty, from: first.label, to: last.label, views };
}
