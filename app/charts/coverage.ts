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
  const title = coverageTitle(f);
  const dataset: LabelledDataset<"bar"> = {
    label: "Share of returns fulfilling it",
    data: f.rows.map((r) => share(r.fulfilled, r.returns)),
    backgroundColor: SINGLE,
    borderColor: BLUE_OUTLINE,
    borderWidth: 1,
    directLabels: f.rows.map((r) => `${r.fulfilled} of ${r.returns}`),
    labelPlacement: "end",
  };
  return {
    title,
    label: accessibleName("Bar chart of the share of returns fulfilling each component", title),
    width: WIDTH,
    height: 70 + f.rows.length * 30,
    config: {
      type: "bar",
      data: {
        labels: f.rows.map((r) => `${r.componentId} ${short(r.title, 34)}`),
        datasets: [dataset],
      },
      options: {
        ...baseOptions(),
        indexAxis: "y",
        layout: { padding: { right: 64 } },
        plugins: { ...baseOptions().plugins, legend: { display: false } },
        scales: {
          x: {
            min: 0,
            max: 100,
            ticks: { ...text, stepSize: 25, callback: (value) => `${value}%` },
            grid: { color: gridColour },
            title: { display: true, text: "Share of submitted returns fulfilling it", ...text },
          },
          y: {
            ticks: categoryTicks(
              f.rows.map((r) => `${r.componentId} ${short(r.title, 34)}`),
              f.rows.map((r) => r.componentId),
            ),
            grid: { display: false },
          },
        },
      },
      plugins: [directLabels],
    },
  };
}
