import { describe, expect, it } from "vitest";
import { type DocumentModel, table } from "~/documents/blocks";
import { columnWidths } from "~/documents/column-widths.server";
import { renderDocx } from "~/documents/docx/render-docx.server";
import { renderPdf } from "~/documents/pdf/render-pdf.server";
import { docxPart } from "../../support/docx";
import { pdfText } from "../../support/pdf";

/**
 * A narrow column's header is never broken inside a word ("Component / s",
 * as the board paper printed it): the column is widened to its longest word
 * from the columns with room to spare, the same in the PDF and in Word.
 */
const narrow = table({
  caption: "Practice shared",
  columns: [
    { header: "Practice", width: 0.4 },
    { header: "Organisation", width: 0.3 },
    { header: "Components", width: 0.04 },
    { header: "Shared on", width: 0.26 },
  ],
  rows: [["A jobs fair every spring", "Morecambe Bay CCG", "1.1, 1.2", "1 March 2026"]],
});
const model: DocumentModel = { meta: { title: "Widths" }, blocks: [narrow] };

describe("a table's column widths", () => {
  it("give a narrow column room for its longest header word, taken from the others", () => {
    if (narrow.type !== "table") throw new Error("a table");
    const widths = columnWidths(narrow.table, 495);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(495, 6);
    // Shares alone would give it 20 points; "Components" in bold needs about 55.
    expect(widths[2]).toBeGreaterThan(50);
    expect(widths[0]! / widths[3]!).toBeGreaterThan(1);
  });

  it("keep the word whole in the PDF", async () => {
    const text = await pdfText(await renderPdf(model));
    expect(text).toContain("Components");
    expect(text).not.toMatch(/Component s\b|Compone nts|Comp onents/);
  });

  it("are the PDF's in Word, fixed, so Word does not break the word either", async () => {
    const xml = docxPart(await renderDocx(model));
    const grid = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    const expected = columnWidths(
      (narrow as { table: Parameters<typeof columnWidths>[0] }).table,
      495.28,
    ).map((w) => Math.round(w * 20));
    expect(grid).toHaveLength(4);
    grid.forEach((w, i) => expect(Math.abs(w - expected[i]!)).toBeLessThanOrEqual(1));
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
  });
});
