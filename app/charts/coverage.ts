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

const short = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;

/** One bar per component: the share of submitted returns fulfilling it, labelled "3 of 5". */
export function coverageChart(f: CoverageFigures): ChartSpec<"bar"> {
  return horizontalBars({
    title: coverageTitle(f),
    kind: "Bar chart of the share of returns fulfilling each component",
    series: "Share of returns fulfilling it",
    axisTitle: "Share of submitted returns fulfilling it",
    rows: f.rows.map((r) => ({
      long: `${r.componentId} ${short(r.title, 34)}`,
      short: r.componentId,
      value: share(r.fulfilled, r.returns),
      words: `${r.fulfilled} of ${r.returns}`,
    })),
    axis: { percent: true },
    rowHeight: 30,
    chrome: 70,
    labelRoom: 64,
  });
}
