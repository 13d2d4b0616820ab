import {
  BorderStyle,
  type IParagraphOptions,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { columnWidths } from "../column-widths.server";
import type { Table as TableBlock } from "../blocks";
import { CELL_PADDING, ink, sizes } from "../style";
import { half, hex, twips } from "./units";

const padding = twips(CELL_PADDING);
/** Rules under each row only, as in the PDF. */
const rule = { style: BorderStyle.SINGLE, size: 4, color: hex(ink.rule) };
const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const borders = {
  top: none,
  left: none,
  right: none,
  bottom: rule,
  insideHorizontal: rule,
  insideVertical: none,
};

/**
 * A table in Word: its caption kept with it, its header row repeated on
 * every page (tableHeader), no row split across pages (cantSplit), column
 * widths as the PDF's (fixed, so Word does not re-fit them), row headers in bold. `opening` goes
 * on the paragraph before it (its caption, or an empty one where it needs one).
 */
export function wordTable(
  t: TableBlock,
  opening: IParagraphOptions,
  textWidthPt: number,
): Array<Paragraph | Table> {
  // The PDF's widths, in twips: a header word is never broken inside (column-widths.server.ts).
  const widths = columnWidths(t, textWidthPt).map((w) => twips(w));
  const row = (cells: readonly string[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map(
        (cell, i) =>
          new TableCell({
            width: { size: widths[i] ?? 0, type: WidthType.DXA },
            shading: header ? { fill: hex(ink.headerFill) } : undefined,
            margins: { top: padding, bottom: padding, left: padding, right: padding },
            children: cell.split("\n").map(
              (line) =>
                new Paragraph({
                  children: [
                    new TextRun({
                      text: line,
                      bold: header || (t.rowHeaders === true && i === 0),
                      size: half(sizes.table),
                    }),
                  ],
                }),
            ),
          }),
      ),
    });
  const lead = t.caption
    ? [
        new Paragraph({
          ...opening,
          keepNext: true,
          children: [new TextRun({ text: t.caption, bold: true, size: half(sizes.table) })],
        }),
      ]
    : Object.keys(opening).length
      ? [new Paragraph({ ...opening, keepNext: true })]
      : [];
  return [
    ...lead,
    new Table({
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders,
      rows: [
        row(
          t.columns.map((c) => c.header),
          true,
        ),
        ...t.rows.map((cells) => row(cells, false)),
      ],
    }),
  ];
}
