import ExcelJS from "exceljs";
import {
  figureFieldId,
  type FigureFormMeasure,
  figuresSchema,
  type ParsedFigure,
} from "../forms/outcomes";
import {
  type ImportProblem,
  type OutcomeColumnKey,
  outcomeColumnName,
  outcomeColumnNumber,
  outcomeColumns,
  sheetNames,
} from "./template-layout";

/** A row of the outcome figures sheet, as typed (ADR 040). */
export type OutcomeRow = {
  row: number;
  measureId: number;
  values: { part: string; whole: string; source: string; note: string };
  checked: boolean;
};

const problem = (row: number | null, column: OutcomeColumnKey | null, message: string) => ({
  sheet: sheetNames.outcomes,
  row,
  column: column ? outcomeColumnName(column) : null,
  message,
});

/**
 * The outcome figures sheet's rows, or its problems (headings moved, a
 * formula, a row of no measure). A template made before the sheet existed
 * has none: it imports no figures.
 */
export function readOutcomeRows(
  workbook: ExcelJS.Workbook,
): { ok: true; rows: OutcomeRow[] } | { ok: false; problems: ImportProblem[] } {
  const sheet = workbook.getWorksheet(sheetNames.outcomes);
  if (!sheet) return { ok: true, rows: [] };
  const problems: ImportProblem[] = [];
  outcomeColumns.forEach((c, i) => {
    if (
      sheet
        .getRow(1)
        .getCell(i + 1)
        .text.trim() !== c.header
    )
      problems.push(
        problem(
          1,
          c.key,
          `The column heading must be "${c.header}": the columns have been moved or renamed.`,
        ),
      );
  });
  if (problems.length) return { ok: false, problems };
  sheet.eachRow((row, n) => {
    row.eachCell((cell, column) => {
      if (cell.type === ExcelJS.ValueType.Formula || cell.formula) {
        const key = outcomeColumns[column - 1]?.key ?? null;
        problems.push(problem(n, key, "The cell holds a formula: type its value instead."));
      }
    });
  });
  if (problems.length) return { ok: false, problems };
  const rows: OutcomeRow[] = [];
  const text = (row: ExcelJS.Row, key: OutcomeColumnKey) =>
    row.getCell(outcomeColumnNumber(key)).text ?? "";
  for (let n = 2; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n);
    const id = text(row, "measureId").trim();
    if (!id) continue;
    if (!/^\d{1,12}$/.test(id)) {
      problems.push(
        problem(n, "measureId", "The measure number was changed: download the template again."),
      );
      continue;
    }
    rows.push({
      row: n,
      measureId: Number(id),
      values: {
        part: text(row, "part"),
        whole: text(row, "whole"),
        source: text(row, "source"),
        note: text(row, "note"),
      },
      checked: text(row, "checked").trim().toLowerCase() === "yes",
    });
  }
  return problems.length ? { ok: false, problems } : { ok: true, rows };
}

const fieldColumns: Record<string, OutcomeColumnKey> = {
  part: "part",
  whole: "whole",
  source: "source",
  note: "note",
  confirm: "checked",
};

/**
 * The rows checked as the month's page checks its form, through the same
 * schema: each problem named by row and column. Only the measures due this
 * month are taken; a row of another is refused.
 */
export function checkOutcomeRows(
  rows: readonly OutcomeRow[],
  due: readonly FigureFormMeasure[],
): { ok: true; figures: ParsedFigure[] } | { ok: false; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const seen = new Map<number, number>();
  for (const r of rows) {
    if (!due.some((m) => m.measureId === r.measureId))
      problems.push(
        problem(
          r.row,
          "measureId",
          `Measure ${r.measureId} is not due this month: download the template again.`,
        ),
      );
    else if (seen.has(r.measureId))
      problems.push(problem(r.row, "measureId", `Measure ${r.measureId} appears more than once.`));
    seen.set(r.measureId, r.row);
  }
  if (problems.length) return { ok: false, problems };
  const measures = due.filter((m) => seen.has(m.measureId));
  const values: Record<string, string> = {};
  for (const r of rows)
    for (const [field, value] of Object.entries(r.values))
      values[figureFieldId(r.measureId, field as "part")] = value;
  const parsed = figuresSchema(measures).safeParse(values);
  if (parsed.success) return { ok: true, figures: parsed.data };
  for (const issue of parsed.error.issues) {
    const [, id, field] = /^figure-(\d+)-(\w+)$/.exec(String(issue.path[0])) ?? [];
    problems.push(
      problem(seen.get(Number(id)) ?? null, fieldColumns[field ?? ""] ?? null, issue.message),
    );
  }
  return { ok: false, problems };
}
