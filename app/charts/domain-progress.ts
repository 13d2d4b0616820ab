import { horizontalBars } from "./horizontal-bars";
import type { ChartSpec } from "./spec";

export type DomainProgressFigures = {
  periodLabel: string;
  domains: ReadonlyArray<{ domainNumber: number; title: string; fulfilled: number; total: number }>;
};

/** "7 of 16 components fulfilled in May 2026". */
export function domainProgressTitle(f: DomainProgressFigures) {
  const fulfilled = f.domains.reduce((sum, d) => sum + d.fulfilled, 0);
  const total = f.domains.reduce((sum, d) => sum + d.total, 0);
  const complete = f.domains.filter((d) => d.fulfilled === d.total).length;
  const domains =
    complete === f.domains.length
      ? "every domain complete"
      : complete === 0
        ? "no domain complete yet"
        : `${complete} of ${f.domains.length} domains complete`;
  return `${fulfilled} of ${total} components fulfilled in ${f.periodLabel}, ${domains}`;
}

/** One bar per domain: components fulfilled, labelled "2 of 3". */
export function domainProgressChart(f: DomainProgressFigures): ChartSpec<"bar"> {
  return horizontalBars({
    title: domainProgressTitle(f),
    kind: "Bar chart of the components fulfilled in each domain",
    series: "Components fulfilled",
    axisTitle: "Components fulfilled",
    rows: f.domains.map((d) => ({
      long: `${d.domainNumber}. ${d.title}`,
      short: `Domain ${d.domainNumber}`,
      value: d.fulfilled,
      words: `${d.fulfilled} of ${d.total}`,
    })),
    axis: { percent: false, max: Math.max(1, ...f.domains.map((d) => d.total)) },
    rowHeight: 40,
    chrome: 60,
    labelRoom: 56,
  });
}
