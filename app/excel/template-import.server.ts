import ExcelJS from "exceljs";
import { Unzip, UnzipInflate } from "fflate";
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

/**
 * Reads a filled template (ADR 030) and checks all of it before anything is
 * stored: that it is a workbook at all and no zip bomb, that it is this
 * organisation's template for this month, that no cell holds a formula, and
 * every row against the sheet form's own schema. Every problem is listed by
 * sheet, row and column; the caller stores nothing unless there are none.
 */

/** The filled template is a few kilobytes: far more than any honest one. */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
/** Checked while inflating, before exceljs parses anything. */
const MAX_ENTRIES = 100;
const MAX_UNCOMPRESSED_BYTES = 25 * 1024 * 1024;
/** Compressed bytes fed to the inflater at a time: it can write at most about 1,000 times as much. */
const INFLATE_STEP = 4096;

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
  const bomb = inflatedSizeProblem(zip);
  if (bomb) return fileProblem(bomb);
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

/**
 * Inflates every entry in small steps, counting what comes out, and stops at
 * the first limit passed: a zip bomb's declared sizes may lie, its output
 * cannot. Nothing inflated is kept.
 */
function inflatedSizeProblem(zip: Uint8Array): string | null {
  let entries = 0;
  let total = 0;
  let problem: string | null = null;
  const unzip = new Unzip((entry) => {
    entries++;
    if (entries > MAX_ENTRIES) {
      problem = `The file holds more parts (${entries}+) than an Excel workbook of the sheet does: it was refused unread.`;
      return;
    }
    entry.ondata = (error, chunk) => {
      if (problem) return;
      if (error) {
        problem = "The file is damaged: it could not be unpacked.";
        return;
      }
      total += chunk.length;
      if (total > MAX_UNCOMPRESSED_BYTES) {
        problem =
          "The file unpacks to far more than an Excel workbook of the sheet does (it may be a zip bomb): it was refused unread.";
        entry.terminate();
      }
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < zip.length && !problem; at += INFLATE_STEP) {
      unzip.push(zip.subarray(at, at + INFLATE_STEP), at + INFLATE_STEP >= zip.length);
    }
  } catch {
    return problem ?? "The file is damaged: it could not be unpacked.";
  }
  if (!problem && entries === 0) return "The file is empty or damaged: it holds no workbook.";
  return problem;
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
  const header = sheet.getRow(1);
  columns.forEach((c, i) => {
    if (header.getCell(i + 1).text.trim() !== c.header) {
      at(
        1,
        c.key,
        `The column heading must be "${c.header}": the columns have been moved or renamed.`,
      );
    }
  });
  if (problems.length) return { ok: false, problems };

  // A formula's result is whatever it computes at the time, not what was typed: refused, each named.
  sheet.eachRow((row, rowNumber) => {
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
  for (let n = 2; n <= sheet.rowCount; n++) {
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
