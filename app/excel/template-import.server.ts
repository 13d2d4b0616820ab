import ExcelJS from "exceljs";
import { componentAnswerSchema } from "../forms/sheet";
import { type OutcomeRow, readOutcomeRows } from "./template-outcomes-import.server";
import {
  type ImportProblem,
  type ColumnKey,
  columnName,
  columnNumber,
  columns,
  identityKeys,
  sheetNames,
  statusFromWord,
  statusWords,
  TEMPLATE_FORMAT,
} from "./template-layout";
import { workbookBoundsProblem } from "./workbook-bounds.server";

/**
 * Reads a filled template (ADR 030) and checks all of it before anything is
 * stored: that it is a workbook at all and no zip bomb, that it is this
 * organisation's template for this month, that no cell holds a formula, and
 * every row against the sheet form's own schema. Every problem is listed by
 * sheet, row and column; the caller stores nothing unless there are none.
 */

export { IMPORT_MAX_BYTES } from "./workbook-bounds.server";

export type { ImportProblem } from "./template-layout";

export type ImportRow = {
  row: number;
  componentId: string;
  status: "not_started" | "in_progress" | "fulfilled";
  opportunities: string;
  version: number;
};

type Expected = {
  organisation: { id: number; name: string };
  period: { id: number; label: string };
  componentIds: readonly string[];
};

const fileProblem = (message: string): { ok: false; problems: ImportProblem[] } => ({
  ok: false,
  problems: [{ sheet: null, row: null, column: null, message }],
});

export async function readFilledTemplate(
  file: { name: string; bytes: Uint8Array },
  expected: Expected,
): Promise<
  { ok: true; rows: ImportRow[]; outcomes: OutcomeRow[] } | { ok: false; problems: ImportProblem[] }
> {
  const notWorkbook =
    "The selected file must be an Excel workbook (.xlsx): download the template from this page, fill it in and upload it.";
  const zip = file.bytes;
  if (
    !/\.xlsx$/i.test(file.name) ||
    zip[0] !== 0x50 ||
    zip[1] !== 0x4b ||
    zip[2] !== 3 ||
    zip[3] !== 4
  ) {
    return fileProblem(notWorkbook);
  }
  // Unpacked and counted before exceljs parses a byte: no zip bomb, no rows far beyond the template's.
  const beyond = workbookBoundsProblem(zip);
  if (beyond) return fileProblem(beyond);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(zip.slice().buffer);
  } catch {
    return fileProblem(`${notWorkbook} This one could not be read.`);
  }
  const identity = readIdentity(workbook);
  if (!identity) {
    return fileProblem(
      "This workbook is not the platform's template of the sheet: download the template from this page and fill that in.",
    );
  }
  if (identity.organisation_id !== String(expected.organisation.id)) {
    return fileProblem(
      `This template is ${identity.organisation_name}'s, not ${expected.organisation.name}'s: download ${expected.organisation.name}'s template from this page.`,
    );
  }
  if (identity.period_id !== String(expected.period.id)) {
    return fileProblem(
      `This template is for ${identity.period_label}, not ${expected.period.label}: download ${expected.period.label}'s template from this page.`,
    );
  }
  const sheet = workbook.getWorksheet(sheetNames.components);
  if (!sheet) return fileProblem(`The "${sheetNames.components}" sheet is missing from the file.`);
  const components = readRows(sheet, expected.componentIds);
  const outcomes = readOutcomeRows(workbook);
  if (!components.ok || !outcomes.ok)
    return {
      ok: false,
      problems: [
        ...(components.ok ? [] : components.problems),
        ...(outcomes.ok ? [] : outcomes.problems),
      ],
    };
  return { ok: true, rows: components.rows, outcomes: outcomes.rows };
}

function readIdentity(workbook: ExcelJS.Workbook) {
  const sheet = workbook.getWorksheet(sheetNames.identity);
  if (!sheet) return null;
  const values: Record<string, string> = {};
  sheet.eachRow((row) => {
    values[row.getCell(1).text] = row.getCell(2).text;
  });
  if (values.format !== TEMPLATE_FORMAT) return null;
  if (!identityKeys.every((key) => key in values)) return null;
  return values as Record<(typeof identityKeys)[number], string>;
}

function readRows(
  sheet: ExcelJS.Worksheet,
  componentIds: readonly string[],
): { ok: true; rows: ImportRow[] } | { ok: false; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const at = (row: number | null, column: ColumnKey | null, message: string) =>
    problems.push({
      sheet: sheetNames.components,
      row,
      column: column ? columnName(column) : null,
      message,
    });
  // The headings are the first row, or the second under a demonstration marking.
  const headerAt = sheet.getRow(1).getCell(1).text.trim() === columns[0].header ? 1 : 2;
  const header = sheet.getRow(headerAt);
  columns.forEach((c, i) => {
    if (header.getCell(i + 1).text.trim() !== c.header) {
      at(
        headerAt,
        c.key,
        `The column heading must be "${c.header}": the columns have been moved or renamed.`,
      );
    }
  });
  if (problems.length) return { ok: false, problems };

  // A formula's result is whatever it computes at the time, not what was typed: refused, each named.
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber < headerAt) return;
    row.eachCell((cell, columnNumberOfCell) => {
      if (cell.type === ExcelJS.ValueType.Formula || cell.formula) {
        const column = columns[columnNumberOfCell - 1];
        problems.push({
          sheet: sheetNames.components,
          row: rowNumber,
          column: column ? columnName(column.key) : cell.address.replace(/\d+$/, ""),
          message: "The cell holds a formula: type its value instead.",
        });
      }
    });
  });
  if (problems.length) return { ok: false, problems };

  const schema = componentAnswerSchema(componentIds);
  const rows: ImportRow[] = [];
  const seen = new Set<string>();
  const text = (row: ExcelJS.Row, key: ColumnKey) => row.getCell(columnNumber(key)).text ?? "";
  for (let n = headerAt + 1; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n);
    const componentId = text(row, "componentId").trim();
    const statusWord = text(row, "status");
    const opportunities = text(row, "opportunities");
    if (!componentId && !statusWord.trim() && !opportunities.trim()) continue;
    if (!componentIds.includes(componentId)) {
      at(n, "componentId", `There is no component "${componentId}" in the charter.`);
      continue;
    }
    if (seen.has(componentId)) {
      at(n, "componentId", `Component ${componentId} appears more than once.`);
      continue;
    }
    seen.add(componentId);
    const status = statusFromWord(statusWord);
    if (!status) {
      at(n, "status", `Choose the status of ${componentId}: ${statusWords.join(", ")}.`);
    }
    const parsed = schema.safeParse({
      intent: "save",
      componentId,
      version: text(row, "version"),
      status: status ?? "",
      opportunities,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]);
        if (field === "status") continue; // said above, in the template's words
        const column: ColumnKey =
          field === "opportunities"
            ? "opportunities"
            : field === "version"
              ? "version"
              : "componentId";
        at(
          n,
          column,
          field === "version"
            ? "The hidden version was changed: download the template again."
            : issue.message,
        );
      }
      continue;
    }
    // A row with no status leaves its component as it is (not answered stays not answered).
    if (status && parsed.data.status) {
      rows.push({
        row: n,
        componentId,
        status: parsed.data.status,
        opportunities: parsed.data.opportunities,
        version: parsed.data.version,
      });
    }
  }
  for (const id of componentIds) {
    if (!seen.has(id)) at(null, "componentId", `Component ${id} is missing from the sheet.`);
  }
  return problems.length ? { ok: false, problems } : { ok: true, rows };
}
