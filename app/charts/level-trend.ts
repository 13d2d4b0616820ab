import type { LabelledDataset } from "./direct-labels";
import { directLabels } from "./direct-labels";
import { BLUE_OUTLINE } from "./palette";
import { accessibleName, baseOptions, type ChartSpec, gridColour, text, WIDTH } from "./spec";

/** An organisation's months, oldest first, as the aggregation layer's trend gives them. */
export type LevelTrendFigures = {
  levels: ReadonlyArray<{ id: string; name: string }>;
  points: ReadonlyArray<{ label: string; returnState: string; level: string | null }>;
};

const NO_LEVEL = "No level yet";

/** 0 for no level, then 1, 2, … for each level; null for a month not submitted. */
const rankOf = (f: LevelTrendFigures, p: LevelTrendFigures["points"][number]) =>
  p.returnState === "submitted" ? f.levels.findIndex((l) => l.id === p.level) + 1 : null;

/** "Silver in May 2026, up from Bronze in April 2026" (against the last month before it submitted). */
export function levelTrendTitle(f: LevelTrendFigures) {
  const names = [NO_LEVEL, ...f.levels.map((l) => l.name)];
  const submitted = f.points
    .map((p) => ({ label: p.label, rank: rankOf(f, p) }))
    .filter((p): p is { label: string; rank: number } => p.rank !== null);
  const last = submitted.at(-1);
  const before = submitted.at(-2);
  if (!last) return `No month submitted of the last ${f.points.length}`;
  const now = `${names[last.rank]} in ${last.label}`;
  if (!before) return `${now}, the only month submitted of the last ${f.points.length}`;
  if (last.rank > before.rank) return `${now}, up from ${names[before.rank]} in ${before.label}`;
  if (last.rank < before.rank) return `${now}, down from ${names[before.rank]} in ${before.label}`;
  return `${now}, as in ${before.label}`;
}

/** The self-assessed level month by month: a line over the levels, gaps where nothing was submitted. */
export function levelTrendChart(f: LevelTrendFigures): ChartSpec<"line"> {
  const title = levelTrendTitle(f);
  const names = [NO_LEVEL, ...f.levels.map((l) => l.name)];
  const ranks = f.points.map((p) => rankOf(f, p));
  const dataset: LabelledDataset<"line"> = {
    label: "Level, self-assessed",
    data: ranks,
    borderColor: BLUE_OUTLINE,
    backgroundColor: BLUE_OUTLINE,
    borderWidth: 3,
    pointRadius: 5,
    spanGaps: false,
    // Points on the lowest and highest levels are drawn whole, not cut at the chart's edge.
    clip: 8,
  };
  return {
    title,
    label: accessibleName("Line chart of the level self-assessed each month", title),
    width: WIDTH,
    height: 280,
    config: {
      type: "line",
      data: { labels: f.points.map((p) => p.label), datasets: [dataset] },
      options: {
        ...baseOptions(),
        plugins: { ...baseOptions().plugins, legend: { display: false } },
        scales: {
          x: { ticks: { ...text, maxRotation: 0, autoSkip: true }, grid: { display: false } },
          y: {
            min: 0,
            max: f.levels.length,
            ticks: { ...text, stepSize: 1, callback: (value) => names[Number(value)] ?? "" },
            grid: { color: gridColour },
          },
        },
      },
      plugins: [directLabels],
    },
  };
}
