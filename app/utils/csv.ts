/**
 * CSV as spreadsheets read it: every field quoted, quotes doubled, and a field
 * that a spreadsheet would run as a formula (=, +, -, @, tab, return at the
 * start) prefixed with an apostrophe, because evidence text is typed by users.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  // Numbers are the platform's own figures, never typed formulas: -3 stays a number.
  if (typeof value !== "number" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

type CsvCell = string | number | boolean | null | undefined;

/** The byte-order mark a CSV starts with: Excel then reads UTF-8 names correctly. */
export const CSV_BOM = "\uFEFF";

/** One record with its CRLF line end, for CSVs written a page at a time. */
export function csvLine(row: readonly CsvCell[]): string {
  return row.map(csvField).join(",") + "\r\n";
}

export function csvRows(rows: Array<Array<CsvCell>>): string {
  return CSV_BOM + rows.map(csvLine).join("");
}
