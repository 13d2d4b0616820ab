import { fonts } from "../fonts/arimo";

/**
 * Text as lines the renderer lays out itself, measured before anything is
 * drawn: that is what lets it keep a heading with what follows, move a table
 * row whole to the next page, or split a paragraph between lines without
 * leaving one alone. pdfkit's own flowing text decides where pages break for
 * itself, so none of it is used.
 */

export type Weight = "regular" | "bold";

export function setFont(doc: PDFKit.PDFDocument, weight: Weight, size: number): void {
  doc.font(fonts[weight].name).fontSize(size);
}

/** Each word's width, per font and size: tables repeat their words a great deal. */
const widths = new WeakMap<PDFKit.PDFDocument, Map<string, number>>();

function widthOf(doc: PDFKit.PDFDocument, text: string): number {
  let cache = widths.get(doc);
  if (!cache) {
    cache = new Map();
    widths.set(doc, cache);
  }
  // pdfkit keeps the current font's name and size on the document.
  const { _font, _fontSize } = doc as unknown as { _font: { name: string }; _fontSize: number };
  const key = `${_font.name}|${_fontSize}|${text}`;
  let width = cache.get(key);
  if (width === undefined) {
    width = doc.widthOfString(text);
    cache.set(key, width);
  }
  return width;
}

/** Cuts a word wider than `width` into pieces that fit, between characters. */
function breakWord(doc: PDFKit.PDFDocument, word: string, width: number): string[] {
  const pieces: string[] = [];
  let rest = word;
  while (rest.length > 1 && widthOf(doc, rest) > width) {
    let low = 1;
    let high = rest.length - 1;
    // The longest head that still fits (at least one character, so this always ends).
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (doc.widthOfString(rest.slice(0, mid)) <= width) low = mid;
      else high = mid - 1;
    }
    pieces.push(rest.slice(0, low));
    rest = rest.slice(low);
  }
  pieces.push(rest);
  return pieces;
}

/**
 * Greedy word wrap in the current font: "\n" starts a new line, a word wider
 * than the width is broken between characters.
 */
export function wrapLines(doc: PDFKit.PDFDocument, text: string, width: number): string[] {
  const lines: string[] = [];
  const space = widthOf(doc, " ");
  for (const paragraph of text.split(/\r?\n/)) {
    const words = paragraph.split(/\s+/).filter(Boolean);
    let line = "";
    let lineWidth = 0;
    for (const word of words) {
      const wordWidth = widthOf(doc, word);
      if (line && lineWidth + space + wordWidth <= width) {
        line = `${line} ${word}`;
        lineWidth += space + wordWidth;
        continue;
      }
      if (line) lines.push(line);
      const pieces = wordWidth > width ? breakWord(doc, word, width) : [word];
      lines.push(...pieces.slice(0, -1));
      line = pieces.at(-1)!;
      lineWidth = widthOf(doc, line);
    }
    lines.push(line);
  }
  return lines;
}

/** The distance from one line to the next in the current font. */
export const lineHeight = (doc: PDFKit.PDFDocument) => doc.currentLineHeight(true);

/**
 * Draws lines one under another from (x, y); nothing flows or breaks a page.
 * Each line but the text's last keeps the space it was wrapped at, so that
 * what a screen reader or a copy takes from the tagged text reads on
 * ("Foundation Trust", not "FoundationTrust"). `ends: false` says the text
 * goes on after these lines (on the next page).
 */
export function drawLines(
  doc: PDFKit.PDFDocument,
  lines: readonly string[],
  x: number,
  y: number,
  options: {
    lineHeight: number;
    width?: number;
    align?: "left" | "right" | "center";
    ends?: boolean;
  },
): void {
  const last = options.ends === false ? lines.length : lines.length - 1;
  lines.forEach((line, i) => {
    doc.text(i < last ? `${line} ` : line, x, y + i * options.lineHeight, {
      lineBreak: false,
      ...(options.width ? { width: options.width, align: options.align ?? "left" } : {}),
    });
  });
}

/** One line cut to `width` with an ellipsis where it is longer (page furniture). */
export function fitLine(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (widthOf(doc, text) <= width) return text;
  let cut = text.length;
  while (cut > 1 && doc.widthOfString(`${text.slice(0, cut)}…`) > width) cut--;
  return `${text.slice(0, cut).trimEnd()}…`;
}
