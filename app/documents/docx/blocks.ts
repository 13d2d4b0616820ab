import {
  HeadingLevel,
  ImageRun,
  type IParagraphOptions,
  Paragraph,
  type Table,
  TableOfContents,
  TextRun,
} from "docx";
import type { Block } from "../blocks";
import { figurePicture } from "../chart-image.server";
import { ink, sizes } from "../style";
import { wordTable } from "./table";
import { half, hex } from "./units";

export type WordChild = Paragraph | Table | TableOfContents;

/** Where a block falls: what the renderer knows of its neighbours. */
export type Place = {
  /** Kept on the page of the next block's start (../keep.ts). */
  keep: boolean;
  /** Starts a new page (a page break block came before it). */
  breakBefore: boolean;
  /** Follows a table, so it needs space above it. */
  afterTable: boolean;
  /** The text width in Word's pixels (96 to the inch), for images. */
  textWidthPx: number;
  /** The text width in points, for tables' columns (the PDF's widths). */
  textWidthPt: number;
};

const headings = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
} as const;

/**
 * The options of a block's first paragraph: a page break as a property of
 * the paragraph, not a paragraph of its own (which, pushed over a full page,
 * left a blank page behind), and space after a table.
 */
function opening(place: Place): IParagraphOptions {
  return {
    ...(place.breakBefore ? { pageBreakBefore: true } : {}),
    ...(place.afterTable ? { spacing: { before: 200 } } : {}),
  };
}

/** One block as Word paragraphs and tables. */
export function wordBlock(block: Block, place: Place): WordChild[] {
  const first = opening(place);
  switch (block.type) {
    case "heading":
      return [
        new Paragraph({
          ...first,
          text: block.text,
          heading: headings[block.level],
          keepNext: true,
        }),
      ];
    case "paragraph":
      return [
        new Paragraph({
          spacing: { after: 120, ...first.spacing },
          pageBreakBefore: first.pageBreakBefore,
          keepNext: place.keep,
          children: [
            new TextRun({
              text: block.text,
              bold: block.emphasis === "lead",
              size: block.emphasis === "lead" ? half(sizes.lead) : undefined,
              color: block.emphasis === "quiet" ? hex(ink.secondary) : undefined,
            }),
          ],
        }),
      ];
    case "list":
      return block.items.map(
        (item, i) =>
          new Paragraph({
            ...(i === 0 ? first : {}),
            text: item,
            bullet: { level: 0 },
            keepNext: place.keep,
          }),
      );
    case "table":
      return wordTable(block.table, first, place.textWidthPt);
    case "figure":
      return figure(block, place, first);
    case "contents":
      return [
        new Paragraph({ ...first, text: "Contents", heading: HeadingLevel.HEADING_2 }),
        new TableOfContents("Contents", { hyperlink: true, headingStyleRange: "2-2" }),
      ];
    case "pageBreak":
      // The renderer turns a page break into the next block's `breakBefore`.
      return [];
  }
}

/** The message kept with the picture (alt text from the block) and the picture with its table. */
function figure(
  block: Extract<Block, { type: "figure" }>,
  place: Place,
  first: IParagraphOptions,
): WordChild[] {
  const natural =
    block.image.kind === "chart"
      ? { width: block.image.spec.width, height: block.image.spec.height }
      : block.image;
  const width = Math.min(place.textWidthPx, natural.width);
  return [
    new Paragraph({
      ...first,
      keepNext: true,
      children: [new TextRun({ text: block.title, bold: true })],
    }),
    new Paragraph({
      keepNext: true,
      children: [
        new ImageRun({
          type: "png",
          data: figurePicture(block.image),
          transformation: {
            width: Math.round(width),
            height: Math.round((natural.height * width) / natural.width),
          },
          altText: { name: block.title, title: block.title, description: block.alt },
        }),
      ],
    }),
    ...wordTable(block.table, {}, place.textWidthPt),
  ];
}
