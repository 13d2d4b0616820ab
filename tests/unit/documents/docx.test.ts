import { describe, expect, it } from "vitest";
import { coverageChart } from "~/charts/coverage";
import {
  chartFigure,
  contents,
  heading,
  list,
  pageBreak,
  paragraph,
  table,
} from "~/documents/blocks";
import { renderDocx } from "~/documents/docx/render-docx.server";
import { docxPart, docxParts, paragraphsOf, styled, textOf } from "../../support/docx";

/**
 * The one Word renderer, read back from the document's XML: the same block
 * model as the PDF, with the keep rule as keepNext, page breaks as a
 * property of the next paragraph, tables whose header row repeats and whose
 * rows do not split, figures with alt text, and the marking and furniture in
 * the page header and footer.
 */

const columns = [
  { header: "Column A", width: 1 },
  { header: "Column B", width: 3 },
];
const spec = coverageChart({
  periodLabel: "May 2026",
  rows: [{ componentId: "1.1", title: "Widening access", returns: 4, fulfilled: 3 }],
});

async function word() {
  const bytes = await renderDocx({
    meta: { title: "A Word test document", subject: "Testing", language: "en-GB" },
    orientation: "landscape",
    furniture: { header: "Blackpool, May 2026", footer: "The running footer", cover: true },
    marking: "Demonstration data: invented figures",
    blocks: [
      heading(1, "The cover"),
      pageBreak(),
      contents(),
      pageBreak(),
      heading(2, "A section", true),
      paragraph("A short introduction."),
      table({ caption: "A caption", columns, rows: [["Row one", "First line\nSecond line"]] }),
      heading(3, "A figure"),
      chartFigure(spec, { caption: "The chart's figures", columns, rows: [["1.1", "3 of 4"]] }),
      list(["A point"]),
      table({ columns, rows: [["Last", "row"]] }),
    ],
  });
  return { bytes, xml: docxPart(bytes) };
}

describe("the Word renderer", () => {
  it("writes Word's heading styles, keeps each heading and its introduction with what follows, and turns page breaks into the next paragraph's", async () => {
    const { xml } = await word();
    expect(styled(xml, "Heading1")).toEqual(["The cover"]);
    expect(styled(xml, "Heading2")).toEqual(["Contents", "A section"]);
    expect(styled(xml, "Heading3")).toEqual(["A figure"]);
    const paragraphs = paragraphsOf(xml);
    // Not the contents field's entries, which hold the headings' words too.
    const named = (text: string) =>
      paragraphs.find((p) => textOf(p) === text && !p.includes('<w:pStyle w:val="TOC'))!;
    for (const kept of ["A section", "A short introduction.", "A figure", "A caption"]) {
      expect(named(kept), kept).toContain("<w:keepNext/>");
    }
    expect(named("A point")).not.toContain("<w:keepNext/>");
    // No paragraph of its own for a break: one pushed past a full page left a blank page.
    expect(xml).not.toContain('<w:br w:type="page"/>');
    expect(named("Contents")).toContain("<w:pageBreakBefore/>");
    expect(named("A section")).toContain("<w:pageBreakBefore/>");
    expect(xml.match(/<w:pageBreakBefore\/>/g)).toHaveLength(2);
    expect(xml).toContain('w:orient="landscape"');
    // A document may not end on a table.
    expect(xml).toMatch(/<\/w:tbl><w:p\/><w:sectPr>/);
  });

  it("repeats each table's header row, never splits a row, and gives the figure its alt text", async () => {
    const { xml } = await word();
    const tables = xml.match(/<w:tbl>/g) ?? [];
    expect(tables).toHaveLength(3);
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(3);
    expect(xml.match(/<w:cantSplit\/>/g)).toHaveLength(6);
    const drawings = [...xml.matchAll(/<wp:docPr [^>]*>/g)].map((m) => m[0]);
    expect(drawings).toHaveLength(1);
    expect(drawings[0]).toContain(`descr="${spec.label}"`);
    // A cell's lines are paragraphs of their own.
    const cells = [...xml.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => paragraphsOf(m[0]));
    expect(cells.find((c) => textOf(c[0]!) === "First line")!.map(textOf)).toEqual([
      "First line",
      "Second line",
    ]);
  });

  it("puts the marking on every page, the running header and footer with page numbers after the cover, in British English", async () => {
    const { bytes } = await word();
    const parts = docxParts(bytes);
    const headers = parts
      .filter((p) => /^word\/header\d+\.xml$/.test(p))
      .map((p) => docxPart(bytes, p));
    const footers = parts
      .filter((p) => /^word\/footer\d+\.xml$/.test(p))
      .map((p) => docxPart(bytes, p));
    expect(headers).toHaveLength(2);
    for (const h of headers) expect(textOf(h)).toContain("Demonstration data: invented figures");
    expect(headers.filter((h) => textOf(h).includes("Blackpool, May 2026"))).toHaveLength(1);
    expect(footers.map(textOf).sort()).toEqual(["", "The running footerPage  of "]);
    expect(footers.join("")).toMatch(/PAGE[\s\S]*NUMPAGES/);
    expect(docxPart(bytes)).toContain("<w:titlePg/>");
    expect(docxPart(bytes, "word/styles.xml")).toContain('<w:lang w:val="en-GB"/>');
    expect(docxPart(bytes, "docProps/core.xml")).toContain(
      "<dc:title>A Word test document</dc:title>",
    );
  });
});
