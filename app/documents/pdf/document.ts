import PDFDocument from "pdfkit";
import { fontBytes, fonts, registerFonts } from "./fonts";

export type TaggedPdf = {
  doc: PDFKit.PDFDocument;
  /** The Document structure element every heading, paragraph and table hangs from. */
  root: PDFKit.PDFStructureElement;
};

/**
 * A tagged, accessible PDF (PDF/UA's basics): a structure tree under one
 * Document element, the language, the title shown in the window's title bar
 * (DisplayDocTitle), Arimo embedded. Pages are buffered so `finishPdf` can
 * number them "Page n of m" once the count is known.
 */
export function createTaggedPdf(args: {
  title: string;
  subject?: string;
  author?: string;
  layout?: "portrait" | "landscape";
  lang?: string;
}): TaggedPdf {
  const doc = new PDFDocument({
    size: "A4",
    layout: args.layout ?? "portrait",
    margins: { top: 48, bottom: 56, left: 48, right: 48 },
    tagged: true,
    pdfVersion: "1.7",
    lang: args.lang ?? "en-GB",
    displayTitle: true,
    // Declares PDF/UA-1 in the XMP metadata: what accessibility checkers look for first.
    subset: "PDF/UA" as unknown as PDFKit.Mixins.PDFSubsets, // @types/pdfkit 0.17 lacks it
    bufferPages: true,
    // The first font is ours, so pdfkit never reaches for its built-in Helvetica.
    font: fontBytes("regular") as unknown as string,
    info: {
      Title: args.title,
      ...(args.subject ? { Subject: args.subject } : {}),
      ...(args.author ? { Author: args.author } : {}),
      Creator: "Anchor Charter",
    },
  });
  registerFonts(doc);
  doc.font(fonts.regular.name);
  const root = doc.struct("Document");
  doc.addStructure(root);
  return { doc, root };
}

/**
 * Numbers every page (marked as a pagination artifact, so screen readers do not
 * read it as content), closes the structure tree and ends the document.
 */
export function finishPdf({ doc, root }: TaggedPdf): void {
  root.end();
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { margins } = doc.page;
    const bottom = margins.bottom;
    // Writing inside the bottom margin would otherwise start a new page.
    margins.bottom = 0;
    doc.markContent("Artifact", { type: "Pagination" });
    doc
      .font(fonts.regular.name)
      .fontSize(9)
      .fillColor("#4c6272")
      .text(`Page ${i + 1} of ${range.count}`, margins.left, doc.page.height - bottom + 20, {
        width: doc.page.width - margins.left - margins.right,
        align: "right",
        lineBreak: false,
      });
    doc.endMarkedContent();
    margins.bottom = bottom;
  }
  doc.flushPages();
  doc.end();
}
