import type { TaggedPdf } from "./document";
import { fonts } from "./fonts";
import { ink } from "./blocks";

export type TableColumn = {
  header: string;
  /** A share of the content width; the shares need not add up to 1. */
  share: number;
};

/** A cell's text: "\n" starts a new line. */
export type TableRow = readonly string[];

const PAD = 4;

/**
 * Greedy word wrap, measured with the current font: the table lays out its own
 * lines so it can break a row too tall for a page and repeat the header row.
 * A word wider than the cell (an address, say) is broken between characters.
 */
export function wrapLines(doc: PDFKit.PDFDocument, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (doc.widthOfString(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = "";
      let rest = word;
      while (doc.widthOfString(rest) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && doc.widthOfString(rest.slice(0, cut)) > width) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

type Layout = { x: number[]; widths: number[]; lineHeight: number };

function artifact(doc: PDFKit.PDFDocument, draw: () => void) {
  doc.markContent("Artifact");
  draw();
  doc.endMarkedContent();
}

/** Gives a header cell its scope, so a screen reader announces it with each cell. */
function scoped(elem: PDFKit.PDFStructureElement, scope: "Column" | "Row") {
  // pdfkit writes plain strings as PDF names: /O /Table /Scope /Column.
  (elem as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.A = {
    O: "Table",
    Scope: scope,
  };
  return elem;
}

function drawLines(
  doc: PDFKit.PDFDocument,
  lines: readonly string[],
  x: number,
  y: number,
  l: Layout,
) {
  lines.forEach((line, i) => {
    doc.text(line, x + PAD, y + PAD + i * l.lineHeight, { lineBreak: false });
  });
}

/**
 * A table tagged as Table, TR, TH (with scope) and TD. The header row repeats
 * at the top of every page the table continues on (as an artifact there, so
 * it is read once); a row is moved whole to the next page when it fits on
 * one, and broken between lines only when it is taller than a page.
 */
export function table(
  pdf: TaggedPdf,
  args: {
    columns: readonly TableColumn[];
    rows: readonly TableRow[];
    /** The first cell of each row names the row (a TH with row scope). */
    rowHeaders?: boolean;
    fontSize?: number;
  },
): void {
  const { doc } = pdf;
  const fontSize = args.fontSize ?? 9;
  doc.fontSize(fontSize);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const total = args.columns.reduce((sum, c) => sum + c.share, 0);
  const widths = args.columns.map((c) => (c.share / total) * width);
  const x = widths.map((_, i) => left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const layout: Layout = { x, widths, lineHeight: doc.currentLineHeight(true) };
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const wrap = (text: string, i: number, bold: boolean) => {
    doc.font(bold ? fonts.bold.name : fonts.regular.name);
    return wrapLines(doc, text, widths[i]! - 2 * PAD);
  };
  const headerLines = args.columns.map((c, i) => wrap(c.header, i, true));
  const headerHeight = Math.max(...headerLines.map((l) => l.length)) * layout.lineHeight + 2 * PAD;

  const tableElem = doc.struct("Table");
  pdf.root.add(tableElem);

  const drawHeader = (tagged: boolean) => {
    const y = doc.y;
    artifact(doc, () => {
      doc.rect(left, y, width, headerHeight).fill(ink.header);
    });
    doc.fillColor(ink.text).font(fonts.bold.name);
    if (tagged) {
      const tr = doc.struct("TR");
      tableElem.add(tr);
      headerLines.forEach((lines, i) => {
        tr.add(
          scoped(
            doc.struct("TH", {}, () => drawLines(doc, lines, x[i]!, y, layout)),
            "Column",
          ),
        );
      });
      tr.end();
    } else {
      artifact(doc, () =>
        headerLines.forEach((lines, i) => drawLines(doc, lines, x[i]!, y, layout)),
      );
    }
    doc.y = y + headerHeight;
  };

  const firstRow = args.rows[0]?.map((t, i) => wrap(t, i, args.rowHeaders === true && i === 0));
  const firstHeight = firstRow ? Math.max(...firstRow.map((l) => l.length)) * layout.lineHeight : 0;
  // The header never sits alone at the foot of a page.
  if (doc.y + headerHeight + Math.min(firstHeight, 3 * layout.lineHeight) + 2 * PAD > bottom()) {
    doc.addPage();
  }
  drawHeader(true);

  for (const row of args.rows) {
    const cells = row.map((text, i) => wrap(text, i, args.rowHeaders === true && i === 0));
    const tr = doc.struct("TR");
    tableElem.add(tr);
    const elems = cells.map((_, i) =>
      args.rowHeaders && i === 0 ? scoped(doc.struct("TH"), "Row") : doc.struct("TD"),
    );
    elems.forEach((e) => tr.add(e));
    let from = 0;
    const height = Math.max(1, ...cells.map((l) => l.length));
    const pageRoom = () => Math.floor((bottom() - doc.y - 2 * PAD) / layout.lineHeight);
    const freshPageRoom = Math.floor(
      (bottom() - doc.page.margins.top - headerHeight - 2 * PAD) / layout.lineHeight,
    );
    while (from < height) {
      const remaining = height - from;
      // Move a row whole when it fits on a fresh page; break a taller one where the page ends.
      if (pageRoom() < Math.min(remaining, freshPageRoom) || pageRoom() < 1) {
        doc.addPage();
        drawHeader(false);
      }
      const take = Math.min(remaining, pageRoom());
      const y = doc.y;
      const chunkHeight = take * layout.lineHeight + 2 * PAD;
      if (from > 0 && args.rowHeaders && (cells[0]?.length ?? 0) <= from) {
        // The row runs on from the last page: name it again, read once (an artifact).
        doc.font(fonts.bold.name).fillColor(ink.secondary);
        const again = `${cells[0]?.[0] ?? ""} (continued)`;
        artifact(doc, () =>
          drawLines(
            doc,
            wrapLines(doc, again, widths[0]! - 2 * PAD).slice(0, take),
            x[0]!,
            y,
            layout,
          ),
        );
      }
      cells.forEach((lines, i) => {
        const part = lines.slice(from, from + take);
        if (!part.some((l) => l !== "")) return;
        doc.font(args.rowHeaders && i === 0 ? fonts.bold.name : fonts.regular.name);
        doc.fillColor(ink.text);
        elems[i]!.add(() => drawLines(doc, part, x[i]!, y, layout));
      });
      artifact(doc, () => {
        doc.lineWidth(0.5).strokeColor(ink.rule);
        doc
          .moveTo(left, y + chunkHeight)
          .lineTo(left + width, y + chunkHeight)
          .stroke();
      });
      doc.y = y + chunkHeight;
      from += take;
    }
    elems.forEach((e) => e.end());
    tr.end();
  }
  tableElem.end();
  doc.x = left;
  doc.moveDown(0.6);
}
