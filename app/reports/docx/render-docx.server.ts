import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { ChartSpec } from "~/charts/spec";
import type { Block, DocumentContent, Table as TableBlock } from "../blocks";
import type { ChartImage } from "../chart-image.server";

/**
 * Draws a document's blocks as an editable Word document: headings in
 * Word's own Heading 1 to 3 styles (so the navigation pane and the contents
 * field work), tables whose header row repeats on every page, each chart as
 * an image with its accessible name as alt text and its figures as a table,
 * and page numbers in the footer. Word fills in the contents when the
 * document is opened (updateFields).
 */

const headings = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
} as const;

/** Word measures images in pixels at 96 per inch: 624 px is the text width of A4 with 2.54 cm margins. */
const TEXT_WIDTH_PX = 624;

export async function renderDocx(
  content: DocumentContent,
  args: { draw: (spec: ChartSpec) => ChartImage; onBlock?: (done: number, total: number) => void },
): Promise<Buffer> {
  const children: Array<Paragraph | Table | TableOfContents> = [];
  content.blocks.forEach((block, index) => {
    children.push(...render(block, args.draw));
    args.onBlock?.(index + 1, content.blocks.length);
  });
  const document = new Document({
    title: content.title,
    subject: content.subject,
    description: content.subject,
    creator: "Anchor Charter",
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font: "Arial", size: 22, language: { value: "en-GB" } } },
      },
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    size: 18,
                    children: [`${content.title}. Page `, PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES],
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

function render(block: Block, draw: (spec: ChartSpec) => ChartImage): Array<Paragraph | Table | TableOfContents> {
  switch (block.type) {
    case "heading":
      return [new Paragraph({ text: block.text, heading: headings[block.level], keepNext: true })];
    case "paragraph":
      return [
        new Paragraph({
          spacing: { after: 120 },
          children: [
            new TextRun({
              text: block.text,
              bold: block.emphasis === "lead",
              size: block.emphasis === "lead" ? 28 : undefined,
            }),
          ],
        }),
      ];
    case "bullets":
      return block.items.map((item) => new Paragraph({ text: item, bullet: { level: 0 } }));
    case "table":
      return table(block.table);
    case "chart": {
      const image = draw(block.spec);
      const width = Math.min(TEXT_WIDTH_PX, image.width);
      return [
        new Paragraph({
          keepNext: true,
          children: [new TextRun({ text: block.spec.title, bold: true })],
        }),
        new Paragraph({
          keepNext: true,
          children: [
            new ImageRun({
              type: "png",
              data: image.png,
              transformation: { width, height: Math.round((image.height * width) / image.width) },
              altText: { name: block.spec.title, title: block.spec.title, description: image.alt },
            }),
          ],
        }),
        ...table(block.table),
      ];
    }
    case "contents":
      return [
        new Paragraph({ text: "Contents", heading: HeadingLevel.HEADING_2 }),
        new TableOfContents("Contents", { hyperlink: true, headingStyleRange: "2-2" }),
      ];
    case "pageBreak":
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

function table(t: TableBlock): Array<Paragraph | Table> {
  const row = (cells: readonly string[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map(
        (cell, i) =>
          new TableCell({
            width: { size: Math.round((t.widths[i] ?? 0) * 100), type: WidthType.PERCENTAGE },
            shading: header ? { fill: "E8EDEE" } : undefined,
            children: [new Paragraph({ children: [new TextRun({ text: cell, bold: header, size: 20 })] })],
          }),
      ),
    });
  return [
    new Paragraph({ keepNext: true, children: [new TextRun({ text: t.caption, bold: true, size: 20 })] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [row(t.headers, true), ...t.rows.map((cells) => row(cells, false))],
    }),
    new Paragraph({ text: "" }),
  ];
}
