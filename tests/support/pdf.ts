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

/** Runs a poppler command on the PDF and gives back what it prints. */
async function poppler(command: string, args: string[], bytes: Uint8Array): Promise<string> {
  const temp = makeTempDir("anchor-pdf-");
  try {
    const file = path.join(temp.dir, "document.pdf");
    fs.writeFileSync(file, bytes);
    const output = command === "pdftotext" ? ["-"] : [];
    const { stdout } = await run(command, [...args, file, ...output], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } finally {
    temp.cleanup();
  }
}

/** The text of every H1, H2 and H3 in the structure tree, in reading order. */
export async function pdfHeadings(bytes: Uint8Array): Promise<string[]> {
  const tree = (await poppler("pdfinfo", ["-struct-text"], bytes)).split("\n");
  return tree.flatMap((line, i) =>
    /^\s*H[1-3] \(block\)$/.test(line) ? [JSON.parse(tree[i + 1]!.trim()) as string] : [],
  );
}

/**
 * The headings left at a page's foot: a heading must have, on its own page,
 * at least `lines` lines of what follows it (or all of it, up to the next
 * heading or the end). Each heading is found in reading order in the laid
 * out text (a long one over several lines); the furniture is left out.
 */
export async function headingsAtPageFoot(bytes: Uint8Array, lines = 3): Promise<string[]> {
  const pages = (await poppler("pdftotext", ["-layout"], bytes)).split("\f");
  const lined = pages.map((page) =>
    page
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== ""),
  );
  // The running header and the marking: the same line at the top of most pages.
  const tops = new Map<string, number>();
  for (const page of lined)
    for (const line of page.slice(0, 2)) tops.set(line, (tops.get(line) ?? 0) + 1);
  const furniture = new Set(
    [...tops].filter(([, n]) => n > 1 && n * 2 >= pages.length).map(([l]) => l),
  );
  const text = lined.flatMap((page, number) =>
    page
      .filter((line) => !/Page \d+ of \d+$/.test(line) && !furniture.has(line))
      .map((line) => ({ page: number, line })),
  );
  /** Where the heading starts at or after `from`, and the index of its last line. */
  const find = (heading: string, from: number) => {
    for (let i = from; i < text.length; i++) {
      let joined = text[i]!.line;
      let j = i;
      while (heading.startsWith(joined) && joined !== heading && j + 1 < text.length) {
        joined = `${joined} ${text[++j]!.line}`;
      }
      if (joined === heading) return { start: i, end: j };
    }
    throw new Error(`Heading not found in the laid out text: ${heading}`);
  };
  const headings = await pdfHeadings(bytes);
  const places = headings.reduce<Array<{ start: number; end: number }>>((found, heading) => {
    found.push(find(heading, (found.at(-1)?.end ?? -1) + 1));
    return found;
  }, []);
  return headings.filter((_, h) => {
    const { end } = places[h]!;
    const next = places[h + 1]?.start ?? text.length;
    const wanted = Math.min(lines, next - end - 1);
    const page = text[end]!.page;
    return text.slice(end + 1, end + 1 + wanted).some((l) => l.page !== page);
  });
}
