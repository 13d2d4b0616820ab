/**
 * The documents' look, once for both renderers: NHS.UK colours and one type
 * scale in points (Word counts half-points: double them there). Arimo in
 * the PDF and the chart images, Arial (the same metrics) in Word.
 */
export const ink = {
  text: "#212b32",
  secondary: "#4c6272",
  rule: "#aeb7bd",
  headerFill: "#e8edee",
  link: "#005eb8",
  /** NHS warm yellow behind the marking, so it cannot be missed on any page. */
  marking: "#ffb81c",
} as const;

export const sizes = {
  heading: { 1: 20, 2: 15, 3: 12.5 },
  lead: 14,
  body: 10.5,
  table: 9.5,
  furniture: 8.5,
} as const;

/** A4 and its margins in points, for both renderers, so a table's columns wrap alike in each. */
export const page = {
  width: 595.28,
  height: 841.89,
  margins: { top: 58, bottom: 58, left: 50, right: 50 },
} as const;

/** The space between a table cell's rule and its text, in points. */
export const CELL_PADDING = 4;

/** The font family Word is told to use. */
export const WORD_FONT = "Arial";
