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

/**
 * One blue bar per row, lying down, each labelled in words at its end
 * ("3 of 5"): the shape of every "how far along is each" chart.
 */
export function horizontalBars(args: {
  title: string;
  /** What kind of chart, for its accessible name. */
  kind: string;
  /** The one series' name, and the value axis's title. */
  series: string;
  axisTitle: string;
  /** A row's name: one line, or several (a long name wrapped, never cut). */
  rows: ReadonlyArray<{ long: string | string[]; short: string; value: number; words: string }>;
  /** The value axis: a percentage (0 to 100), or counts up to `max`. */
  axis: { percent: true } | { percent: false; max: number };
  rowHeight: number;
  chrome: number;
  labelRoom: number;
}): ChartSpec<"bar"> {
  const dataset: LabelledDataset<"bar"> = {
    label: args.series,
    data: args.rows.map((r) => r.value),
    backgroundColor: SINGLE,
    borderColor: BLUE_OUTLINE,
    borderWidth: 1,
    directLabels: args.rows.map((r) => r.words),
    labelPlacement: "end",
  };
  const labels = args.rows.map((r) => r.long);
  const valueAxis = args.axis.percent
    ? {
        min: 0,
        max: 100,
        ticks: { ...text, stepSize: 25, callback: (value: unknown) => `${value}%` },
      }
    : { beginAtZero: true, max: args.axis.max, ticks: { ...text, precision: 0 } };
  return {
    title: args.title,
    label: accessibleName(args.kind, args.title),
    width: WIDTH,
    height: args.chrome + args.rows.length * args.rowHeight,
    config: {
      type: "bar",
      data: { labels, datasets: [dataset] },
      options: {
        ...baseOptions(),
        indexAxis: "y",
        layout: { padding: { right: args.labelRoom } },
        plugins: { ...baseOptions().plugins, legend: { display: false } },
        scales: {
          x: {
            ...valueAxis,
            grid: { color: gridColour },
            title: { display: true, text: args.axisTitle, ...text },
          },
          y: {
            ticks: categoryTicks(
              labels,
              args.rows.map((r) => r.short),
            ),
            grid: { display: false },
          },
        },
      },
      plugins: [directLabels],
    },
  };
}
