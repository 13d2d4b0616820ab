import type { ChartSpec } from "~/charts/spec";

/**
 * Every document the app writes (the annual report, the reporting sheet, a
 * past submission, and whatever comes next) is this: metadata, page
 * furniture, an optional marking, and an ordered list of blocks. Pure data:
 * a document is laid out once, in words, and one PDF renderer
 * (./pdf/render-pdf.server.ts) and one Word renderer
 * (./docx/render-docx.server.ts) draw it, so the two formats cannot drift
 * apart. The layout rules (a heading kept with what follows it, a figure
 * with its title, a table's header row repeated) live in the renderers, not
 * here: a writer only says what comes next. ADR 033.
 */

export type HeadingLevel = 1 | 2 | 3;

export type TableColumn = {
  header: string;
  /** A share of the text width; the shares need not add up to 1. */
  width: number;
};

/**
 * A table. The renderers repeat its header row at the top of every page it
 * runs on to, and never break a row's cells across a page (a row moves
 * whole to the next page; only a row taller than a page is broken, between
 * lines, in the PDF).
 */
export type Table = {
  /** Printed above the table, in bold, and tagged as its caption. */
  caption?: string;
  columns: TableColumn[];
  /** Cell text; "\n" starts a new line within a cell. */
  rows: string[][];
  /** The first cell of each row names the row (a row header, in bold). */
  rowHeaders?: boolean;
};

/** A figure's picture: a chart drawn from the dashboards' own configuration, or a ready PNG. */
export type FigureImage =
  | { kind: "chart"; spec: ChartSpec }
  | { kind: "png"; png: Uint8Array; width: number; height: number };

export type Block =
  | {
      type: "heading";
      level: HeadingLevel;
      text: string;
      /** Listed in the contents block and the PDF's bookmarks. */
      contents?: boolean;
    }
  | {
      type: "paragraph";
      text: string;
      /** lead: larger and bold (a cover's opening); quiet: in the secondary colour. */
      emphasis?: "lead" | "quiet";
      /** Keep on the same page as the start of the next block (an introduction to a chart or table). */
      keepWithNext?: boolean;
    }
  | { type: "list"; items: string[]; keepWithNext?: boolean }
  | { type: "table"; table: Table }
  | {
      type: "figure";
      /** The message, printed above the picture and kept on its page. */
      title: string;
      /** What the picture shows, for those who cannot see it. */
      alt: string;
      image: FigureImage;
      /** The figures drawn, as a table after the picture. */
      table: Table;
    }
  /** The contents: every heading marked `contents`, with its page number. */
  | { type: "contents" }
  | { type: "pageBreak" };

export type DocumentMeta = {
  /** The file's title, shown in the reader's title bar. */
  title: string;
  subject?: string;
  author?: string;
  /** BCP 47; "en-GB" unless said otherwise. */
  language?: string;
};

export type PageFurniture = {
  /** A running header at the top of every page, e.g. whose sheet and which month. */
  header?: string;
  /** A running footer at the foot of every page, e.g. the title. */
  footer?: string;
  /** "Page n of m" at the foot of every page. On unless false. */
  pageNumbers?: boolean;
  /** The first page is a cover: no running header, footer or page number on it (the marking still is). */
  cover?: boolean;
};

export type DocumentModel = {
  meta: DocumentMeta;
  orientation?: "portrait" | "landscape";
  furniture?: PageFurniture;
  /** Printed prominently at the top of every page, e.g. "Demonstration data: invented figures". */
  marking?: string;
  blocks: Block[];
};

// Small constructors, so a document reads as a list of what it says.

export const heading = (level: HeadingLevel, text: string, contents?: boolean): Block => ({
  type: "heading",
  level,
  text,
  ...(contents ? { contents } : {}),
});

export const paragraph = (
  text: string,
  options: { emphasis?: "lead" | "quiet"; keepWithNext?: boolean } = {},
): Block => ({ type: "paragraph", text, ...options });

export const list = (items: string[], options: { keepWithNext?: boolean } = {}): Block => ({
  type: "list",
  items,
  ...options,
});

export const table = (t: Table): Block => ({ type: "table", table: t });

/** A dashboard chart as a figure: its message as the title, its accessible name as the alt text. */
export const chartFigure = (spec: ChartSpec, data: Table): Block => ({
  type: "figure",
  title: spec.title,
  alt: spec.label,
  image: { kind: "chart", spec },
  table: data,
});

export const contents = (): Block => ({ type: "contents" });
export const pageBreak = (): Block => ({ type: "pageBreak" });
