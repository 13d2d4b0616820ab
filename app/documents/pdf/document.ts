import PDFDocument from "pdfkit";
import type { DocumentModel } from "../blocks";
import { fontBytes, fonts, registerFonts } from "../fonts/arimo";
import { ink, page, sizes } from "../style";
import { fitLine, setFont } from "./lines";

type Element = PDFKit.PDFStructureElement;
type Children = (() => void) | Element[];
export type StructOptions = {
  alt?: string;
  scope?: "Column" | "Row";
  bbox?: number[];
  placement?: "Block" | "Inline";
};

/** An open tagged PDF: the pdfkit document and the Document element everything hangs from. */
export type TaggedPdf = {
  doc: PDFKit.PDFDocument;
  root: Element;
  model: DocumentModel;
  /** The finished file's bytes, once `finishPdf` has ended it. */
  bytes: Promise<Buffer>;
  /** The headings listed in the contents, with their pages, as they are drawn. */
  entries: Array<{ text: string; page: number; destination: string }>;
  /** Where the contents' entries go, once the pages are known (contents.ts). */
  toc?: { element: Element; page: number; y: number };
};

/** A block measured before it is drawn, so the layout rules can look ahead. */
export type Laid = {
  /** Space above it, dropped at the top of a page. */
  gap: number;
  /** The height it needs at a page's foot to begin there: all of it where it may not break. */
  start: number;
  /** Its whole height in one piece. */
  height: number;
  /** Draws it from the current position, going on to new pages where it may break. */
  draw: () => void;
};

/** pdfkit 0.20's struct(): @types/pdfkit 0.17 predates the options it takes (scope, bbox, placement). */
export function struct(
  doc: PDFKit.PDFDocument,
  type: string,
  options?: StructOptions,
  children?: Children,
): Element {
  const make = doc.struct as unknown as (t: string, o?: StructOptions, c?: Children) => Element;
  return make.call(doc, type, options ?? {}, children);
}

/** Marks what is drawn only for the eye (rules, fills, repeated headers), so assistive technology skips it. */
export function artifact(doc: PDFKit.PDFDocument, draw: () => void, type?: "Pagination"): void {
  doc.markContent("Artifact", type ? { type } : undefined);
  draw();
  doc.endMarkedContent();
}

export const contentWidth = (doc: PDFKit.PDFDocument) =>
  doc.page.width - doc.page.margins.left - doc.page.margins.right;
export const pageBottom = (doc: PDFKit.PDFDocument) => doc.page.height - doc.page.margins.bottom;
export const pageTop = (doc: PDFKit.PDFDocument) => doc.page.margins.top;
/** Nothing drawn on this page yet (but its furniture). */
export const atPageTop = (doc: PDFKit.PDFDocument) => doc.y <= pageTop(doc) + 0.5;
/** The height a page holds between its margins. */
export const pageRoom = (doc: PDFKit.PDFDocument) => pageBottom(doc) - pageTop(doc);
/** The page now being written, counting from 1. */
export const pageNumber = (doc: PDFKit.PDFDocument) => {
  const range = doc.bufferedPageRange();
  return range.start + range.count;
};

/** Where the furniture sits, in points from the page's top and foot. */
const MARKING_TOP = 16;
const MARKING_HEIGHT = 15;
const FOOT = 38;

/**
 * A tagged, accessible PDF (PDF/UA's basics): a structure tree under one
 * Document element, the language, the title shown in the window's title bar
 * (DisplayDocTitle), Arimo embedded, PDF/UA-1 declared. Pages are buffered so
 * `finishPdf` can number them once the count is known.
 */
export function openPdf(model: DocumentModel): TaggedPdf {
  const { meta } = model;
  const doc = new PDFDocument({
    size: "A4",
    layout: model.orientation ?? "portrait",
    margins: { ...page.margins },
    tagged: true,
    pdfVersion: "1.7",
    lang: meta.language ?? "en-GB",
    displayTitle: true,
    // Declares PDF/UA-1 in the XMP metadata: what accessibility checkers look for first.
    subset: "PDF/UA" as unknown as PDFKit.Mixins.PDFSubsets, // @types/pdfkit 0.17 lacks it
    bufferPages: true,
    // The first font is ours, so pdfkit never reaches for its built-in Helvetica.
    font: fontBytes("regular") as unknown as string,
    info: {
      Title: meta.title,
      Subject: meta.subject ?? meta.title,
      ...(meta.author ? { Author: meta.author } : {}),
      Creator: "Anchor Charter",
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  registerFonts(doc);
  doc.font(fonts.regular.name).fontSize(sizes.body).fillColor(ink.text);
  const root = struct(doc, "Document");
  doc.addStructure(root);
  const pdf: TaggedPdf = { doc, root, model, bytes, entries: [] };
  // The first page's marking is content, read first; on later pages it is furniture.
  if (model.marking) drawMarking(pdf, true);
  // Drawing the marking moved the pen to its line: the page's content starts below the furniture.
  doc.x = doc.page.margins.left;
  doc.y = doc.page.margins.top;
  return pdf;
}

function drawMarking({ doc, root, model }: TaggedPdf, tagged: boolean) {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  setFont(doc, "bold", sizes.furniture);
  const text = fitLine(doc, model.marking!, width - 8);
  const draw = () =>
    doc
      .fillColor(ink.text)
      .text(text, left, MARKING_TOP + 3.5, { width, align: "center", lineBreak: false });
  artifact(doc, () => doc.rect(left, MARKING_TOP, width, MARKING_HEIGHT).fill(ink.marking));
  if (tagged) root.add(struct(doc, "P", {}, draw));
  else artifact(doc, draw, "Pagination");
  setFont(doc, "regular", sizes.body);
  doc.fillColor(ink.text);
}

const NUMBER_WIDTH = 90;

function drawFurniture(pdf: TaggedPdf, index: number, count: number) {
  const { doc, model } = pdf;
  const furniture = model.furniture ?? {};
  if (model.marking && index > 0) drawMarking(pdf, false);
  if (furniture.cover && index === 0) return;
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const numbers = furniture.pageNumbers !== false;
  const footY = doc.page.height - FOOT;
  artifact(
    doc,
    () => {
      setFont(doc, "regular", sizes.furniture);
      doc.fillColor(ink.secondary);
      const line = (text: string, y: number, w: number, align: "left" | "right" = "left") =>
        doc.text(fitLine(doc, text, w), align === "left" ? left : left + width - w, y, {
          width: w,
          align,
          lineBreak: false,
        });
      const headerY = model.marking ? MARKING_TOP + MARKING_HEIGHT + 6 : MARKING_TOP + 4;
      if (furniture.header) line(furniture.header, headerY, width);
      if (furniture.footer) line(furniture.footer, footY, numbers ? width - NUMBER_WIDTH : width);
      if (numbers) line(`Page ${index + 1} of ${count}`, footY, NUMBER_WIDTH, "right");
    },
    "Pagination",
  );
}

/**
 * Draws the furniture on every page (the marking, running header and footer,
 * "Page n of m": artifacts, so a screen reader does not read them on every
 * page), closes the structure tree and ends the file.
 */
export function finishPdf(pdf: TaggedPdf): Promise<Buffer> {
  const { doc, root } = pdf;
  root.end();
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { margins } = doc.page;
    const bottom = margins.bottom;
    // Writing inside the bottom margin would otherwise start a new page.
    margins.bottom = 0;
    drawFurniture(pdf, i - range.start, range.count);
    margins.bottom = bottom;
  }
  doc.flushPages();
  doc.end();
  return pdf.bytes;
}
