import { Unzip, UnzipInflate } from "fflate";

/**
 * What a filled template may hold, checked while it is unpacked and before
 * exceljs parses any of it (ADR 030, issue 22). exceljs builds every row up
 * to the last one a sheet names and walks them all: a 13 KB file with one
 * cell at row 1,048,576, or a 300,000-row sheet, tied a server process up
 * for 15 s. The template's sheets hold tens of rows (the components, the
 * principles, the month's actions) in a few columns, so a file that names a
 * row or column far beyond them, or holds far more rows, cells or strings
 * than any template, is refused as soon as the scan meets it, unparsed.
 * Nothing unpacked is kept.
 */

/** The filled template is a few kilobytes: far more than any honest one. */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;

export const WORKBOOK_LIMITS = {
  /** Parts in the zip: a template has about 15. */
  entries: 100,
  /**
   * Bytes unpacked, all parts together: a template has about 50 KB, and with
   * every answer, note and action at its longest about 2 MB.
   */
  unpackedBytes: 4 * 1024 * 1024,
  /** The last row any sheet may name, and how many rows one may have: the Actions sheet, the longest, holds one per action. */
  rows: 1_000,
  /** The last column any sheet may name: the template's widest sheet has 7 (G); AZ is 52. */
  columns: 52,
  /** Cells in all sheets together, and shared strings: a template has a few hundred. */
  cells: 20_000,
} as const;

/** Compressed bytes fed to the inflater at a time: it can write at most about 1,000 times as much. */
const INFLATE_STEP = 4096;
/** A tag this long without its end is no spreadsheet's. */
const LONGEST_TAG = 64 * 1024;

const DAMAGED = "The file is damaged: it could not be unpacked.";

/** A problem to show the person, or null when the file is within every bound. */
export function workbookBoundsProblem(zip: Uint8Array): string | null {
  const limits = WORKBOOK_LIMITS;
  let entries = 0;
  let unpacked = 0;
  let cells = 0;
  let strings = 0;
  let problem: string | null = null;
  const fail = (message: string) => {
    problem ??= message;
  };
  const unzip = new Unzip((entry) => {
    entries++;
    if (entries > limits.entries) {
      fail(
        `The file holds more parts (${entries}+) than an Excel workbook of the sheet does: it was refused unread.`,
      );
      return;
    }
    const sheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name);
    const sharedStrings = /^xl\/sharedStrings\.xml$/i.test(entry.name);
    const book = /^xl\/workbook\.xml$/i.test(entry.name);
    const tags = sheet || sharedStrings ? new TagScanner() : null;
    const bookText = book ? new TextDecoder() : null;
    let bookXml = "";
    let rows = 0;
    let lastRow = 0;
    entry.ondata = (error, chunk, final) => {
      if (problem) return;
      if (error) return fail(DAMAGED);
      unpacked += chunk.length;
      if (unpacked > limits.unpackedBytes) {
        fail(
          "The file unpacks to far more than an Excel workbook of the sheet does (it may be a zip bomb): it was refused unread.",
        );
        entry.terminate();
        return;
      }
      if (bookText) {
        bookXml += bookText.decode(chunk, { stream: !final });
        // exceljs walks every cell a defined name covers.
        if (final)
          for (const m of bookXml.matchAll(/<(?:\w+:)?definedName\b[^>]*>([^<]*)</g)) {
            const beyond = referenceBeyond(m[1]!, limits);
            if (beyond) fail(beyond);
          }
        return;
      }
      if (!tags) return;
      const ok = tags.push(chunk, final, (name, attributes) => {
        if (sharedStrings) {
          if (name === "si" && ++strings > limits.cells) {
            fail(tooMuch(`more than ${limits.cells.toLocaleString("en-GB")} pieces of text`));
          }
          return;
        }
        // exceljs walks every cell a merge or a data validation covers.
        for (const m of attributes.matchAll(/(?:^|\s)(?:sq)?ref\s*=\s*["']([^"']*)["']/g)) {
          const beyond = referenceBeyond(m[1]!, limits);
          if (beyond) fail(beyond);
        }
        if (name === "row") {
          rows++;
          lastRow = rowNumberOf(attributes) ?? lastRow + 1;
          if (lastRow > limits.rows) fail(rowTooFar(lastRow));
          else if (rows > limits.rows) fail(tooMuch(`more than ${limits.rows} rows in a sheet`));
        } else if (name === "c") {
          if (++cells > limits.cells) {
            fail(tooMuch(`more than ${limits.cells.toLocaleString("en-GB")} cells`));
          }
          const at = cellAddressOf(attributes);
          if (at && at.row > limits.rows) fail(rowTooFar(at.row));
          else if (at && at.column > limits.columns) fail(columnTooFar(at.letters));
        }
      });
      if (!ok) fail(DAMAGED);
      if (problem) entry.terminate();
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < zip.length && !problem; at += INFLATE_STEP) {
      unzip.push(zip.subarray(at, at + INFLATE_STEP), at + INFLATE_STEP >= zip.length);
    }
  } catch {
    return problem ?? DAMAGED;
  }
  if (!problem && entries === 0) return "The file is empty or damaged: it holds no workbook.";
  return problem;
}

