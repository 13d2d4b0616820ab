import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { makeTempDir } from "../setup/temp";

const run = promisify(execFile);

/**
 * A PDF's text through poppler's pdftotext, in the order it was drawn (-raw),
 * with runs of white space made one space so text wrapped in a cell reads on.
 */
export async function pdfText(bytes: Uint8Array, options: { page?: number } = {}): Promise<string> {
  const temp = makeTempDir("anchor-pdf-");
  try {
    const file = path.join(temp.dir, "document.pdf");
    fs.writeFileSync(file, bytes);
    const pages = options.page ? ["-f", String(options.page), "-l", String(options.page)] : [];
    const { stdout } = await run("pdftotext", ["-raw", "-enc", "UTF-8", ...pages, file, "-"]);
    return stdout.replace(/\s+/g, " ");
  } finally {
    temp.cleanup();
  }
}

/** What pdfinfo says of a PDF, as name → value. */
export async function pdfInfo(bytes: Uint8Array): Promise<Record<string, string>> {
  const temp = makeTempDir("anchor-pdf-");
  try {
    const file = path.join(temp.dir, "document.pdf");
    fs.writeFileSync(file, bytes);
    const { stdout } = await run("pdfinfo", [file]);
    return Object.fromEntries(
      stdout
        .split("\n")
        .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
        .filter((m) => m !== null)
        .map((m) => [m[1]!.trim(), m[2]!.trim()]),
    );
  } finally {
    temp.cleanup();
  }
}

/** The PDF's own words for its structure: the catalog's and structure tree's keys are plain text. */
export function pdfSource(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("latin1");
}
