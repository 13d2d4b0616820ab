import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { coverageChart } from "~/charts/coverage";
import {
  type Block,
  chartFigure,
  type DocumentModel,
  heading,
  list,
  pageBreak,
  paragraph,
  table,
} from "~/documents/blocks";
import { keptWithNext } from "~/documents/keep";
import { renderPdf } from "~/documents/pdf/render-pdf.server";
import { makeTempDir } from "../../setup/temp";
import { pdfInfo, pdfSource, pdfText } from "../../support/pdf";

/**
 * The layout rules every document gets from the one PDF renderer: a
 * heading is never the last thing on a page, a heading and its short
 * introduction stand with what they introduce, a figure keeps its message,
 * picture and table together, no page is left empty, and the marking and
 * furniture are on every page.
 */

const pdf = (blocks: Block[], more: Partial<DocumentModel> = {}) =>
  renderPdf({ meta: { title: "Layout rules" }, blocks, ...more });

/** Each page's text, in the order drawn. */
async function pages(bytes: Uint8Array): Promise<string[]> {
  const count = Number((await pdfInfo(bytes)).Pages);
  return Promise.all(Array.from({ length: count }, (_, i) => pdfText(bytes, { page: i + 1 })));
}

/** Each page's text laid out in lines, as poppler sees them. */
function layoutPages(bytes: Uint8Array): string[] {
  const temp = makeTempDir("anchor-pdf-");
  try {
    const file = path.join(temp.dir, "document.pdf");
    fs.writeFileSync(file, bytes);
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).split("\f");
  } finally {
    temp.cleanup();
  }
}

const pageOf = (texts: readonly string[], words: string) =>
  texts.findIndex((text) => text.includes(words));

const filler = (lines: number) =>
  Array.from({ length: lines }, (_, i) => paragraph(`Filler paragraph ${i + 1}.`));

const columns = [
  { header: "Column A", width: 1 },
  { header: "Column B", width: 2 },
];
const rows = Array.from({ length: 6 }, (_, i) => [`Row ${i + 1}`, `Value ${i + 1}`]);

