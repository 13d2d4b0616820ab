import type { LabelledDataset } from "./direct-labels";
import { directLabels } from "./direct-labels";
import { CATEGORICAL, DASHES, INK, POINT_STYLES } from "./palette";
import {
  accessibleName,
  baseOptions,
  type ChartSpec,
  gridColour,
  text,
  NARROW,
  plural,
  WIDTH,
} from "./spec";

/** The roll-up's trend: per place and month, returns submitted and how many were at the level or above. */
export type PlaceTrendFigures = {
  levelName: string;
  /** A month still open to returns is provisional: its count is of the returns so far. */
  months: ReadonlyArray<{ label: string; provisional?: boolean }>;
  places: ReadonlyArray<{
    name: string;
    points: ReadonlyArray<{ submitted: number; atLevel: number }>;
  }>;
};

const totalAt = (f: PlaceTrendFigures, month: number) =>
  f.places.reduce((sum, p) => sum + (p.points[month]?.atLevel ?? 0), 0);

/** "7 returns at Bronze or above in May 2026, up from 5 in April 2026". */
export function placeTrendTitle(f: PlaceTrendFigures) {
  const last = f.months.length - 1;
  if (last < 0) return `No months to show yet`;
  const now = totalAt(f, last);
  const open = f.months[last]!.provisional === true;
  const head = `${plural(now, "return", "returns")} at ${f.levelName} or above ${open ? "so far " : ""}in ${f.months[last]!.label}`;
  if (last === 0) return head;
  const before = totalAt(f, last - 1);
  const was = f.months[last - 1]!.label;
  // A month part-way through its returns is not compared as if finished: the earlier figure stands beside it.
  if (open) return `${head}; ${before} in ${was}`;
  if (now > before) return `${head}, up from ${before} in ${was}`;
  if (now < before) return `${head}, down from ${before} in ${was}`;
  return `${head}, as in ${was}`;
}

/**
 * A line per place: returns at the level or above each month (a gap where
 * the place returned nothing). Each place has its own colour, point shape
 * and dash, and its name is written at the end of its line.
 */
export function placeTrendChart(f: PlaceTrendFigures): ChartSpec<"line"> {
  const title = placeTrendTitle(f);
  const datasets = f.places.map((place, i): LabelledDataset<"line"> => {
    const colour = CATEGORICAL[i % CATEGORICAL.length]!;
    return {
      label: place.name,
      data: place.points.map((p) => (p.submitted ? p.atLevel : null)),
      borderColor: colour,
      backgroundColor: colour,
      borderWidth: 2,
      borderDash: DASHES[i % DASHES.length],
      pointStyle: POINT_STYLES[i % POINT_STYLES.length],
      pointRadius: 5,
      spanGaps: false,
      directLabels: place.points.map(() => place.name),
      labelPlacement: "last",
      labelColour: INK,
    };
  });
  const most = Math.max(1, ...f.places.flatMap((p) => p.points.map((q) => q.atLevel)));
  return {
    title,
    label: accessibleName(
      `Line chart of returns at ${f.levelName} or above by place and month`,
      title,
    ),
    width: WIDTH,
    height: 320,
    config: {
      type: "line",
      data: { labels: f.months.map((m) => m.label), datasets },
      options: {
        ...baseOptions(),
        // Room for the places' names at the lines' ends; a narrow screen has the legend alone.
        layout: {
          padding: (context) => ({ right: context.chart.width < NARROW ? 8 : 180 }),
        },
        plugins: {
          ...baseOptions().plugins,
          legend: {
            display: true,
            position: "bottom",
            labels: { ...text, usePointStyle: true },
          },
        },
        scales: {
          x: { ticks: { ...text, maxRotation: 0, autoSkip: true }, grid: { display: false } },
          y: {
            beginAtZero: true,
            suggestedMax: most,
            ticks: { ...text, precision: 0 },
            grid: { color: gridColour },
            title: { display: true, text: `Returns at ${f.levelName} or above`, ...text },
          },
        },
      },
      plugins: [directLabels],
    },
  };
}
