import type { ChartConfiguration, ChartType } from "chart.js";
import { FONT_FAMILY, INK } from "./palette";

/**
 * What every chart function returns from its figures alone: the message
 * (the figure's title, shown as text beside the chart), the accessible name
 * of the drawn chart, its size, and the chart.js configuration. Pure data
 * and pure functions: the browser and the board report's server renderer
 * draw the same configuration.
 */
export type ChartSpec<T extends ChartType = ChartType> = {
  title: string;
  /** The canvas's accessible name: what kind of chart, and its message. */
  label: string;
  /** Drawing size in CSS pixels: the browser keeps the height, the server uses both. */
  width: number;
  height: number;
  config: ChartConfiguration<T>;
};

export const WIDTH = 720;

/** Options every chart shares: text in the NHS font and colour, light gridlines, no chart.js title. */
export function baseOptions() {
  return {
    responsive: true,
    maintainAspectRatio: false,
    font: { family: FONT_FAMILY, size: 14 },
    color: INK,
    plugins: {
      title: { display: false },
      tooltip: { enabled: true },
    },
  };
}

export const gridColour = "#d8dde0";

/** Axis and legend text: chart.js would otherwise fall back to its own 12px grey. */
export const text = { color: INK, font: { family: FONT_FAMILY, size: 14 } };

/** "a, b and c". */
export const plural = (count: number, one: string, many: string) =>
  `${count} ${count === 1 ? one : many}`;

export function accessibleName(kind: string, title: string) {
  return `${kind}. ${title}. The same figures are in the table that follows.`;
}

/** Below this drawing width, long category names give way to short ones (the table has both). */
export const NARROW = 560;

/**
 * A category axis's tick labels: the long names where there is room, the
 * short ones on a narrow screen. Reads only the chart's own width, so it
 * works on a server canvas too.
 */
export function categoryTicks(
  long: ReadonlyArray<string | string[]>,
  short: ReadonlyArray<string | string[]>,
) {
  return {
    ...text,
    autoSkip: false,
    callback(this: { chart: { width: number } }, _value: unknown, index: number) {
      return (this.chart.width < NARROW ? short : long)[index] ?? "";
    },
  };
}
