import type { Chart, ChartDataset, ChartType, Plugin } from "chart.js";
import { FONT_FAMILY, INK } from "./palette";
import { NARROW } from "./spec";

/**
 * Words drawn on the chart itself, so no reader has to match colours to a
 * legend: a count at the end of each bar, a short label inside each stacked
 * segment that has room, or a series' name beside its last point. The texts
 * travel in the dataset (not in plugin options, which chart.js would call as
 * scriptable functions), and the plugin draws with the chart's own 2D
 * context, so the same configuration draws in the browser and on a server
 * canvas.
 */
export type LabelledDataset<T extends ChartType> = ChartDataset<T> & {
  directLabels?: Array<string | null>;
  /** "end": after the bar; "inside": centred in the segment if it fits; "last": beside a line's last point. */
  labelPlacement?: "end" | "inside" | "last";
  labelColour?: string;
};

export const DIRECT_LABEL_FONT = `14px ${FONT_FAMILY}`;

type Point = { x: number; y: number; base?: number };

/** Line ends closer than this are spread apart, so names at the same value do not overprint. */
export const LINE_LABEL_GAP = 18;

/** Moves labels (sorted by y) down just enough that none is nearer the one above than `gap`. */
export function spreadApart<T extends { y: number }>(labels: T[], gap: number): T[] {
  const sorted = [...labels].sort((a, b) => a.y - b.y);
  sorted.forEach((label, i) => {
    const above = sorted[i - 1];
    if (above && label.y - above.y < gap) label.y = above.y + gap;
  });
  return sorted;
}

function draw(chart: Chart) {
  const ctx = chart.ctx;
  const horizontal = chart.options.indexAxis === "y";
  const lineEnds: Array<{ text: string; x: number; y: number; colour: string }> = [];
  chart.data.datasets.forEach((raw, datasetIndex) => {
    const dataset = raw as LabelledDataset<ChartType>;
    const labels = dataset.directLabels;
    if (!labels || !chart.isDatasetVisible(datasetIndex)) return;
    const placement = dataset.labelPlacement ?? "end";
    const elements = chart.getDatasetMeta(datasetIndex).data;
    const lastIndex =
      placement === "last"
        ? labels.reduce((last, text, i) => (text && dataset.data[i] !== null ? i : last), -1)
        : -1;
    ctx.save();
    ctx.font = DIRECT_LABEL_FONT;
    ctx.textBaseline = "middle";
    ctx.fillStyle = dataset.labelColour ?? INK;
    elements.forEach((element, index) => {
      const text = labels[index];
      if (!text) return;
      const p = element.getProps(["x", "y", "base"], true) as unknown as Point;
      if (placement === "last") {
        // On a narrow chart the names would cover the lines: the legend names them instead.
        if (index === lastIndex && chart.width >= NARROW) {
          lineEnds.push({ text, x: p.x + 10, y: p.y, colour: dataset.labelColour ?? INK });
        }
      } else if (placement === "inside") {
        const room = Math.abs(horizontal ? p.x - (p.base ?? p.x) : p.y - (p.base ?? p.y));
        if (ctx.measureText(text).width + 8 > room) return;
        ctx.textAlign = "center";
        if (horizontal) ctx.fillText(text, (p.x + (p.base ?? p.x)) / 2, p.y);
        else ctx.fillText(text, p.x, (p.y + (p.base ?? p.y)) / 2);
      } else if (horizontal) {
        ctx.textAlign = "left";
        ctx.fillText(text, p.x + 6, p.y);
      } else {
        ctx.textAlign = "center";
        ctx.fillText(text, p.x, p.y - 10);
      }
    });
    ctx.restore();
  });
  ctx.save();
  ctx.font = DIRECT_LABEL_FONT;
  ctx.textBaseline = "middle";
  ctx.textAlign = "left";
  for (const label of spreadApart(lineEnds, LINE_LABEL_GAP)) {
    ctx.fillStyle = label.colour;
    ctx.fillText(label.text, label.x, label.y);
  }
  ctx.restore();
}

export const directLabels: Plugin = { id: "appDirectLabels", afterDatasetsDraw: draw };
