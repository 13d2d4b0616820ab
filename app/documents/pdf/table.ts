import type { Table } from "../blocks";
import { columnWidths } from "../column-widths.server";
import { CELL_PADDING as PAD, ink, sizes } from "../style";
import {
  artifact,
  atPageTop,
  contentWidth,
  type Laid,
  pageBottom,
  pageTop,
  struct,
  type TaggedPdf,
} from "./document";
import { drawLines, lineHeight, setFont, type Weight, wrapLines } from "./lines";

type Element = PDFKit.PDFStructureElement;

/**
 * A table tagged as Table, Caption, THead and TBody, TR, TH (scoped to its
 * column, or to its row for a row header) and TD. The header row repeats at
 * the top of every page the table runs on to (as an artifact there, so it
 * is read once); a row is moved whole to the next page when it fits on one,
 * and broken between lines only when it is taller than a page, its name
 * repeated there. The caption and header row never sit alone at a page's foot.
 */
export function layTable(pdf: TaggedPdf, t: Table): Laid {
  const { doc } = pdf;
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const widths = columnWidths(t, width);
  const x = widths.map((_, i) => left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const isRowHeader = (i: number) => t.rowHeaders === true && i === 0;
  const wrap = (text: string, i: number, weight: Weight) => {
    setFont(doc, weight, sizes.table);
    return wrapLines(doc, text, widths[i]! - 2 * PAD);
  };
  setFont(doc, "regular", sizes.table);
  const line = lineHeight(doc);
  const headerLines = t.columns.map((c, i) => wrap(c.header, i, "bold"));
  const headerHeight = Math.max(...headerLines.map((l) => l.length)) * line + 2 * PAD;
  const rows = t.rows.map((row) =>
    row.map((text, i) => wrap(text, i, isRowHeader(i) ? "bold" : "regular")),
  );
  setFont(doc, "bold", sizes.table);
  const caption = t.caption ? wrapLines(doc, t.caption, width) : [];
  const captionHeight = caption.length * lineHeight(doc) + (caption.length ? 3 : 0);
  const rowHeight = (cells: string[][]) => Math.max(1, ...cells.map((c) => c.length)) * line;
  const firstRow = rows[0] ? Math.min(rowHeight(rows[0]), 3 * line) + 2 * PAD : 0;
  const start = captionHeight + headerHeight + firstRow;

  const draw = () => {
    const bottom = () => pageBottom(doc);
    const tableElem = struct(doc, "Table");
    pdf.root.add(tableElem);
    if (caption.length) {
      const y = doc.y;
      tableElem.add(
        struct(doc, "Caption", {}, () => {
          setFont(doc, "bold", sizes.table);
          doc.fillColor(ink.text);
          drawLines(doc, caption, left, y, { lineHeight: lineHeight(doc) });
        }),
      );
      doc.y = y + captionHeight;
    }
    const drawHeader = (into: Element | null) => {
      const y = doc.y;
      artifact(doc, () => doc.rect(left, y, width, headerHeight).fill(ink.headerFill));
      const paintCell = (i: number) => () => {
        setFont(doc, "bold", sizes.table);
        doc.fillColor(ink.text);
        drawLines(doc, headerLines[i]!, x[i]! + PAD, y + PAD, { lineHeight: line });
      };
      if (into) {
        const tr = struct(doc, "TR");
        into.add(tr);
        t.columns.forEach((_, i) => tr.add(struct(doc, "TH", { scope: "Column" }, paintCell(i))));
        tr.end();
      } else {
        artifact(doc, () => t.columns.forEach((_, i) => paintCell(i)()));
      }
      doc.y = y + headerHeight;
    };
    // The header never sits alone at the foot of a page.
    if (doc.y + headerHeight + firstRow > bottom() && !atPageTop(doc)) doc.addPage();
    const head = struct(doc, "THead");
    tableElem.add(head);
    drawHeader(head);
    head.end();
    const body = struct(doc, "TBody");
    tableElem.add(body);
    const freshRoom = Math.floor((bottom() - pageTop(doc) - headerHeight - 2 * PAD) / line);
    for (const cells of rows) {
      const tr = struct(doc, "TR");
      body.add(tr);
      const elems = cells.map((_, i) =>
        isRowHeader(i) ? struct(doc, "TH", { scope: "Row" }) : struct(doc, "TD"),
      );
      elems.forEach((e) => tr.add(e));
      const height = Math.max(1, ...cells.map((l) => l.length));
      const room = () => Math.floor((bottom() - doc.y - 2 * PAD) / line);
      let from = 0;
      while (from < height) {
        const remaining = height - from;
        // Move a row whole when it fits on a fresh page; break a taller one where the page ends.
        if (room() < Math.min(remaining, freshRoom) || room() < 1) {
          doc.addPage();
          drawHeader(null);
        }
        const take = Math.min(remaining, room());
        const y = doc.y;
        const chunkHeight = take * line + 2 * PAD;
        if (from > 0 && t.rowHeaders && (cells[0]?.length ?? 0) <= from) {
          // The row runs on from the last page: name it again, read once (an artifact).
          setFont(doc, "bold", sizes.table);
          doc.fillColor(ink.secondary);
          const again = wrapLines(doc, `${cells[0]?.[0] ?? ""} (continued)`, widths[0]! - 2 * PAD);
          artifact(doc, () =>
            drawLines(doc, again.slice(0, take), x[0]! + PAD, y + PAD, { lineHeight: line }),
          );
        }
        cells.forEach((lines, i) => {
          const part = lines.slice(from, from + take);
          if (!part.some((l) => l !== "")) return;
          elems[i]!.add(() => {
            setFont(doc, isRowHeader(i) ? "bold" : "regular", sizes.table);
            doc.fillColor(ink.text);
            drawLines(doc, part, x[i]! + PAD, y + PAD, {
              lineHeight: line,
              ends: from + take >= lines.length,
            });
          });
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
    body.end();
    tableElem.end();
    doc.x = left;
  };

  const height =
    captionHeight + headerHeight + rows.reduce((h, r) => h + rowHeight(r) + 2 * PAD, 0);
  return { gap: sizes.body * 0.8, start, height, draw };
}
