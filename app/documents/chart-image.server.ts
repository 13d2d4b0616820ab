import { type Canvas, createCanvas, GlobalFonts } from "@napi-rs/canvas";
import { Chart, registerables } from "chart.js";
import type { ChartSpec } from "~/charts/spec";
import type { FigureImage } from "./blocks";
import { fontPath } from "./fonts/arimo";

/**
 * Draws the dashboards' chart configurations (app/charts, ADR 022) to PNG on
 * the server, with chart.js on @napi-rs/canvas (its binary ships inside the
 * npm package). One canvas per process or worker thread is reused for every
 * chart: each new native canvas kept about 6 MB that was never given back.
 * Arimo (Arial's metrics) is registered under the name "Arial", which the
 * charts' font list falls back to when Frutiger is not there.
 */

const FONT_FILES = { regular: fontPath("regular"), bold: fontPath("bold") };

/** Drawn at twice the CSS size, so the image stays sharp printed or zoomed. */
export const SCALE = 2;

let canvas: Canvas | null = null;

function sharedCanvas(): Canvas {
  if (!canvas) {
    Chart.register(...registerables);
    GlobalFonts.registerFromPath(FONT_FILES.regular, "Arial");
    GlobalFonts.registerFromPath(FONT_FILES.bold, "Arial");
    canvas = createCanvas(1, 1);
  }
  return canvas;
}

export type ChartImage = {
  png: Buffer;
  /** CSS pixels: the size the image is laid out at. */
  width: number;
  height: number;
  title: string;
  /** The accessible name, used as the image's alt text. */
  alt: string;
};

export function chartImage(spec: ChartSpec): ChartImage {
  const target = sharedCanvas();
  target.width = spec.width;
  target.height = spec.height;
  const context = target.getContext("2d");
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, spec.width, spec.height);
  const config = {
    ...spec.config,
    options: {
      ...spec.config.options,
      responsive: false,
      animation: false as const,
      devicePixelRatio: SCALE,
      plugins: {
        ...spec.config.options?.plugins,
        tooltip: { enabled: false },
        // A white ground: a transparent PNG is black in some Word viewers.
      },
    },
    plugins: [...(spec.config.plugins ?? []), whiteGround],
  };
  // chart.js takes any object with getContext as its canvas.
  const chart = new Chart(target as unknown as HTMLCanvasElement, config as never);
  try {
    return {
      png: target.toBuffer("image/png"),
      width: spec.width,
      height: spec.height,
      title: spec.title,
      alt: spec.label,
    };
  } finally {
    chart.destroy();
  }
}

const whiteGround = {
  id: "whiteGround",
  beforeDraw(chart: Chart) {
    const ctx = chart.ctx;
    ctx.save();
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

/** A figure's picture as PNG bytes: a chart drawn now, or the PNG it already is. */
export function figurePicture(image: FigureImage): Uint8Array {
  return image.kind === "chart" ? chartImage(image.spec).png : image.png;
}
