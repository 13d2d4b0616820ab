import type { CopyResult } from "./copy-to-postgres";

/** The table db:copy prints: per table, rows and checksum on each side, and whether they agree. */
export function copyReport(result: CopyResult): string {
  const header = [
    "table",
    "rows SQLite",
    "rows PostgreSQL",
    "sha256 SQLite",
    "sha256 PostgreSQL",
    "seconds",
    "check",
  ];
  const body = result.tables.map((t) => {
    const same = t.source.rows === t.target.rows && t.source.sha256 === t.target.sha256;
    return [
      t.table,
      String(t.source.rows),
      String(t.target.rows),
      t.source.sha256.slice(0, 16),
      t.target.sha256.slice(0, 16),
      t.seconds.toFixed(1),
      same ? "ok" : "MISMATCH",
    ];
  });
  const rows = [header, ...body];
  const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const numeric = new Set([1, 2, 5]);
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}
