/**
 * Colours for the readers' charts, after the Government Analysis Function's
 * guidance: a sequential blue scale for the ordered levels (lightest for the
 * lowest), never metallic colours, and every bar outlined in a colour with
 * at least 3:1 contrast against white (WCAG 1.4.11). Colour never carries a
 * meaning alone: every chart also labels its bars, lines or segments in text.
 */

/** Text and outlines: NHS.UK's text colour and its dark grey. */
export const INK = "#212b32";
export const GREY_OUTLINE = "#4c6272";
export const BLUE_OUTLINE = "#12436d";

/** One colour for a chart with one series. */
export const SINGLE = "#2073bc";

type Swatch = { fill: string; outline: string; text: string };

/** The buckets of a "levels held" count that are not levels: greys, lightest first. */
const notALevel: Record<string, Swatch> = {
  no_return: { fill: "#ffffff", outline: GREY_OUTLINE, text: INK },
  not_submitted: { fill: "#e8edee", outline: GREY_OUTLINE, text: INK },
  no_level: { fill: "#aeb7bd", outline: GREY_OUTLINE, text: INK },
};

/** The sequential scale, light to dark, handed out to the charter's levels in their order. */
const sequential: Swatch[] = [
  { fill: "#c1dbf3", outline: BLUE_OUTLINE, text: INK },
  { fill: "#6bace6", outline: BLUE_OUTLINE, text: INK },
  { fill: "#2073bc", outline: BLUE_OUTLINE, text: "#ffffff" },
  { fill: "#12436d", outline: BLUE_OUTLINE, text: "#ffffff" },
];

/**
 * A bucket's colours: greys for no return, not submitted and no level; the
 * blue scale for levels by their rank (levelIds in the charter's order).
 */
export function bucketSwatch(bucket: string, levelIds: readonly string[]): Swatch {
  const grey = notALevel[bucket];
  if (grey) return grey;
  const rank = levelIds.indexOf(bucket);
  // A charter with more levels than the scale shares the darkest shade, still labelled in text.
  return sequential[Math.min(Math.max(rank, 0), sequential.length - 1)]!;
}

/** Categorical colours (Analysis Function order) for places, each with its own point shape and dash. */
export const CATEGORICAL = ["#12436d", "#28a197", "#801650", "#f46a25", "#3d3d3d", "#a285d1"];
export const POINT_STYLES = ["circle", "rect", "triangle", "rectRot", "crossRot", "star"] as const;
export const DASHES: number[][] = [[], [8, 4], [2, 3], [10, 3, 2, 3], [4, 4], [1, 2]];

export const FONT_FAMILY = 'Frutiger W01, Arial, "Helvetica Neue", Helvetica, sans-serif';
