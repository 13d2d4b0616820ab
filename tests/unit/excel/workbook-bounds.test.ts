import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { WORKBOOK_LIMITS, workbookBoundsProblem } from "~/excel/workbook-bounds.server";

/** A workbook's parts as a zip, the sheet's rows and the book as given. */
function workbook(parts: { sheet?: string; book?: string; strings?: string }) {
  const text = (s: string) => new TextEncoder().encode(s);
  return zipSync({
    "[Content_Types].xml": text("<Types/>"),
    "xl/workbook.xml": text(`<workbook><sheets/>${parts.book ?? ""}</workbook>`),
    "xl/worksheets/sheet1.xml": text(
      `<worksheet><dimension ref="A1:G17"/><sheetData>${parts.sheet ?? ""}</sheetData></worksheet>`,
    ),
    "xl/sharedStrings.xml": text(`<sst>${parts.strings ?? ""}</sst>`),
  });
}
const row = (r: number, cells = `<c r="A${r}"><v>1</v></c>`) => `<row r="${r}">${cells}</row>`;
const rows = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => row(from + i)).join("");

describe("a workbook's bounds, counted while it is unpacked", () => {
  it("lets a template-sized workbook through, up to the last row and column allowed", () => {
    const lastColumn = "AZ";
    expect(WORKBOOK_LIMITS.columns).toBe(52);
    expect(
      workbookBoundsProblem(
        workbook({
          sheet:
            rows(1, 20) +
            row(WORKBOOK_LIMITS.rows, `<c r="${lastColumn}${WORKBOOK_LIMITS.rows}"/>`),
          book: '<definedNames><definedName name="_xlnm.Print_Titles">Components!$1:$1</definedName></definedNames>',
          strings: "<si><t>Fulfilled</t></si>",
        }),
      ),
    ).toBeNull();
  });

  it.each([
    ["a row past the last", row(WORKBOOK_LIMITS.rows + 1), /row numbered 1,001/],
    [
      "a cell past the last row, in a row that says otherwise",
      row(5, '<c r="B2000"/>'),
      /row numbered 2,000/,
    ],
    [
      "rows without numbers, past the last",
      "<row><c/></row>".repeat(WORKBOOK_LIMITS.rows + 1),
      /row numbered 1,001/,
    ],
    ["the same row, over and over", row(3).repeat(WORKBOOK_LIMITS.rows + 1), /more than 1000 rows/],
    ["a column past the last", row(2, '<c r="BA2"/>'), /column BA/],
    [
      "a merge over a whole column",
      `${row(1)}</sheetData><mergeCells><mergeCell ref="A:A"/></mergeCells><sheetData>`,
      /1,048,576/,
    ],
    [
      "a validation over a long range",
      `</sheetData><dataValidations><dataValidation sqref="D2 H2:H5000"/></dataValidations><sheetData>`,
      /row numbered 5,000/,
    ],
    [
      "a reference with dollars and quotes",
      `</sheetData><hyperlinks><hyperlink ref='$A$70000'/></hyperlinks><sheetData>`,
      /row numbered 70,000/,
    ],
  ])("refuses %s", (_what, sheet, message) => {
    expect(workbookBoundsProblem(workbook({ sheet }))).toMatch(message);
  });

  it("refuses a defined name over a long range, and more cells or strings than any template", () => {
    expect(
      workbookBoundsProblem(
        workbook({
          book: "<definedNames><definedName name=\"x\">'My sheet'!$A$1:$C$9000</definedName></definedNames>",
        }),
      ),
    ).toMatch(/row numbered 9,000/);
    const cells = Array.from(
      { length: 21 },
      (_, i) => `<c r="${String.fromCharCode(65 + i)}1"/>`,
    ).join("");
    const wide = Array.from({ length: 1000 }, (_, r) =>
      row(r + 1, cells.replace(/1"/g, `${r + 1}"`)),
    ).join("");
    expect(workbookBoundsProblem(workbook({ sheet: wide }))).toMatch(/more than 20,000 cells/);
    expect(
      workbookBoundsProblem(workbook({ strings: "<si><t>x</t></si>".repeat(20_001) })),
    ).toMatch(/more than 20,000 pieces of text/);
  });

  it("finds a row number cut between two pieces of the unpacked stream", () => {
    // Long enough that the inflater hands the sheet over in several pieces.
    const padding = `<row r="1"><c r="A1" t="inlineStr"><is><t>${"x".repeat(300_000)}</t></is></c></row>`;
    expect(workbookBoundsProblem(workbook({ sheet: padding + row(123_456) }))).toMatch(
      /row numbered 123,456/,
    );
  });
});
