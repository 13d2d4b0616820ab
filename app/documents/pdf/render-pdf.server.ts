import type { Block, DocumentModel } from "../blocks";
import { keptWithNext } from "../keep";
import { layContents, writeContents } from "./contents";
import {
  atPageTop,
  finishPdf,
  type Laid,
  openPdf,
  pageBottom,
  pageRoom,
  type TaggedPdf,
} from "./document";
import { layFigure } from "./figure";
import { layTable } from "./table";
import { layHeading, layList, layParagraph } from "./text";

/**
 * The one PDF renderer: any document's blocks as a tagged PDF (ADR 033).
 * Every block is measured before it is drawn, and the layout rules live
 * here, once, for every document:
 *
 * - a block kept with the next (../keep.ts: a heading, its short
 *   introduction, a block marked `keepWithNext`) starts a page with the
 *   start of what follows it, in a chain, so no heading is ever the last
 *   thing on a page and a domain's heading stands with its chart;
 * - a figure's message, picture and the start of its table share a page;
 * - a table's caption and header row never stand alone at a page's foot,
 *   its header row repeats on every page, a row moves whole unless taller
 *   than a page;
 * - a paragraph or list item breaks between lines, never leaving one line
 *   alone at a page's foot or head;
 * - no page is left empty: a page break at the top of a page or at the end
 *   is dropped, and
 *   a run of kept blocks taller than a page is not moved (it could not fit
 *   anyway, and moving it would leave a near-empty page behind).
 */
export async function renderPdf(
  model: DocumentModel,
  options: { onBlock?: (done: number, total: number) => void } = {},
): Promise<Buffer> {
  const pdf = openPdf(model);
  const { doc } = pdf;
  const { blocks } = model;
  const entries = blocks.filter((b) => b.type === "heading" && b.contents).length;
  const laid = new Map<number, Laid>();
  const layOut = (i: number): Laid => {
    let l = laid.get(i);
    if (!l) {
      l = lay(pdf, blocks[i]!, entries);
      laid.set(i, l);
    }
    return l;
  };

  /** What must fit below the current position for block i to start here. */
  const need = (i: number): number => {
    const own = layOut(i);
    const next = blocks[i + 1];
    if (!keptWithNext(blocks, i) || !next) return own.start;
    const chain = own.height + layOut(i + 1).gap + need(i + 1);
    return chain <= pageRoom(doc) ? chain : own.start;
  };

  const last = blocks.findLastIndex((b) => b.type !== "pageBreak");
  blocks.forEach((block, i) => {
    if (block.type === "pageBreak") {
      if (!atPageTop(doc) && i < last) doc.addPage();
    } else {
      const l = layOut(i);
      const gap = atPageTop(doc) ? 0 : l.gap;
      if (!atPageTop(doc) && doc.y + gap + need(i) > pageBottom(doc)) doc.addPage();
      else doc.y += gap;
      l.draw();
    }
    laid.delete(i);
    options.onBlock?.(i + 1, blocks.length);
  });
  writeContents(pdf);
  return finishPdf(pdf);
}

function lay(pdf: TaggedPdf, block: Block, entries: number): Laid {
  switch (block.type) {
    case "heading":
      return layHeading(pdf, block);
    case "paragraph":
      return layParagraph(pdf, block);
    case "list":
      return layList(pdf, block);
    case "table":
      return layTable(pdf, block.table);
    case "figure":
      return layFigure(pdf, block);
    case "contents":
      return layContents(pdf, entries);
    case "pageBreak":
      return { gap: 0, start: 0, height: 0, draw: () => undefined };
  }
}
