import { ink, sizes } from "../style";
import { contentWidth, type Laid, pageNumber, struct, type TaggedPdf } from "./document";
import { fitLine, setFont } from "./lines";
import { layHeading } from "./text";

const ENTRY = 24;
const PAGE_WIDTH = 60;

/**
 * The contents: a "Contents" heading and a TOC element holding a TOCI per
 * heading marked `contents`, each a link to its place and its page number.
 * The pages are known only once everything is drawn, so the room is kept
 * now and the entries written at the end (`writeContents`).
 */
export function layContents(pdf: TaggedPdf, entries: number): Laid {
  const heading = layHeading(pdf, { type: "heading", level: 2, text: "Contents" });
  const list = entries * ENTRY;
  return {
    gap: heading.gap,
    start: heading.height + list,
    height: heading.height + list,
    draw: () => {
      heading.draw();
      const toc = struct(pdf.doc, "TOC");
      pdf.root.add(toc);
      pdf.toc = { element: toc, page: pageNumber(pdf.doc) - 1, y: pdf.doc.y + 8 };
      pdf.doc.y += 8 + list;
    },
  };
}

/** Fills the contents kept by `layContents` with the headings as they fell on the pages. */
export function writeContents(pdf: TaggedPdf): void {
  const { doc, toc } = pdf;
  if (!toc) return;
  doc.switchToPage(toc.page);
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  pdf.entries.forEach((entry, i) => {
    const y = toc.y + i * ENTRY;
    toc.element.add(
      struct(doc, "TOCI", {}, () => {
        setFont(doc, "regular", sizes.body + 1);
        const text = fitLine(doc, entry.text, width - PAGE_WIDTH - 8);
        doc.fillColor(ink.link).text(text, left, y, {
          goTo: entry.destination,
          underline: true,
          lineBreak: false,
        });
        doc.fillColor(ink.text).text(`Page ${entry.page}`, left + width - PAGE_WIDTH, y, {
          width: PAGE_WIDTH,
          align: "right",
          lineBreak: false,
        });
      }),
    );
  });
  toc.element.end();
}
