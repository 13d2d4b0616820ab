/**
 * Outcome measures (issue 23, ADR 040): the numbers behind the levels. Pure
 * arithmetic over figures already chosen by the models (submitted returns of
 * final periods only): which months a measure is due in, a figure's value,
 * and a scope's series, the sum of the parts over the sum of the wholes,
 * never an average of percentages. Figures entered against different
 * versions of a definition are never added together.
 */

export type MeasureKind = "ratio" | "total";
export type MeasureFrequency = "monthly" | "quarterly" | "yearly";

export const frequencies: readonly MeasureFrequency[] = ["monthly", "quarterly", "yearly"];

/** One version of a measure's definition, as pages, documents and exports show it. */
export type MeasureVersion = {
  measureId: number;
  versionId: number;
  version: number;
  name: string;
  definition: string;
  domainNumber: number;
  componentIds: readonly string[];
  kind: MeasureKind;
  /** A total's unit, or the unit a share's part and whole are counted in. */
  unit: string;
  numeratorLabel: string | null;
  denominatorLabel: string | null;
  frequency: MeasureFrequency;
  createdAt: string;
};

/**
 * Whether a measure is due in the month starting on `startsOn` (YYYY-MM-DD):
 * a monthly one every month; a quarterly one in the months that end a
 * quarter (March, June, September, December: the same months end calendar
 * and financial quarters); a yearly one in March, the end of the financial
 * year the NHS and councils report on.
 */
export function isDue(frequency: MeasureFrequency, startsOn: string): boolean {
  const month = Number(startsOn.slice(5, 7));
  if (frequency === "monthly") return true;
  if (frequency === "quarterly") return month % 3 === 0;
  return month === 3;
}

/** How far back a series reaches, in months: 12 monthly, 8 quarterly or 5 yearly figures. */
export const SERIES_MONTHS: Record<MeasureFrequency, number> = {
  monthly: 12,
  quarterly: 24,
  yearly: 60,
};

/** The most any series reaches back: the periods a page fetches, however long the history. */
export const LONGEST_SERIES_MONTHS = Math.max(...Object.values(SERIES_MONTHS));

/** A share as a percentage of its whole, or a total as it is; null where a share has no whole. */
export function figureValue(
  kind: MeasureKind,
  numerator: number,
  denominator: number | null,
): number | null {
  if (kind === "total") return numerator;
  if (denominator === null || denominator <= 0) return null;
  return (100 * numerator) / denominator;
}

/** A scope's figures for one period and one version of a measure, summed (by the models' SQL). */
export type PeriodTotal = {
  periodId: number;
  versionId: number;
  numerator: number;
  /** The wholes summed; null for a total. */
  denominator: number | null;
  /** How many organisations' figures are in the sums. */
  reporting: number;
  /**
   * Set on an organisation's own figure shown before it counts (its return
   * not submitted, or its period not final): shown to those who read drafts,
   * never in a latest figure, a change or a sum.
   */
  provisional?: string | null;
};

export type PeriodRef = { id: number; label: string; startsOn: string; endsOn: string };

/** One point of a series: a period's sums under one version, and their value. */
export type SeriesPoint = {
  periodId: number;
  label: string;
  startsOn: string;
  endsOn: string;
  versionId: number;
  version: number;
  numerator: number;
  denominator: number | null;
  value: number | null;
  reporting: number;
  provisional: string | null;
};

/** A period the measure was due in, with its points (none: no figures counted for it). */
export type SeriesPeriod = PeriodRef & { points: SeriesPoint[] };

/**
 * A measure's series for a scope over the given periods (oldest first): the
 * periods the measure was due in, each with one point per version its
 * figures were entered against, newest version first.
 */
export function measureSeries(args: {
  kind: (versionId: number) => MeasureKind;
  version: (versionId: number) => number;
  frequency: MeasureFrequency;
  periods: readonly PeriodRef[];
  totals: readonly PeriodTotal[];
}): SeriesPeriod[] {
  const byPeriod = new Map<number, PeriodTotal[]>();
  for (const t of args.totals) byPeriod.set(t.periodId, [...(byPeriod.get(t.periodId) ?? []), t]);
  return args.periods
    .filter((p) => isDue(args.frequency, p.startsOn))
    .map((p) => ({
      ...p,
      points: (byPeriod.get(p.id) ?? [])
        .filter((t) => t.reporting > 0)
        .map((t) => ({
          periodId: p.id,
          label: p.label,
          startsOn: p.startsOn,
          endsOn: p.endsOn,
          versionId: t.versionId,
          version: args.version(t.versionId),
          numerator: t.numerator,
          denominator: t.denominator,
          value: figureValue(args.kind(t.versionId), t.numerator, t.denominator),
          reporting: t.reporting,
          provisional: t.provisional ?? null,
        }))
        .sort((a, b) => b.version - a.version),
    }));
}

/** The newest point that counts (its newest version where a period has two). */
export function latestPoint(series: readonly SeriesPeriod[]): SeriesPoint | null {
  for (let i = series.length - 1; i >= 0; i--) {
    const point = series[i]!.points.find((p) => p.provisional === null);
    if (point) return point;
  }
  return null;
}

export type YearChange =
  | { kind: "change"; before: SeriesPoint; difference: number }
  | { kind: "no figure a year before"; monthYearBefore: string }
  | { kind: "definition changed"; before: SeriesPoint }
  | { kind: "no figure" };

/** YYYY-MM of the month twelve months before a YYYY-MM-DD start. */
export function monthAYearBefore(startsOn: string): string {
  return `${Number(startsOn.slice(0, 4)) - 1}-${startsOn.slice(5, 7)}`;
}

/**
 * The change over 12 months: the newest point against the same month a year
 * before, under the same version of the definition (figures under two
 * definitions are not compared). For a share, the difference in percentage
 * points; for a total, in its unit.
 */
export function changeOverYear(series: readonly SeriesPeriod[]): YearChange {
  const latest = latestPoint(series);
  if (!latest) return { kind: "no figure" };
  const wanted = monthAYearBefore(latest.startsOn);
  const period = series.find((p) => p.startsOn.slice(0, 7) === wanted);
  const counted = period?.points.filter((p) => p.provisional === null) ?? [];
  const same = counted.find((p) => p.versionId === latest.versionId);
  if (same && same.value !== null && latest.value !== null)
    return { kind: "change", before: same, difference: latest.value - same.value };
  if (counted[0]) return { kind: "definition changed", before: counted[0] };
  return { kind: "no figure a year before", monthYearBefore: wanted };
}
