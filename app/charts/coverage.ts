import { horizontalBars } from "./horizontal-bars";
import type { ChartSpec } from "./spec";

export type CoverageFigures = {
  periodLabel: string;
  rows: ReadonlyArray<{ componentId: string; title: string; returns: number; fulfilled: number }>;
};

const share = (fulfilled: number, returns: number) =>
  returns ? Math.round((fulfilled / returns) * 100) : 0;

/** "5 of 16 components are fulfilled by at least half the returns for May 2026". */
export function coverageTitle(f: CoverageFigures) {
  const returns = f.rows[0]?.returns ?? 0;
  if (returns === 0) return `No returns to cover for ${f.periodLabel} yet`;
  const half = f.rows.filter((r) => r.fulfilled * 2 >= r.returns).length;
  return `${half} of ${f.rows.length} components are fulfilled by at least half the returns for ${f.periodLabel}`;
}

/**
 * A long name as lines of at most `max` characters, broken between words:
 * a label is never cut short with "…" (a board reads every word of it).
 */
export function wrapLabel(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= max)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length ? lines : [""];
}

/** Each label line's height, and a bar's room beside its lines. */
const LINE = 17;

/** One bar per component: the share of submitted returns fulfilling it, labelled "3 of 5". */
export function coverageChart(f: CoverageFigures): ChartSpec<"bar"> {
  const labels = f.rows.map((r) => wrapLabel(`${r.componentId} ${r.title}`, 34));
  const mostLines = Math.max(1, ...labels.map((l) => l.length));
  return horizontalBars({
    title: coverageTitle(f),
    kind: "Bar chart of the share of returns fulfilling each component",
    series: "Share of returns fulfilling it",
    axisTitle: "Share of submitted returns fulfilling it",
    rows: f.rows.map((r, i) => ({
      long: labels[i]!,
      short: r.componentId,
      value: share(r.fulfilled, r.returns),
      words: `${r.fulfilled} of ${r.returns}`,
    })),
    axis: { percent: true },
    rowHeight: Math.max(30, mostLines * LINE + 8),
    chrome: 70,
    labelRoom: 64,
  });
}