describe("the PDF renderer's layout rules", () => {
  it("never leaves a heading at a page's foot, wherever the page ends: it moves with its introduction and the table's start", async () => {
    let moved = 0;
    for (let before = 34; before <= 46; before += 1) {
      const texts = await pages(
        await pdf([
          ...filler(before),
          heading(2, "The section heading"),
          paragraph("A short introduction to the table."),
          table({ caption: "The table's caption", columns, rows }),
        ]),
      );
      const at = pageOf(texts, "The section heading");
      expect(at, `after ${before} paragraphs`).toBeGreaterThanOrEqual(0);
      expect(pageOf(texts, "A short introduction"), `after ${before}`).toBe(at);
      expect(pageOf(texts, "The table's caption Column A Column B Row 1"), `after ${before}`).toBe(
        at,
      );
      if (at > 0 && pageOf(texts, `Filler paragraph ${before}.`) === at - 1) moved++;
    }
    // The sweep did reach the page's foot: some headings had to move to the next page.
    expect(moved).toBeGreaterThan(0);
  }, 60_000);

  it("keeps a chain of headings together with the first lines of what follows", async () => {
    for (let before = 38; before <= 44; before += 1) {
      const texts = await pages(
        await pdf([
          ...filler(before),
          heading(2, "Outer heading"),
          heading(3, "Inner heading"),
          list(["First point of the list", "Second point"]),
        ]),
      );
      const at = pageOf(texts, "Outer heading");
      expect(pageOf(texts, "Inner heading"), `after ${before}`).toBe(at);
      expect(pageOf(texts, "First point of the list"), `after ${before}`).toBe(at);
    }
  }, 60_000);

  it("keeps a figure's message, its picture (tagged with alt text) and the start of its table on one page", async () => {
    const spec = coverageChart({
      periodLabel: "May 2026",
      rows: ["1.1", "1.2", "1.3"].map((id, i) => ({
        componentId: id,
        title: `Component ${id}`,
        returns: 4,
        fulfilled: i + 1,
      })),
    });
    const figure = chartFigure(spec, {
      caption: "Returns fulfilling each component",
      columns,
      rows: [["1.1", "1 of 4"]],
    });
    for (const before of [20, 26, 32]) {
      const bytes = await pdf([...filler(before), heading(3, "A domain"), figure]);
      const texts = await pages(bytes);
      const at = pageOf(texts, "A domain");
      expect(pageOf(texts, spec.title), `after ${before}`).toBe(at);
      expect(pageOf(texts, "Returns fulfilling each component"), `after ${before}`).toBe(at);
      const source = pdfSource(bytes);
      expect(source).toMatch(/\/S \/Figure[\s\S]{0,400}?\/Alt \(/);
      expect(source).toContain("/Placement /Block");
    }
  }, 60_000);

  it("splits a long paragraph between lines, never leaving one line alone at either end", async () => {
    const long = Array.from({ length: 120 }, (_, i) => `sentence${i} runs on here.`).join(" ");
    // 31 lines: a page holds 60, so these bring its last line, then its first, to the foot.
    let split = 0;
    for (const before of [28, 29, 30, 57, 58, 59]) {
      const lines = Array.from({ length: before }, (_, i) => `Filler line ${i + 1}.`);
      const bytes = await pdf([paragraph(lines.join("\n")), paragraph(long)]);
      const counts = layoutPages(bytes)
        .map((page) => page.split("\n").filter((line) => /sentence\d+/.test(line)).length)
        .filter((n) => n > 0);
      for (const n of counts) expect(n, `after ${before}: ${counts.join(", ")}`).toBeGreaterThan(1);
      if (counts.length > 1) split++;
      const words = (await pdfText(bytes)).match(/sentence\d+/g) ?? [];
      expect(words).toHaveLength(120);
    }
    expect(split).toBeGreaterThan(1);
  }, 60_000);

  it("drops a page break at the top of a page or at the end, so no page is left empty", async () => {
    const bytes = await pdf([
      pageBreak(),
      paragraph("On the first page."),
      pageBreak(),
      pageBreak(),
      paragraph("On the second page."),
      pageBreak(),
    ]);
    expect((await pdfInfo(bytes)).Pages).toBe("2");
    expect(await pdfText(bytes, { page: 2 })).toContain("On the second page.");
  });

  it("prints the marking on every page (read once, as content, on the first), the running header and footer, and page numbers after a cover", async () => {
    const marking = "Demonstration data: invented figures";
    const bytes = await pdf([heading(1, "Cover"), pageBreak(), ...filler(90)], {
      marking,
      furniture: { header: "Blackpool, May 2026", footer: "The running footer", cover: true },
    });
    const texts = await pages(bytes);
    expect(texts.length).toBeGreaterThan(2);
    for (const [i, text] of texts.entries()) {
      expect(text.split(marking).length - 1, `page ${i + 1}`).toBe(1);
      if (i === 0) {
        expect(text).not.toContain("Page 1 of");
        expect(text).not.toContain("The running footer");
        expect(text).not.toContain("Blackpool, May 2026");
      } else {
        expect(text).toContain(`Page ${i + 1} of ${texts.length}`);
        expect(text).toContain("The running footer");
        expect(text).toContain("Blackpool, May 2026");
      }
    }
    // In the structure tree the marking is the first paragraph, before the cover's heading.
    const temp = makeTempDir("anchor-pdf-");
    try {
      const file = path.join(temp.dir, "marked.pdf");
      fs.writeFileSync(file, bytes);
      const tree = execFileSync("pdfinfo", ["-struct-text", file], { encoding: "utf8" });
      expect(tree.indexOf(marking)).toBeGreaterThan(-1);
      expect(tree.indexOf(marking)).toBeLessThan(tree.indexOf('"Cover"'));
      expect(tree.split(marking).length - 1).toBe(1);
    } finally {
      temp.cleanup();
    }
  });
});

describe("which block is kept with the next", () => {
  const blocks: Block[] = [
    heading(2, "A heading"),
    paragraph("A short introduction."),
    table({ columns, rows }),
    paragraph("A paragraph after a table."),
    paragraph("Marked to stay with the list.", { keepWithNext: true }),
    list(["One"]),
    heading(3, "Before a page break"),
    pageBreak(),
    heading(3, "Then a long paragraph"),
    paragraph("x".repeat(400)),
    paragraph("The end."),
  ];

  it("a heading, a heading's short introduction and a block marked so; nothing before a page break", () => {
    expect(blocks.map((_, i) => keptWithNext(blocks, i))).toEqual([
      true,
      true,
      false,
      false,
      true,
      false,
      false,
      false,
      true,
      false,
      false,
    ]);
  });
});
