import type { Block, HeadingLevel } from "../blocks";
import { ink, sizes } from "../style";
import {
  atPageTop,
  contentWidth,
  type Laid,
  pageBottom,
  pageNumber,
  struct,
  type TaggedPdf,
} from "./document";
import { drawLines, lineHeight, setFont, type Weight, wrapLines } from "./lines";

/** Headings, paragraphs and lists, each measured as lines before it is drawn. */

type Element = PDFKit.PDFStructureElement;

/**
 * Draws `lines` from the current position, going on to new pages between
 * lines, never leaving a single line alone at a page's foot or head. Each
 * page's share is drawn by `piece` (which tags it) at the y it is given.
 */
export function flowLines(
  doc: PDFKit.PDFDocument,
  lines: readonly string[],
  height: number,
  piece: (part: readonly string[], y: number, ends: boolean) => void,
): void {
  let from = 0;
  while (from < lines.length) {
    const rest = lines.length - from;
    let fit = Math.floor((pageBottom(doc) - doc.y + 0.01) / height);
    if (fit < rest && rest - fit < 2) fit = rest - 2;
    if (fit < rest && fit < 2 && !atPageTop(doc)) {
      doc.addPage();
      continue;
    }
    const take = Math.max(1, Math.min(rest, fit));
    const y = doc.y;
    piece(lines.slice(from, from + take), y, from + take >= lines.length);
    // pdfkit moves the cursor as it writes; the lines end where they were measured to.
    doc.y = y + take * height;
    from += take;
    if (from < lines.length) doc.addPage();
  }
}

function measured(pdf: TaggedPdf, text: string, weight: Weight, size: number, width: number) {
  setFont(pdf.doc, weight, size);
  return { lines: wrapLines(pdf.doc, text, width), height: lineHeight(pdf.doc) };
}

function paint(doc: PDFKit.PDFDocument, weight: Weight, size: number, colour: string) {
  setFont(doc, weight, size);
  doc.fillColor(colour);
}

export function layHeading(pdf: TaggedPdf, block: Extract<Block, { type: "heading" }>): Laid {
  const { doc } = pdf;
  const size = sizes.heading[block.level];
  const width = contentWidth(doc);
  const { lines, height } = measured(pdf, block.text, "bold", size, width);
  const total = lines.length * height;
  return {
    gap: block.level === 1 ? size * 0.6 : size * 0.9,
    start: total,
    height: total,
    draw: () => {
      if (block.contents) listInContents(pdf, block.text);
      const y = doc.y;
      pdf.root.add(
        struct(doc, `H${block.level satisfies HeadingLevel}`, {}, () => {
          paint(doc, "bold", size, ink.text);
          drawLines(doc, lines, doc.page.margins.left, y, { lineHeight: height });
        }),
      );
      doc.y = y + total;
    },
  };
}

/** A heading listed in the contents: a bookmark, a place to jump to, and its page. */
function listInContents(pdf: TaggedPdf, text: string) {
  const destination = `section-${pdf.entries.length + 1}`;
  pdf.doc.addNamedDestination(destination);
  pdf.doc.outline.addItem(text);
  pdf.entries.push({ text, page: pageNumber(pdf.doc), destination });
}

export function layParagraph(pdf: TaggedPdf, block: Extract<Block, { type: "paragraph" }>): Laid {
  const { doc } = pdf;
  const lead = block.emphasis === "lead";
  const weight: Weight = lead ? "bold" : "regular";
  const size = lead ? sizes.lead : sizes.body;
  const colour = block.emphasis === "quiet" ? ink.secondary : ink.text;
  const { lines, height } = measured(pdf, block.text, weight, size, contentWidth(doc));
  return {
    gap: sizes.body * 0.5,
    start: Math.min(lines.length, 2) * height,
    height: lines.length * height,
    draw: () => {
      const p = struct(doc, "P");
      pdf.root.add(p);
      flowLines(doc, lines, height, (part, y, ends) => {
        p.add(() => {
          paint(doc, weight, size, colour);
          drawLines(doc, part, doc.page.margins.left, y, { lineHeight: height, ends });
        });
      });
      p.end();
    },
  };
}

const INDENT = 14;
const ITEM_GAP = 2;

/** A bulleted list: L, LI, Lbl (the bullet, which a screen reader announces) and LBody. */
export function layList(pdf: TaggedPdf, block: Extract<Block, { type: "list" }>): Laid {
  const { doc } = pdf;
  const width = contentWidth(doc) - INDENT;
  const items = block.items.map((item) => measured(pdf, item, "regular", sizes.body, width));
  const heights = items.map((i) => i.lines.length * i.height);
  return {
    gap: sizes.body * 0.5,
    start: items.length ? Math.min(items[0]!.lines.length, 2) * items[0]!.height : 0,
    height: heights.reduce((a, b) => a + b, 0) + ITEM_GAP * Math.max(0, items.length - 1),
    draw: () => {
      const list = struct(doc, "L");
      pdf.root.add(list);
      items.forEach(({ lines, height }, i) => {
        if (i > 0) doc.y += ITEM_GAP;
        const li = struct(doc, "LI");
        list.add(li);
        let body: Element | null = null;
        flowLines(doc, lines, height, (part, y, ends) => {
          const left = doc.page.margins.left;
          if (!body) {
            li.add(
              struct(doc, "Lbl", {}, () => {
                paint(doc, "regular", sizes.body, ink.text);
                doc.text("•", left + 3, y, { lineBreak: false });
              }),
            );
            body = struct(doc, "LBody");
            li.add(body);
          }
          body.add(() => {
            paint(doc, "regular", sizes.body, ink.text);
            drawLines(doc, part, left + INDENT, y, { lineHeight: height, ends });
          });
        });
        li.end();
      });
      list.end();
    },
  };
}
