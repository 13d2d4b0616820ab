import { describe, expect, it } from "vitest";
import { type Block, heading, list, paragraph, table } from "~/documents/blocks";
import { fontBytes } from "~/documents/fonts/arimo";
import { woffToSfnt } from "~/documents/fonts/woff";
import { openPdf } from "~/documents/pdf/document";
import { wrapLines } from "~/documents/pdf/lines";
import { renderPdf } from "~/documents/pdf/render-pdf.server";
import { pdfInfo, pdfSource, pdfText } from "../../support/pdf";

async function render(blocks: Block[], orientation?: "landscape"): Promise<Uint8Array> {
  return renderPdf({ meta: { title: "A tagged test document" }, orientation, blocks });
}

const columns = [
  { header: "Column A", width: 1 },
  { header: "Column B", width: 2 },
];

describe("the tagged-PDF primitives", () => {
  it("write a tagged document: structure tree, language, title shown, headings, lists and a table with scoped headers", async () => {
    const bytes = await render([
      heading(1, "The main heading"),
      paragraph("A paragraph of text."),
      heading(2, "A section"),
      list(["First point", "Second point"]),
      heading(3, "A table"),
      table({ columns, rows: [["Row one", "Its value"]], rowHeaders: true }),
    ]);
    const info = await pdfInfo(bytes);
    expect(info).toMatchObject({ Tagged: "yes", Title: "A tagged test document", Pages: "1" });
    const source = pdfSource(bytes);
    for (const key of [
      "/StructTreeRoot",
      "/Lang (en-GB)",
      "/MarkInfo",
      "/DisplayDocTitle true",
      "/S /Document",
      "/S /H1",
      "/S /H2",
      "/S /H3",
      "/S /P",
      "/S /L",
      "/S /LI",
      "/S /Table",
      "/S /TR",
      "/S /TH",
      "/S /TD",
      "/Scope /Column",
      "/Scope /Row",
    ]) {
      expect(source, key).toContain(key);
    }
    expect(source).toMatch(/\/BaseFont \/[A-Z]{6}\+Arimo/);
    const text = await pdfText(bytes);
    for (const words of [
      "The main heading",
      "A paragraph of text.",
      "Second point",
      "Its value",
      "Page 1 of 1",
    ]) {
      expect(text).toContain(words);
    }
  });

  it("repeat the table's header row on every page it continues on, and number every page", async () => {
    const rows = Array.from({ length: 90 }, (_, i) => [`Row ${i + 1}`, `Value ${i + 1}`]);
    const bytes = await render([table({ columns, rows })]);
    const pages = Number((await pdfInfo(bytes)).Pages);
    expect(pages).toBeGreaterThan(1);
    for (let page = 1; page <= pages; page++) {
      const text = await pdfText(bytes, { page });
      expect(text).toContain("Column A Column B");
      expect(text).toContain(`Page ${page} of ${pages}`);
    }
    const all = await pdfText(bytes);
    for (const row of rows) expect(all).toContain(`${row[0]} ${row[1]} `);
  });

  it("move a row whole to the next page, and break only a row taller than a page, losing nothing", async () => {
    const long = Array.from({ length: 1500 }, (_, i) => `word${i}`).join(" ");
    const bytes = await render(
      [
        table({
          columns,
          rows: [
            ["Short", "Short value"],
            ["Tall", long],
            ["After", "The end"],
          ],
          rowHeaders: true,
        }),
      ],
      "landscape",
    );
    expect(Number((await pdfInfo(bytes)).Pages)).toBeGreaterThan(1);
    const words = (await pdfText(bytes)).match(/word\d+/g) ?? [];
    expect(words).toEqual(Array.from({ length: 1500 }, (_, i) => `word${i}`));
    expect(await pdfText(bytes)).toContain("After The end");
    // It starts on a fresh page; where it runs on, its name is repeated for the eye.
    expect(await pdfText(bytes, { page: 2 })).toMatch(/^ ?Column A Column B Tall word0 /);
    expect(await pdfText(bytes, { page: 3 })).toContain("Tall (continued) word");
  });

  it("wrap text to a width, keeping line breaks and breaking a word wider than the cell", async () => {
    const pdf = openPdf({ meta: { title: "Measuring" }, blocks: [] });
    pdf.doc.fontSize(10);
    const lines = wrapLines(pdf.doc, `one two\nhttps://example.org/${"x".repeat(200)}`, 100);
    expect(lines[0]).toBe("one two");
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(pdf.doc.widthOfString(line)).toBeLessThanOrEqual(100);
    expect(lines.slice(1).join("")).toBe(`https://example.org/${"x".repeat(200)}`);
    expect(wrapLines(pdf.doc, "", 100)).toEqual([""]);
  });

  it("unwrap Arimo's WOFF into the TrueType font it carries, and refuse anything else", () => {
    const ttf = fontBytes("regular");
    expect(ttf.readUInt32BE(0)).toBe(0x00010000);
    const tables = Array.from({ length: ttf.readUInt16BE(4) }, (_, i) =>
      ttf.toString("latin1", 12 + i * 16, 16 + i * 16),
    );
    expect(tables).toEqual(expect.arrayContaining(["glyf", "head", "hmtx", "cmap", "loca"]));
    expect(() => woffToSfnt(Buffer.from("not a font at all, just text"))).toThrow(
      "Not a WOFF font",
    );
  });
});
