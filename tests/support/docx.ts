import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { makeTempDir } from "../setup/temp";

/**
 * A Word document read back from its XML: one part of the package
 * (word/document.xml unless named), its paragraphs as text, and the text of
 * the paragraphs in a given style.
 */
export function docxPart(bytes: Uint8Array, part = "word/document.xml"): string {
  const temp = makeTempDir("anchor-docx-");
  try {
    const file = path.join(temp.dir, "document.docx");
    fs.writeFileSync(file, bytes);
    return execFileSync("unzip", ["-p", file, part], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
  } finally {
    temp.cleanup();
  }
}

/** The package's part names, e.g. word/header1.xml. */
export function docxParts(bytes: Uint8Array): string[] {
  const temp = makeTempDir("anchor-docx-");
  try {
    const file = path.join(temp.dir, "document.docx");
    fs.writeFileSync(file, bytes);
    return execFileSync("unzip", ["-Z1", file], { encoding: "utf8" }).trim().split("\n");
  } finally {
    temp.cleanup();
  }
}

/** Each <w:p> element of a part, whole. */
export const paragraphsOf = (xml: string) =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);

/** The text a fragment shows: its runs' text joined, the XML escapes undone. */
export const textOf = (fragment: string) =>
  [...fragment.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1]!)
    .join("")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"');

/** The text of each paragraph in the style named (Heading1, Heading2, …). */
export const styled = (xml: string, style: string) =>
  paragraphsOf(xml)
    .filter((p) => p.includes(`<w:pStyle w:val="${style}"/>`))
    .map(textOf);
