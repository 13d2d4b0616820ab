import ExcelJS from "exceljs";
import type { Charter } from "../charter/schema";
import { statusLabels } from "../forms/sheet";
import type { DomainPrinciples } from "../models/principles.server";
import type { ProgressionAction } from "../models/progression-actions.server";
import type { ComponentStatus } from "../../db/schema";
import { formatDateTime, formatDay } from "../utils/dates";
import { outcomesSheet, type TemplateMeasure } from "./template-outcomes.server";
import {
  columnNumber,
  columns,
  identityKeys,
  sheetNames,
  statusWords,
  TEMPLATE_FORMAT,
} from "./template-layout";

/** What the workbook shows of an answer: the sheet's live one, or a submission's frozen one. */
export type TemplateAnswer = {
  status: ComponentStatus;
  /** False for a component nobody has answered yet: its status is left blank (ADR 026). */
  answered?: boolean;
  opportunities: string;
  version: number;
  evidence: ReadonlyArray<{ title: string }>;
};

/** A frozen copy names another format, so the import refuses it as no template. */
export const FROZEN_FORMAT = "anchor-charter-sheet-submission/1";

/**
 * The reporting sheet as an Excel template to fill offline (ADR 030):
 * instructions first, then one row per component with its status (a
 * drop-down) and opportunities for progression unlocked and everything else
 * locked, and the versions each answer had when it was downloaded, so an
 * import can tell what changed online since.
 */
