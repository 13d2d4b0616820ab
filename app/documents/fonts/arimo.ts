import fs from "node:fs";
import { createRequire } from "node:module";
import { woffToSfnt } from "./woff";

/**
 * Arimo, metrically compatible with Arial (the NHS fallback to Frutiger),
 * shipped inside the npm package @fontsource/arimo, so nothing is fetched at
 * run time: the one font of every PDF and of the chart images drawn for
 * documents. The .woff files, not .woff2: fontkit drew .woff2 as invisible
 * text. They are unwrapped to TrueType once per process (woff.ts). Only the
 * latin subset: characters outside it draw as a blank box.
 */
const require = createRequire(import.meta.url);

// Registered under their PostScript names: pdfkit caches a font by the name it is asked for only
// when that is the font's own name, and otherwise parses the font file again on every switch.
export const fonts = {
  regular: { name: "Arimo-Regular", file: "@fontsource/arimo/files/arimo-latin-400-normal.woff" },
  bold: { name: "Arimo-Bold", file: "@fontsource/arimo/files/arimo-latin-700-normal.woff" },
} as const;

export type FontWeight = keyof typeof fonts;

export function fontPath(weight: FontWeight): string {
  return require.resolve(fonts[weight].file);
}

const unwrapped = new Map<FontWeight, Buffer>();

/** The weight's TrueType bytes, read and unwrapped once per process. */
export function fontBytes(weight: FontWeight): Buffer {
  let bytes = unwrapped.get(weight);
  if (!bytes) {
    bytes = woffToSfnt(fs.readFileSync(fontPath(weight)));
    unwrapped.set(weight, bytes);
  }
  return bytes;
}

/** Registers both weights on a document under the names in `fonts`. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const weight of Object.keys(fonts) as FontWeight[]) {
    doc.registerFont(fonts[weight].name, fontBytes(weight));
  }
}
