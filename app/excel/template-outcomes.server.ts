import type ExcelJS from "exceljs";
import { figureInput } from "../utils/figures";
import { outcomeColumnNumber, outcomeColumns, sheetNames } from "./template-layout";

/** A measure due in the month, as the template shows it (ADR 040). */
export type TemplateMeasure = {
  measureId: number;
  name: string;
  definition: string;
  kind: "ratio" | "total";
  unit: string;
  numeratorLabel: string | null;
  denominatorLabel: string | null;
  saved: { numerator: number; denominator: number | null; source: string; note: string } | null;
  /** The last figure in words, or null. */
  last: string | null;
};

/**
 * The outcome figures sheet: one row per measure due, its figures, source
 * and note unlocked (a total's whole stays locked), and "Checked" to confirm
 * a figure that moved a long way since the last. A frozen copy locks all.
 */
export function outcomesSheet(
  workbook: ExcelJS.Workbook,
  args: { measures: readonly TemplateMeasure[]; periodLabel: string; frozen: boolean },
) {
  const sheet = workbook.addWorksheet(sheetNames.outcomes, {
    views: [{ state: "frozen", ySplit: 1, xSplit: 2 }],
  });
  sheet.columns = outcomeColumns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "top" };
  for (const m of args.measures) {
    const row = sheet.addRow({
      measureId: m.measureId,
      measure: m.name,
      definition: m.definition,
      partLabel: m.kind === "ratio" ? m.numeratorLabel : `${m.name} (${m.unit})`,
      part: figureInput(m.saved?.numerator),
      wholeLabel: m.kind === "ratio" ? m.denominatorLabel : "None: a total has no whole",
      whole: m.kind === "ratio" ? figureInput(m.saved?.denominator) : "",
      last: m.last ?? "None in the last 12 months",
      source: m.saved?.source ?? "",
      note: m.saved?.note ?? "",
      checked: "",
    });
    row.alignment = { wrapText: true, vertical: "top" };
    if (args.frozen) continue;
    for (const c of outcomeColumns.filter((c) => c.answer)) {
      if (c.key === "whole" && m.kind !== "ratio") continue;
      const cell = row.getCell(outcomeColumnNumber(c.key));
      cell.protection = { locked: false };
      cell.numFmt = "@";
    }
    row.getCell(outcomeColumnNumber("checked")).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: ['"Yes"'],
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: "Yes or nothing",
      error: "Type Yes if a figure that changed a lot since the last one is right.",
    };
  }
  if (!args.measures.length)
    sheet.addRow({ measure: `No outcome measures are due in ${args.periodLabel}.` });
  void sheet.protect("", {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    insertRows: false,
    deleteRows: false,
    sort: false,
  });
}
