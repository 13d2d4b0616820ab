import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { OutcomeSeriesFigures } from "~/charts/outcome-series";
import { progressRule, type Target, expectedOn, targetProgress } from "~/charter/outcome-targets";
import {
  changeOverYear,
  latestPoint,
  LONGEST_SERIES_MONTHS,
  type MeasureVersion,
  measureSeries,
  monthAYearBefore,
  type PeriodRef,
  type PeriodTotal,
  SERIES_MONTHS,
} from "~/charter/outcomes";
import type { Measure } from "~/models/outcome-measures.server";
import { type Period, periodsUpTo } from "~/models/periods.server";
import { formatDate } from "~/utils/dates";
import { changeWords, figureWords, partsWords } from "~/utils/figures";

/**
 * A measure's series for one scope as the readers' pages, the annual report
 * and their tables show it (ADR 040): the chart's figures, a row per period
 * and version for its table, the newest figure that counts, the change over
 * 12 months, and the target with progress by the stated rule.
 */

export type TargetInForce = Target & { whose: "own" | "system" };

export type OutcomeView = OutcomeSeriesFigures & {
  measureId: number;
  definition: string;
  frequency: MeasureVersion["frequency"];
  componentIds: string[];
  version: number;
  /** The newest period with a figure that counts, and the same month a year before, if in the series. */
  latestPeriodId: number | null;
  latestVersionId: number | null;
  yearBeforePeriodId: number | null;
  /** How many organisations the scope has (null for one organisation's own series). */
  organisations: number | null;
  reporting: number | null;
  rows: Array<{
    label: string;
    version: number | null;
    figure: string;
    parts: string | null;
    reporting: number | null;
    provisional: string | null;
    expected: string | null;
  }>;
  targetWords: string | null;
  progressRule: string;
};

/**
 * The periods any series reaches back over, oldest first, ending with the
 * period starting on `endingWith`: a fixed number of rows, however long the
 * history.
 */
export async function windowPeriods(
  db: Kysely<Database>,
  args: { systemId: number; endingWith: string },
): Promise<Period[]> {
  return (await periodsUpTo(db, { ...args, count: LONGEST_SERIES_MONTHS })).reverse();
}

const monthsBack = (startsOn: string, months: number) => {
  const date = new Date(`${startsOn.slice(0, 7)}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.toISOString().slice(0, 10);
};

/** The periods of one measure's series: its frequency's reach back from the newest. */
export function periodsFor(measure: Measure, periods: readonly Period[]): PeriodRef[] {
  const newest = periods.at(-1);
  if (!newest) return [];
  const from = monthsBack(newest.starts_on, SERIES_MONTHS[measure.current.frequency] - 1);
  return periods
    .filter((p) => p.starts_on >= from)
    .map((p) => ({ id: p.id, label: p.label, startsOn: p.starts_on, endsOn: p.ends_on }));
}

/** The target a scope is judged against: its own, else (a share) the system's. */
export function targetFor(
  kind: Measure["current"]["kind"],
  own: Target | undefined,
  system: Target | undefined,
  systemAppliesToTotals: boolean,
): TargetInForce | null {
  if (own) return { ...own, whose: "own" };
  if (system && (kind === "ratio" || systemAppliesToTotals)) return { ...system, whose: "system" };
  return null;
}

export function outcomeView(args: {
  measure: Measure;
  periods: readonly PeriodRef[];
  totals: readonly PeriodTotal[];
  versions: ReadonlyMap<number, MeasureVersion>;
  target: TargetInForce | null;
  scopeName: string;
  organisations: number | null;
}): OutcomeView {
  const { measure, target } = args;
  const current = measure.current;
  const versionOf = (id: number) => args.versions.get(id) ?? current;
  const series = measureSeries({
    kind: (id) => versionOf(id).kind,
    version: (id) => versionOf(id).version,
    frequency: current.frequency,
    periods: args.periods,
    totals: args.totals,
  });
  const latest = latestPoint(series);
  const change = changeOverYear(series);
  const unitOf = (versionId: number) => versionOf(versionId).unit;
  // A sum over organisations moves with how many reported: say so where that changed.
  const coverage =
    change.kind === "change" &&
    args.organisations !== null &&
    latest &&
    latest.reporting !== change.before.reporting
      ? ` (${latest.reporting} organisations reported, against ${change.before.reporting} then)`
      : "";
  const changeText =
    change.kind === "change"
      ? `${changeWords(current.kind, current.unit, change.difference, change.before.value)} on ${change.before.label}${coverage}`
      : change.kind === "definition changed"
        ? `not compared with ${change.before.label}: the definition changed`
        : change.kind === "no figure a year before"
          ? "no figure a year before to compare"
          : "no figure yet";
  const progress = target
    ? targetProgress(target, latest ? { value: latest.value, on: latest.endsOn } : null).progress
    : null;
  const expectedAt = (endsOn: string) =>
    target && endsOn >= target.baselineOn ? expectedOn(target, endsOn) : null;
  return {
    measureId: measure.id,
    name: current.name,
    definition: current.definition,
    frequency: current.frequency,
    componentIds: [...current.componentIds],
    version: current.version,
    kind: current.kind,
    unit: current.unit,
    scopeName: args.scopeName,
    organisations: args.organisations,
    reporting: latest?.reporting ?? null,
    periods: series.map((p) => ({
      label: p.label,
      points: p.points.map((q) => ({
        version: q.version,
        value: q.value,
        provisional: q.provisional,
      })),
      expected: expectedAt(p.endsOn),
    })),
    latest: latest ? { label: latest.label, value: latest.value } : null,
    latestPeriodId: latest?.periodId ?? null,
    latestVersionId: latest?.versionId ?? null,
    yearBeforePeriodId: latest
      ? (args.periods.find((p) => p.startsOn.slice(0, 7) === monthAYearBefore(latest.startsOn))
          ?.id ?? null)
      : null,
    change: changeText,
    target: target ? { value: target.targetValue, by: target.targetOn, whose: target.whose } : null,
    progress,
    rows: series.flatMap((p): OutcomeView["rows"] => {
      const expected = expectedAt(p.endsOn);
      const expectedText =
        expected === null ? null : figureWords(current.kind, current.unit, expected);
      if (!p.points.length)
        return [
          {
            label: p.label,
            version: null,
            figure: "No figures",
            parts: null,
            reporting: args.organisations === null ? null : 0,
            provisional: null,
            expected: expectedText,
          },
        ];
      return p.points.map((q) => ({
        label: p.label,
        version: q.version,
        figure: figureWords(versionOf(q.versionId).kind, unitOf(q.versionId), q.value),
        parts:
          versionOf(q.versionId).kind === "ratio"
            ? partsWords(q.numerator, q.denominator, unitOf(q.versionId))
            : null,
        reporting: args.organisations === null ? null : q.reporting,
        provisional: q.provisional,
        expected: expectedText,
      }));
    }),
    targetWords: target
      ? `${target.whose === "own" ? "Own target" : "System target"}: from ${figureWords(current.kind, current.unit, target.baselineValue)} on ${formatDate(target.baselineOn)} to ${figureWords(current.kind, current.unit, target.targetValue)} by ${formatDate(target.targetOn)}${target.note ? `. ${target.note.replace(/\.$/, "")}` : ""}`
      : null,
    progressRule,
  };
}
