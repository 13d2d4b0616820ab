import type { ChartSpec } from "~/charts/spec";
import type { ChartImage } from "../chart-image.server";
import type { DocumentContent } from "../blocks";
import { type PdfFonts, TaggedPdf } from "./tagged-pdf";

/**
 * Draws a document's blocks as a tagged PDF: headings as H1 to H3 (and in
 * the bookmarks), a contents list filled in once the pages are known, each
 * chart as a Figure with its accessible name as alt text followed by its
 * figures as a table, and "Page n of m" on every page after the cover.
 */
export async function renderPdf(
  content: DocumentContent,
  args: {
    fonts: PdfFonts;
    draw: (spec: ChartSpec) => ChartImage;
    /** Called after each block, for progress. */
    onBlock?: (done: number, total: number) => void;
  },
): Promise<Buffer> {
  const pdf = new TaggedPdf({
    title: content.title,
    subject: content.subject,
    lang: "en-GB",
    fonts: args.fonts,
  });
  const doc = pdf.doc;
  const entries: Array<{ text: string; page: number; destination: string }> = [];
  let contents: { element: PDFKit.PDFStructureElement; pageIndex: number } | null = null;

  content.blocks.forEach((block, index) => {
    switch (block.type) {
      case "heading": {
        if (block.contents) {
          pdf.keepRoom(120);
          const destination = `section-${entries.length + 1}`;
          doc.addNamedDestination(destination);
          entries.push({ text: block.text, page: pdf.pageNumber, destination });
          doc.outline.addItem(block.text);
        }
        pdf.heading(block.level, block.text);
        break;
      }
      case "paragraph":
        pdf.paragraph(block.text, {
          bold: block.emphasis === "lead",
          size: block.emphasis === "lead" ? 14 : 11,
        });
        break;
      case "bullets":
        pdf.bullets(block.items);
        break;
      case "table":
        pdf.table(block.table);
        break;
      case "chart": {
        const image = args.draw(block.spec);
        // The chart's message stays on the page with its chart.
        pdf.keepRoom(40 + (image.height * Math.min(pdf.width, image.width)) / image.width);
        pdf.paragraph(block.spec.title, { bold: true });
        pdf.figure({ png: image.png, alt: image.alt, width: image.width, height: image.height });
        pdf.table(block.table);
        break;
      }
      case "contents":
        pdf.heading(2, "Contents");
        contents = { element: pdf.placeholder("TOC"), pageIndex: pdf.pageNumber - 1 };
        break;
      case "pageBreak":
        pdf.newPage();
        break;
    }
    args.onBlock?.(index + 1, content.blocks.length);
  });

  const toc = contents as { element: PDFKit.PDFStructureElement; pageIndex: number } | null;
  if (toc) writeContents(pdf, toc, entries);
  pdf.numberPages((page, pages) => `${content.title}. Page ${page} of ${pages}`);
  return pdf.finish();
}

function writeContents(
  pdf: TaggedPdf,
  toc: { element: PDFKit.PDFStructureElement; pageIndex: number },
  entries: ReadonlyArray<{ text: string; page: number; destination: string }>,
) {
  const doc = pdf.doc;
  doc.switchToPage(toc.pageIndex);
  doc.y = doc.page.margins.top + 50;
  const left = doc.page.margins.left;
  for (const entry of entries) {
    const y = doc.y;
    const item = pdf.element("TOCI", () => {
      doc
        .font("Body")
        .fontSize(12)
        .fillColor("#005eb8")
        .text(entry.text, left, y, { width: pdf.width - 60, goTo: entry.destination, underline: true });
      doc
        .fillColor("#212b32")
        .text(`Page ${entry.page}`, left + pdf.width - 60, y, { width: 60, align: "right" });
    });
    toc.element.add(item);
    doc.y = y + 24;
  }
  toc.element.end();
}
