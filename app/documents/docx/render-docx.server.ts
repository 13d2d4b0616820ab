import { Document, Packer, PageOrientation, Paragraph, Table } from "docx";
import type { DocumentModel } from "../blocks";
import { keptWithNext } from "../keep";
import { ink, page, sizes, WORD_FONT } from "../style";
import { wordBlock, type WordChild } from "./blocks";
import { wordFurniture } from "./furniture";
import { half, hex, twips, TWIPS_PER_PIXEL } from "./units";

/**
 * The one Word renderer: any document's blocks as an editable Word document
 * (ADR 033). Headings in Word's own Heading 1 to 3 styles (the navigation
 * pane and the contents field work), tables whose header row repeats and
 * whose rows do not split, figures as images with alt text and their table,
 * the marking and running header at the top of every page, the footer and
 * "Page n of m" at its foot, en-GB. Word lays out the pages itself: the keep
 * rule (../keep.ts) travels as keepNext, a page break as pageBreakBefore.
 * Word fills in the contents when the document is opened (updateFields).
 */

export async function renderDocx(
  model: DocumentModel,
  options: { onBlock?: (done: number, total: number) => void } = {},
): Promise<Buffer> {
  const landscape = model.orientation === "landscape";
  const { margins } = page;
  const textTwips =
    twips(landscape ? page.height : page.width) - twips(margins.left + margins.right);
  const children: WordChild[] = [];
  let breakBefore = false;
  let afterTable = false;
  model.blocks.forEach((block, index) => {
    if (block.type === "pageBreak") {
      // A page break starts the next block on a new page; none before anything is drawn.
      breakBefore = children.length > 0;
    } else {
      const keep = keptWithNext(model.blocks, index);
      const textWidthPx = textTwips / TWIPS_PER_PIXEL;
      const textWidthPt = textTwips / 20;
      children.push(
        ...wordBlock(block, { keep, breakBefore, afterTable, textWidthPx, textWidthPt }),
      );
      breakBefore = false;
      afterTable = block.type === "table" || block.type === "figure";
    }
    options.onBlock?.(index + 1, model.blocks.length);
  });
  // Word wants a paragraph after a table that ends the document.
  if (children.at(-1) instanceof Table) children.push(new Paragraph({}));
  const heading = (level: 1 | 2 | 3) => ({
    run: { font: WORD_FONT, size: half(sizes.heading[level]), bold: true, color: hex(ink.text) },
    paragraph: { spacing: { before: level === 1 ? 0 : 240, after: 120 }, keepNext: true },
  });
  const furniture = wordFurniture(model, textTwips);
  const document = new Document({
    title: model.meta.title,
    subject: model.meta.subject ?? model.meta.title,
    description: model.meta.subject ?? model.meta.title,
    creator: model.meta.author ?? "Anchor Charter",
    features: { updateFields: true },
    styles: {
      default: {
        document: {
          run: {
            font: WORD_FONT,
            size: half(sizes.body),
            language: { value: model.meta.language ?? "en-GB" },
          },
        },
        heading1: heading(1),
        heading2: heading(2),
        heading3: heading(3),
      },
    },
    sections: [
      {
        properties: {
          titlePage: furniture.titlePage,
          page: {
            size: {
              width: twips(page.width),
              height: twips(page.height),
              orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: {
              top: twips(margins.top),
              bottom: twips(margins.bottom),
              left: twips(margins.left),
              right: twips(margins.right),
              header: twips(16),
              footer: twips(24),
            },
          },
        },
        headers: furniture.headers,
        footers: furniture.footers,
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
