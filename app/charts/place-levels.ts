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

/** The roll-up's "levels held by place": each place's counts, in the buckets' order. */
export type PlaceLevelsFigures = {
  periodLabel: string;
  levelIds: readonly string[];
  buckets: ReadonlyArray<{ bucket: string; label: string }>;
  places: ReadonlyArray<{ name: string; counts: readonly number[] }>;
};

/** Short marks written inside each segment, so a segment is named in text, not by colour alone. */
export const bucketMarks: Record<string, string> = {
  no_return: "NR",
  not_submitted: "NS",
  no_level: "NL",
};
const markOf = (bucket: string, label: string) => bucketMarks[bucket] ?? label.charAt(0);

/** "9 of 40 organisations in the system hold Bronze or above in May 2026". */
export function placeLevelsTitle(f: PlaceLevelsFigures) {
  const atLevel = (counts: readonly number[]) =>
    f.buckets.reduce(
      (sum, b, i) => sum + (f.levelIds.includes(b.bucket) ? (counts[i] ?? 0) : 0),
      0,
    );
  const total = f.places.reduce((sum, p) => sum + p.counts.reduce((a, b) => a + b, 0), 0);
  const holding = f.places.reduce((sum, p) => sum + atLevel(p.counts), 0);
  const level = f.buckets.find((b) => b.bucket === f.levelIds[0])?.label ?? "a level";
  return `${holding} of ${plural(total, "organisation", "organisations")} in the system ${holding === 1 ? "holds" : "hold"} ${level} or above in ${f.periodLabel}`;
}

/**
 * One stacked bar per place, a segment per bucket in the scale's order;
 * each segment wide enough is written "B 3" (its mark and count), and the
 * legend spells each mark out.
 */
export function placeLevelsChart(f: PlaceLevelsFigures): ChartSpec<"bar"> {
  const title = placeLevelsTitle(f);
  const datasets = f.buckets.map((b, i): LabelledDataset<"bar"> => {
    const swatch = bucketSwatch(b.bucket, f.levelIds);
    const mark = markOf(b.bucket, b.label);
    return {
      label: `${mark}: ${b.label}`,
      data: f.places.map((p) => p.counts[i] ?? 0),
      backgroundColor: swatch.fill,
      borderColor: swatch.outline,
      borderWidth: 1,
      directLabels: f.places.map((p) => ((p.counts[i] ?? 0) > 0 ? `${mark} ${p.counts[i]}` : null)),
      labelPlacement: "inside",
      labelColour: swatch.text,
    };
  });
  return {
    title,
    label: accessibleName("Stacked bar chart of the levels held in each place", title),
    width: WIDTH,
    height: 140 + f.places.length * 44,
    config: {
      type: "bar",
      data: { labels: f.places.map((p) => p.name), datasets },
      options: {
        ...baseOptions(),
        indexAxis: "y",
        plugins: {
          ...baseOptions().plugins,
          legend: { display: true, position: "bottom", labels: text },
        },
        scales: {
          x: {
            stacked: true,
            beginAtZero: true,
            ticks: { ...text, precision: 0 },
            grid: { color: gridColour },
            title: { display: true, text: "Organisations", ...text },
          },
          y: { stacked: true, ticks: text, grid: { display: false } },
        },
      },
      plugins: [directLabels],
    },
  };
}