export async function sheetTemplate(args: {
  charter: Charter;
  organisation: { id: number; name: string };
  period: { id: number; label: string };
  assessment: { id: number; status: "draft" | "submitted" } | null;
  answers: Map<string, TemplateAnswer>;
  /** A past submission's frozen copy: for reading only, not for upload. */
  frozen?: { submittedAt: string };
  /** The improvement plan, shown read-only after the components (Appendix A's layout). */
  plan: {
    principles: Record<number, DomainPrinciples>;
    actions: Record<string, ProgressionAction[]>;
  };
  importPath: string;
  now: Date;
  /** Printed in a first row and the print header of every sheet (demonstration data). */
  marking?: string;
  /** The outcome measures due in the month, with their figures (ADR 040). */
  outcomes?: readonly TemplateMeasure[];
}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Anchor Charter";
  workbook.created = args.now;
  instructions(workbook, args);
  components(workbook, args);
  planSheets(workbook, args);
  outcomesSheet(workbook, {
    measures: args.outcomes ?? [],
    periodLabel: args.period.label,
    frozen: !!args.frozen,
  });
  identity(workbook, args);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The marking on a sheet: a first row across its columns in the documents'
 * yellow, and the header of every printed page. The import finds the
 * column headings below it (template-import.server.ts).
 */
function markSheet(sheet: ExcelJS.Worksheet, marking: string | undefined, width: number) {
  if (!marking) return;
  sheet.headerFooter.oddHeader = `&C&B${marking}`;
  sheet.headerFooter.evenHeader = `&C&B${marking}`;
  const row = sheet.addRow([marking]);
  row.font = { bold: true };
  if (width > 1) sheet.mergeCells(row.number, 1, row.number, width);
  row.getCell(1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFB81C" } };
  row.getCell(1).alignment = { wrapText: true, vertical: "middle" };
}

/** A sheet's column headings as a row of their own, bold and wrapped. */
function headingRow(sheet: ExcelJS.Worksheet, headers: readonly string[]) {
  const row = sheet.addRow([...headers]);
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: "top" };
  return row;
}

function instructions(workbook: ExcelJS.Workbook, args: Parameters<typeof sheetTemplate>[0]) {
  const sheet = workbook.addWorksheet(sheetNames.instructions);
  sheet.getColumn(1).width = 110;
  markSheet(sheet, args.marking, 1);
  if (args.frozen) {
    const frozenLines: Array<[string, Partial<ExcelJS.Font>?]> = [
      [`Anchor Charter self-assessment: ${args.organisation.name}`, { bold: true, size: 16 }],
      [
        `${args.period.label} as submitted ${formatDateTime(args.frozen.submittedAt)}: a frozen copy, for reading.`,
      ],
      [
        `The "${sheetNames.components}", "${sheetNames.principles}" and "${sheetNames.actions}" sheets hold the answers, evidence and improvement plan as they were sent. This copy cannot be uploaded: download the month's template from the sheet to fill one in.`,
      ],
    ];
    for (const [text, font] of frozenLines) {
      const row = sheet.addRow([text]);
      row.getCell(1).alignment = { wrapText: true, vertical: "top" };
      if (font) row.getCell(1).font = font;
    }
    return;
  }
  const lines: Array<[string, Partial<ExcelJS.Font>?]> = [
    [`Anchor Charter self-assessment: ${args.organisation.name}`, { bold: true, size: 16 }],
    [`${args.period.label}. Downloaded ${formatDateTime(args.now.toISOString())}.`],
    [
      args.assessment
        ? "The Components sheet holds the month's answers as they stood when you downloaded it."
        : "This month's self-assessment has not been started: start it on the sheet before you upload this file.",
    ],
    [""],
    ["How to fill it in", { bold: true, size: 13 }],
    [`1. Open the "${sheetNames.components}" sheet. Each row is one component of the charter.`],
    [`2. Choose each component's status from the drop-down: ${statusWords.join(", ")}.`],
    [
      "   A blank status means nobody has answered the component yet. Not started is an answer: choose it where work has not begun, and the upload records it.",
    ],
    ["3. Write the opportunities for progression for the component beside it."],
    [
      "4. Evidence is added on the platform, not here. A component can be marked Fulfilled only when it has evidence there.",
    ],
    [
      `   The "${sheetNames.outcomes}" sheet takes the month's outcome figures: a share's part and whole, or a total, with its source. Leave a measure empty if you have no figure. If a figure changed a lot since the last one, type Yes in its Checked column once you are sure it is right.`,
    ],
    [
      `5. Save the file as an Excel workbook (.xlsx) and upload it on the platform: ${args.importPath}`,
    ],
    [""],
    ["Good to know", { bold: true, size: 13 }],
    [
      `The "${sheetNames.principles}" and "${sheetNames.actions}" sheets show the improvement plan for reading: change them on the platform.`,
    ],
    [
      "Only the Status and Opportunities columns can be changed; the sheet is protected so the columns stay as the platform reads them.",
    ],
    [
      "Type text, not formulas: a cell holding a formula is refused, because the platform stores what you wrote.",
    ],
    [
      "If anyone changes a component on the platform after you downloaded this file, your row for it is not applied: the upload lists it so you can compare and choose.",
    ],
    [
      "Nothing is saved unless every row of the file is correct: the upload lists each problem by sheet, row and column.",
    ],
    ["The file is for this organisation and this month only: it cannot be uploaded for another."],
  ];
  for (const [text, font] of lines) {
    const row = sheet.addRow([text]);
    row.getCell(1).alignment = { wrapText: true, vertical: "top" };
    if (font) row.getCell(1).font = font;
  }
}

function components(workbook: ExcelJS.Workbook, args: Parameters<typeof sheetTemplate>[0]) {
  const sheet = workbook.addWorksheet(sheetNames.components, {
    views: [{ state: "frozen", ySplit: args.marking ? 2 : 1, xSplit: 1 }],
  });
  sheet.columns = columns.map((c) => ({ key: c.key, width: c.width, hidden: c.key === "version" }));
  markSheet(sheet, args.marking, columns.length - 1);
  headingRow(
    sheet,
    columns.map((c) => c.header),
  );
  for (const domain of args.charter.domains) {
    for (const component of domain.components) {
      const answer = args.answers.get(component.id);
      const row = sheet.addRow({
        componentId: component.id,
        domain: `${domain.number}. ${domain.title}`,
        title: component.title,
        // Blank until answered, so uploading the template unchanged answers nothing (ADR 039).
        status: answer && answer.answered !== false ? statusLabels[answer.status] : "",
        opportunities: answer?.opportunities ?? "",
        evidence: answer?.evidence.map((e) => e.title).join("\n") || "None yet",
        version: answer?.version ?? 0,
      });
      row.alignment = { wrapText: true, vertical: "top" };
      // Text stays text: ids like 1.10 must not become numbers.
      row.getCell(columnNumber("componentId")).numFmt = "@";
      for (const c of columns.filter((c) => c.answer && !args.frozen)) {
        const cell = row.getCell(columnNumber(c.key));
        cell.protection = { locked: false };
        cell.numFmt = "@";
      }
      row.getCell(columnNumber("status")).dataValidation = {
        type: "list",
        allowBlank: false,
        formulae: [`"${statusWords.join(",")}"`],
        showErrorMessage: true,
        errorStyle: "stop",
        errorTitle: "Choose a status",
        error: `Choose ${statusWords.join(", ")}.`,
      };
    }
  }
  // No password: the lock keeps the columns where the import reads them, it is no secret.
  void sheet.protect("", {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    insertRows: false,
    insertColumns: false,
    deleteRows: false,
    deleteColumns: false,
    sort: false,
    autoFilter: false,
  });
}

/** Principles and actions are changed on the sheet, not through the template: locked, for reading. */
function planSheets(workbook: ExcelJS.Workbook, args: Parameters<typeof sheetTemplate>[0]) {
  const top = args.marking ? 2 : 1;
  const principles = workbook.addWorksheet(sheetNames.principles, {
    views: [{ state: "frozen", ySplit: top }],
  });
  principles.columns = [{ width: 28 }, { width: 60 }, { width: 10 }, { width: 50 }];
  markSheet(principles, args.marking, 4);
  headingRow(principles, ["Domain", "Cross-cutting principle", "In place", "Note"]);
  for (const domain of args.charter.domains) {
    const saved = args.plan.principles[domain.number];
    args.charter.crossCuttingPrinciples.forEach((principle, i) => {
      principles.addRow([
        `${domain.number}. ${domain.title}`,
        principle.summary,
        saved?.principlesInPlace.includes(principle.number) ? "Yes" : "No",
        i === 0 ? (saved?.note ?? "") : "",
      ]).alignment = { wrapText: true, vertical: "top" };
    });
  }
  const actions = workbook.addWorksheet(sheetNames.actions, {
    views: [{ state: "frozen", ySplit: top }],
  });
  actions.columns = [{ width: 11 }, { width: 60 }, { width: 24 }, { width: 18 }];
  markSheet(actions, args.marking, 4);
  headingRow(actions, ["Component", "Action", "Owner", "Target date"]);
  for (const component of args.charter.domains.flatMap((d) => d.components)) {
    for (const action of args.plan.actions[component.id] ?? []) {
      actions.addRow([
        component.id,
        action.description,
        action.owner ?? "",
        action.targetDate ? formatDay(action.targetDate) : "",
      ]).alignment = { wrapText: true, vertical: "top" };
    }
  }
  if (actions.rowCount === top) actions.addRow(["", "No actions on the improvement plan yet."]);
  for (const sheet of [principles, actions]) {
    void sheet.protect("", { selectLockedCells: true, formatColumns: true, formatRows: true });
  }
}

function identity(workbook: ExcelJS.Workbook, args: Parameters<typeof sheetTemplate>[0]) {
  const sheet = workbook.addWorksheet(sheetNames.identity, { state: "veryHidden" });
  const values: Record<(typeof identityKeys)[number], string | number> = {
    format: args.frozen ? FROZEN_FORMAT : TEMPLATE_FORMAT,
    organisation_id: args.organisation.id,
    period_id: args.period.id,
    assessment_id: args.assessment?.id ?? 0,
    charter_version: args.charter.version,
    organisation_name: args.organisation.name,
    period_label: args.period.label,
  };
  for (const key of identityKeys) sheet.addRow([key, values[key]]);
  void sheet.protect("", {});
}
