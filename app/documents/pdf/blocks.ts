import { fonts } from "./fonts";
import type { TaggedPdf } from "./document";

export const ink = { text: "#212b32", secondary: "#4c6272", rule: "#d8dde0", header: "#f0f4f5" };

const headingSizes = { 1: 20, 2: 15, 3: 12 } as const;

/** Starts a new page unless `height` points still fit above the bottom margin. */
export function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function contentWidth(doc: PDFKit.PDFDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** An H1, H2 or H3, kept with at least `keepWith` points of what follows it. */
export function heading(pdf: TaggedPdf, level: 1 | 2 | 3, text: string, keepWith = 60): void {
  const { doc } = pdf;
  const size = headingSizes[level];
  doc.font(fonts.bold.name).fontSize(size);
  ensureSpace(doc, doc.heightOfString(text, { width: contentWidth(doc) }) + keepWith);
  doc.moveDown(level === 1 ? 0 : 0.6);
  pdf.root.add(
    doc.struct(`H${level}`, {}, () => {
      doc
        .fillColor(ink.text)
        .text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
    }),
  );
  doc.moveDown(0.3);
}

/** A paragraph, in the regular weight unless `bold`; long ones flow on to the next page. */
export function paragraph(
  pdf: TaggedPdf,
  text: string,
  options: { bold?: boolean; size?: number; color?: string } = {},
): void {
  const { doc } = pdf;
  doc.font(options.bold ? fonts.bold.name : fonts.regular.name).fontSize(options.size ?? 10);
  ensureSpace(doc, doc.currentLineHeight(true) * 2);
  pdf.root.add(
    doc.struct("P", {}, () => {
      doc
        .fillColor(options.color ?? ink.text)
        .text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
    }),
  );
  doc.moveDown(0.4);
}

/** A bulleted list (L, LI, LBody), each item one paragraph. */
export function bulletList(pdf: TaggedPdf, items: readonly string[]): void {
  const { doc } = pdf;
  doc.font(fonts.regular.name).fontSize(10).fillColor(ink.text);
  const list = doc.struct("L");
  pdf.root.add(list);
  for (const item of items) {
    ensureSpace(doc, doc.currentLineHeight(true) * 2);
    const li = doc.struct("LI");
    list.add(li);
    const y = doc.y;
    li.add(
      doc.struct("Lbl", {}, () => {
        doc.text("•", doc.page.margins.left + 4, y, { lineBreak: false });
      }),
    );
    li.add(
      doc.struct("LBody", {}, () => {
        doc.text(item, doc.page.margins.left + 16, y, { width: contentWidth(doc) - 16 });
      }),
    );
    li.end();
    doc.moveDown(0.2);
  }
  list.end();
  doc.moveDown(0.3);
}
