import type { ChartSpec } from "~/charts/spec";

/**
 * A document as an ordered list of blocks: the annual report is laid out
 * once, in words, and the PDF and Word renderers each draw the same blocks
 * in their own format, so the two documents cannot drift apart.
 */
export type Table = {
  caption: string;
  headers: string[];
  rows: string[][];
  /** Shares of the text width, one per column. */
  widths: number[];
};

export type Block =
  | { type: "heading"; level: 1 | 2 | 3; text: string; /** Listed in the contents. */ contents?: boolean }
  | { type: "paragraph"; text: string; emphasis?: "lead" | "quiet" }
  | { type: "bullets"; items: string[] }
  | { type: "table"; table: Table }
  | { type: "chart"; spec: ChartSpec; table: Table }
  | { type: "contents" }
  | { type: "pageBreak" };

export type DocumentContent = { title: string; subject: string; blocks: Block[] };
