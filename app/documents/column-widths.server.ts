import PDFDocument from "pdfkit";
import type { Table } from "./blocks";
import { fonts, registerFonts } from "./fonts/arimo";
import { CELL_PADDING, sizes } from "./style";

/**
 * A table's column widths in points, the same for both renderers. A column
 * gets its share of the width, but never less than its longest word needs
 * (in the header, bold, or a cell): a header such as "Components" is never
 * broken inside the word ("Component / s") in the PDF or in Word. What a
 * narrow column needs is taken from the columns with room to spare, in
 * proportion to their spare room. When the words cannot all fit, the shares
 * stand (a word is then broken, as before: better than text off the page).
 */
export function columnWidths(t: Table, width: number): number[] {
  const total = t.columns.reduce((sum, c) => sum + c.width, 0) || 1;
  const natural = t.columns.map((c) => (c.width / total) * width);
  const pad = 2 * CELL_PADDING + 1;
  const least = t.columns.map((c, i) => {
    const header = longestWord(c.header, "bold") + pad;
    // A cell's word a little too wide is made room for; an address or a code far too wide is not.
    const cells = Math.max(
      0,
      ...t.rows.map(
        (row) =>
          longestWord(row[i] ?? "", t.rowHeaders === true && i === 0 ? "bold" : "regular") + pad,
      ),
    );
    return Math.min(width, Math.max(header, cells <= natural[i]! * 1.5 ? cells : 0));
  });
  if (least.reduce((a, b) => a + b, 0) > width) return natural;
  const deficit = natural.reduce((sum, w, i) => sum + Math.max(0, least[i]! - w), 0);
  if (deficit === 0) return natural;
  const spare = natural.map((w, i) => Math.max(0, w - least[i]!));
  const spareTotal = spare.reduce((a, b) => a + b, 0);
  return natural.map((w, i) =>
    w < least[i]! ? least[i]! : w - (deficit * spare[i]!) / spareTotal,
  );
}

let measurer: PDFKit.PDFDocument | null = null;
const cache = new Map<string, number>();

/** The widest word of a text in the tables' type size, measured with the documents' own font. */
function longestWord(text: string, weight: "regular" | "bold"): number {
  let widest = 0;
  for (const word of text.split(/\s+/)) {
    if (!word) continue;
    const key = `${weight}|${word}`;
    let w = cache.get(key);
    if (w === undefined) {
      // One unwritten pdfkit document per process measures words for both renderers.
      measurer ??= (() => {
        const doc = new PDFDocument({ autoFirstPage: false });
        registerFonts(doc);
        return doc;
      })();
      measurer.font(fonts[weight].name).fontSize(sizes.table);
      w = measurer.widthOfString(word);
      if (cache.size > 20_000) cache.clear();
      cache.set(key, w);
    }
    widest = Math.max(widest, w);
  }
  return widest;
}