const templateAgain =
  "Download the template again from this page, fill in only its own rows, and upload that.";
const rowTooFar = (row: number) =>
  `The file has a row numbered ${row.toLocaleString("en-GB")}, far below the template's own rows: it was refused unread. ${templateAgain}`;
const columnTooFar = (letters: string) =>
  `The file has a cell in column ${letters}, far to the right of the template's own columns: it was refused unread. ${templateAgain}`;
const tooMuch = (what: string) =>
  `The file holds ${what}, far more than the template does: it was refused unread. ${templateAgain}`;

/**
 * Where a reference (`D2`, `A1:G17`, `'Sheet'!$A$1:$A$5`, several with
 * spaces) reaches beyond the template: a problem, or null. Whole columns
 * (`A:A`) reach to the last row. Whole rows (`$1:$1`) are fine: nothing
 * walks their cells.
 */
function referenceBeyond(reference: string, limits: typeof WORKBOOK_LIMITS): string | null {
  const text = reference.replace(/\$/g, "");
  if (/(?:^|[^A-Za-z0-9_.])[A-Za-z]{1,3}:[A-Za-z]{1,3}(?![A-Za-z0-9_(])/.test(text)) {
    return rowTooFar(1_048_576);
  }
  for (const m of text.matchAll(/(?:^|[^A-Za-z0-9_.])([A-Za-z]{1,3})(\d{1,9})(?![A-Za-z0-9_(])/g)) {
    const at = cellAddressOf(` r="${m[1]}${m[2]}"`);
    if (at && at.row > limits.rows) return rowTooFar(at.row);
    if (at && at.column > limits.columns) return columnTooFar(at.letters);
  }
  return null;
}

function rowNumberOf(attributes: string): number | null {
  const r = /(?:^|\s)r\s*=\s*["'](\d{1,9})["']/.exec(attributes)?.[1];
  return r === undefined ? null : Number(r);
}

function cellAddressOf(attributes: string) {
  const match = /(?:^|\s)r\s*=\s*["']([A-Za-z]{1,5})(\d{1,9})["']/.exec(attributes);
  if (!match) return null;
  const letters = match[1]!.toUpperCase();
  const column = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { letters, column, row: Number(match[2]) };
}

/**
 * Start tags in XML that arrives in pieces: calls back with each tag's local
 * name (no prefix) and its attributes, carrying a tag cut between pieces
 * over to the next. Enough for counting; not a parser.
 */
class TagScanner {
  private decoder = new TextDecoder();
  private carry = "";

  /** False when a tag runs on far longer than any spreadsheet's. */
  push(chunk: Uint8Array, final: boolean, onTag: (name: string, attributes: string) => void) {
    let text = this.carry + this.decoder.decode(chunk, { stream: !final });
    const open = text.lastIndexOf("<");
    if (!final && open !== -1 && text.indexOf(">", open) === -1) {
      this.carry = text.slice(open);
      text = text.slice(0, open);
      if (this.carry.length > LONGEST_TAG) return false;
    } else {
      this.carry = "";
    }
    for (const m of text.matchAll(/<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)(\s[^>]*)?\/?>/g)) {
      onTag(m[1]!, m[2] ?? "");
    }
    return true;
  }
}
