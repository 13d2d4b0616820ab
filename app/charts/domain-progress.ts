import type { LabelledDataset } from "./direct-labels";
import { directLabels } from "./direct-labels";
import { BLUE_OUTLINE, SINGLE } from "./palette";
import {
  accessibleName,
  baseOptions,
  categoryTicks,
  type ChartSpec,
  gridColour,
  text,
  WIDTH,
} from "./spec";

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
  const title = domainProgressTitle(f);
  const dataset: LabelledDataset<"bar"> = {
    label: "Components fulfilled",
    data: f.domains.map((d) => d.fulfilled),
    backgroundColor: SINGLE,
    borderColor: BLUE_OUTLINE,
    borderWidth: 1,
    directLabels: f.domains.map((d) => `${d.fulfilled} of ${d.total}`),
    labelPlacement: "end",
  };
  return {
    title,
    label: accessibleName("Bar chart of the components fulfilled in each domain", title),
    width: WIDTH,
    height: 60 + f.domains.length * 40,
    config: {
      type: "bar",
      data: {
        labels: f.domains.map((d) => `${d.domainNumber}. ${d.title}`),
        datasets: [dataset],
      },
      options: {
        ...baseOptions(),
        indexAxis: "y",
        layout: { padding: { right: 56 } },
        plugins: { ...baseOptions().plugins, legend: { display: false } },
        scales: {
          x: {
            beginAtZero: true,
            max: Math.max(1, ...f.domains.map((d) => d.total)),
            ticks: { ...text, precision: 0 },
            grid: { color: gridColour },
            title: { display: true, text: "Components fulfilled", ...text },
          },
          y: {
            ticks: categoryTicks(
              f.domains.map((d) => `${d.domainNumber}. ${d.title}`),
              f.domains.map((d) => `Domain ${d.domainNumber}`),
            ),
            grid: { display: false },
          },
        },
      },
      plugins: [directLabels],
    },
  };
}
