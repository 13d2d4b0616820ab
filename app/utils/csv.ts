/**
 * CSV as spreadsheets read it: every field quoted, quotes doubled, and a field
 * that a spreadsheet would run as a formula (=, +, -, @, tab, return at the
 * start) prefixed with an apostrophe, because evidence text is typed by users.
 */
export function csvField(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvRows(rows: Array<Array<string | number | null | undefined>>): string {
  // CRLF line ends and a byte-order mark: Excel then reads UTF-8 names correctly.
  return "\uFEFF" + rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}
