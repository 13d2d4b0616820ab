import type { LabelledDataset } from "./direct-labels";
import { directLabels } from "./direct-labels";
import { bucketSwatch } from "./palette";
import {
  accessibleName,
  baseOptions,
  type ChartSpec,
  gridColour,
  text,
  plural,
  WIDTH,
} from "./spec";

/** A place's "levels held" rows as the aggregation layer counts them (bucket ids in order). */
export type LevelCountFigures = {
  periodLabel: string;
  /** The charter's level ids, lowest first. */
  levelIds: readonly string[];
  rows: ReadonlyArray<{ bucket: string; label: string; count: number }>;
  /** The count axis's end, when charts drawn side by side must share one scale. */
  axisMax?: number;
};

/** "8 of 12 organisations now hold Bronze or above in May 2026". */
export function levelCountsTitle(f: LevelCountFigures) {
  const total = f.rows.reduce((sum, r) => sum + r.count, 0);
  const lowest = f.rows.find((r) => r.bucket === f.levelIds[0]);
  const holding = f.rows
    .filter((r) => f.levelIds.includes(r.bucket))
    .reduce((sum, r) => sum + r.count, 0);
  const level = lowest?.label ?? "a level";
  if (holding === 0) {
    return `None of the ${plural(total, "organisation", "organisations")} holds ${level} or above in ${f.periodLabel}`;
  }
  return `${holding} of ${plural(total, "organisation", "organisations")} ${holding === 1 ? "holds" : "hold"} ${level} or above in ${f.periodLabel}`;
}

/** One horizontal bar per bucket, in the scale's order, each labelled with its count. */
export function levelCountsChart(f: LevelCountFigures): ChartSpec<"bar"> {
  const title = levelCountsTitle(f);
  const swatches = f.rows.map((r) => bucketSwatch(r.bucket, f.levelIds));
  const dataset: LabelledDataset<"bar"> = {
    label: "Organisations",
    data: f.rows.map((r) => r.count),
    backgroundColor: swatches.map((s) => s.fill),
    borderColor: swatches.map((s) => s.outline),
    borderWidth: 1,
    directLabels: f.rows.map((r) => String(r.count)),
    labelPlacement: "end",
  };
  const most = Math.max(1, ...f.rows.map((r) => r.count));
  return {
    title,
    label: accessibleName("Bar chart of how many organisations hold each level", title),
    width: WIDTH,
    height: 60 + f.rows.length * 36,
    config: {
      type: "bar",
      data: { labels: f.rows.map((r) => r.label), datasets: [dataset] },
      options: {
        ...baseOptions(),
        indexAxis: "y",
        layout: { padding: { right: 32 } },
        plugins: { ...baseOptions().plugins, legend: { display: false } },
        scales: {
          x: {
            beginAtZero: true,
            ...(f.axisMax ? { min: 0, max: f.axisMax } : { suggestedMax: most }),
            ticks: { ...text, precision: 0 },
            grid: { color: gridColour },
            title: { display: true, text: "Organisations", ...text },
          },
          y: { ticks: text, grid: { display: false } },
        },
      },
      plugins: [directLabels],
    },
  };
}
