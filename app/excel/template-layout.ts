import { componentStatuses, statusLabels } from "../forms/sheet";

/**
 * The offline template's layout, shared by the writer and the importer so
 * the two cannot drift: one worksheet of instructions, one with a row per
 * component (ADR 030), and a very hidden one naming the organisation, period
 * and assessment the file was made for.
 */
export const TEMPLATE_FORMAT = "anchor-charter-sheet-template/1";

export const sheetNames = {
  instructions: "Instructions",
  components: "Components",
  principles: "Principles",
  actions: "Actions",
  outcomes: "Outcome figures",
  identity: "Template identity",
} as const;

/**
 * The outcome figures sheet's columns (ADR 040): one row per measure due in
 * the month; `answer` columns are the only ones unlocked. A total has no
 * whole: its row leaves that column locked and empty.
 */
export const outcomeColumns = [
  { key: "measureId", header: "Measure number (do not change)", width: 12, answer: false },
  { key: "measure", header: "Measure", width: 32, answer: false },
  { key: "definition", header: "What is counted", width: 60, answer: false },
  { key: "partLabel", header: "Part (or the total)", width: 34, answer: false },
  { key: "part", header: "Part or total: figure", width: 16, answer: true },
  { key: "wholeLabel", header: "Whole", width: 30, answer: false },
  { key: "whole", header: "Whole: figure", width: 16, answer: true },
  { key: "last", header: "Last figure", width: 30, answer: false },
  { key: "source", header: "Source", width: 34, answer: true },
  { key: "note", header: "Note", width: 40, answer: true },
  { key: "checked", header: "Checked (Yes if a large change is right)", width: 16, answer: true },
] as const;

export type OutcomeColumnKey = (typeof outcomeColumns)[number]["key"];

export function outcomeColumnName(key: OutcomeColumnKey): string {
  const index = outcomeColumns.findIndex((c) => c.key === key);
  return `${String.fromCharCode(65 + index)} (${outcomeColumns[index]!.header})`;
}

export const outcomeColumnNumber = (key: OutcomeColumnKey) =>
  outcomeColumns.findIndex((c) => c.key === key) + 1;

/** The components sheet's columns, in order; `answer` columns are the only ones unlocked. */
export const columns = [
  { key: "componentId", header: "Component", width: 11, answer: false },
  { key: "domain", header: "Domain", width: 28, answer: false },
  { key: "title", header: "Component title", width: 50, answer: false },
  { key: "status", header: "Status", width: 14, answer: true },
  { key: "opportunities", header: "Opportunities for progression", width: 60, answer: true },
  { key: "evidence", header: "Evidence on the platform", width: 40, answer: false },
  { key: "version", header: "Version (do not change)", width: 10, answer: false },
] as const;

export type ColumnKey = (typeof columns)[number]["key"];

/** A column's spreadsheet letter and header, as problems name it: "D (Status)". */
export function columnName(key: ColumnKey): string {
  const index = columns.findIndex((c) => c.key === key);
  return `${String.fromCharCode(65 + index)} (${columns[index]!.header})`;
}

export const columnNumber = (key: ColumnKey) => columns.findIndex((c) => c.key === key) + 1;

/** The identity sheet: one key and value a row. */
export const identityKeys = [
  "format",
  "organisation_id",
  "period_id",
  "assessment_id",
  "charter_version",
  "organisation_name",
  "period_label",
] as const;

/** Status words as the drop-down offers them, and back. */
export const statusWords = componentStatuses.map((s) => statusLabels[s]);

export function statusFromWord(word: string): (typeof componentStatuses)[number] | undefined {
  const wanted = word.trim().toLowerCase();
  return componentStatuses.find((s) => statusLabels[s].toLowerCase() === wanted);
}

/** A problem with an upload, named by sheet, row and column where it has them. */
export type ImportProblem = {
  sheet: string | null;
  row: number | null;
  column: string | null;
  message: string;
};
