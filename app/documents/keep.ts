import type { Block } from "./blocks";

/**
 * Which block is kept on the same page as the start of the one after it: the
 * one rule both renderers apply (the PDF by measuring, Word through
 * keepNext), so a writer never has to remember it.
 *
 * - a heading, always: no heading is the last thing on a page;
 * - a heading's short introduction (a paragraph of a sentence or two right
 *   after a heading): otherwise the heading and its first line stand at a
 *   page's foot, away from the chart or table they introduce;
 * - a paragraph or list its writer marked `keepWithNext`.
 */
export const INTRODUCTION_CHARACTERS = 240;

export function keptWithNext(blocks: readonly Block[], i: number): boolean {
  const block = blocks[i];
  const next = blocks[i + 1];
  if (!block || !next || next.type === "pageBreak") return false;
  if (block.type === "heading") return true;
  if (block.type === "list") return block.keepWithNext === true;
  if (block.type !== "paragraph") return false;
  if (block.keepWithNext) return true;
  return (
    blocks[i - 1]?.type === "heading" &&
    block.text.length <= INTRODUCTION_CHARACTERS &&
    next.type !== "heading"
  );
}
