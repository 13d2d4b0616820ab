import { formatDate, formatDateTime } from "~/utils/dates";
import {
  type Block,
  type DocumentModel,
  heading,
  list,
  paragraph,
  type TableColumn,
  table,
} from "./blocks";
import { monthStateShort, monthStateWords } from "./month-state";
import type { ReportingSheet, SheetDomain, SheetEvidence } from "./reporting-sheet";

/**
 * The reporting sheet as a document (ADR 027, ADR 033): the charter's
 * Appendix A table per domain, then its principles and actions, in A4
 * landscape (four columns read best wide). Pure; the PDF and Word renderers
 * draw it, for the month as it stands and for a past submission alike.
 */

const columns: TableColumn[] = [
  { header: "Component", width: 2 },
  { header: "Status", width: 1 },
  { header: "Evidence", width: 4 },
  { header: "Opportunities for progression", width: 3 },
];

function evidenceLine(e: SheetEvidence): string {
  const date = e.date ? ` (${formatDate(e.date)})` : "";
  if (e.kind === "file") return `${e.title}${e.detail ? ` (file: ${e.detail})` : ""}`;
  if (e.kind === "link") return `${e.title}${e.detail ? ` (${e.detail})` : ""}`;
  return `${e.title}${e.detail ? `: ${e.detail}` : ""}${date}`;
}

function domainBlocks(domain: SheetDomain): Block[] {
  return [
    heading(2, `Domain ${domain.number}: ${domain.title}`),
    paragraph(`${domain.fulfilled} of ${domain.rows.length} components fulfilled.`),
    table({
      columns,
      rowHeaders: true,
      rows: domain.rows.map((row) => [
        `${row.componentId} ${row.title}`,
        row.statusWords,
        row.evidence.map(evidenceLine).join("\n") || "None",
        row.opportunities || "None recorded",
      ]),
    }),
    heading(3, `Cross-cutting principles in domain ${domain.number}`),
    list(domain.principles.map((p) => `${p.summary}: ${p.inPlace ? "in place" : "not in place"}`)),
    ...(domain.principlesNote ? [paragraph(domain.principlesNote)] : []),
    heading(3, `Progression actions in domain ${domain.number}`),
    domain.actions.length
      ? list(
          domain.actions.map(
            (a) =>
              `${a.componentId} ${a.componentTitle}: ${a.description}` +
              (a.owner ? `; owner: ${a.owner}` : "") +
              (a.targetDate ? `; by ${formatDate(a.targetDate)}` : ""),
          ),
        )
      : paragraph("No progression actions recorded."),
  ];
}

/**
 * What every page says the document is: the month as it stands and its
 * state (draft, submitted, reopened), or a past submission and who sent it.
 */
export function sheetStateHeader(sheet: ReportingSheet): string {
  const whose = `${sheet.organisationName}, ${sheet.periodLabel}`;
  if (sheet.submission) {
    return `${whose}: as submitted ${formatDateTime(sheet.submission.submittedAt)} by ${sheet.submission.submittedBy}`;
  }
  return sheet.state ? `${whose}: ${monthStateShort(sheet.state)}` : whose;
}

export function reportingSheetDocument(
  sheet: ReportingSheet,
  now: Date,
  options: { marking?: string } = {},
): DocumentModel {
  const draft = !sheet.submission && sheet.state !== null && sheet.state.kind !== "submitted";
  return {
    meta: { title: sheet.title, subject: sheet.charterTitle, author: sheet.organisationName },
    orientation: "landscape",
    furniture: { header: sheetStateHeader(sheet), footer: sheet.title },
    ...(options.marking ? { marking: options.marking } : {}),
    blocks: [
      heading(1, `Reporting sheet: ${sheet.organisationName}, ${sheet.periodLabel}`),
      paragraph(
        sheet.submission
          ? `This is what ${sheet.submission.submittedBy} submitted on ${formatDateTime(sheet.submission.submittedAt)}.`
          : `${sheet.state ? `${monthStateWords(sheet.state)} ` : ""}The month as it stood on ${formatDateTime(now.toISOString())}.`,
        { emphasis: draft ? "lead" : undefined },
      ),
      paragraph(
        `${draft ? "Level from the answers so far, not submitted" : "Level"}: ${sheet.levelName}. ${sheet.answered} of ${sheet.total} components answered. ${sheet.charterTitle}.`,
        { emphasis: "quiet" },
      ),
      ...(sheet.answered === 0
        ? [paragraph("No component has been answered yet, so every row below says Not answered.")]
        : []),
      ...sheet.domains.flatMap(domainBlocks),
      ...outcomeBlocks(sheet),
    ],
  };
}

/** The month's outcome figures after the domains (ADR 040): one row per measure. */
function outcomeBlocks(sheet: ReportingSheet): Block[] {
  if (!sheet.outcomes.length) return [];
  return [
    heading(2, "Outcome figures"),
    paragraph(
      "Each figure as it was entered, with the version of its measure's definition it answered.",
      { keepWithNext: true },
    ),
    table({
      caption: `Outcome figures for ${sheet.periodLabel}`,
      columns: [
        { header: "Measure", width: 0.28 },
        { header: "Figure", width: 0.12 },
        { header: "Part and whole", width: 0.3 },
        { header: "Source and note", width: 0.3 },
      ],
      rows: sheet.outcomes.map((o) => [
        `${o.name} (definition version ${o.version}; evidence for ${o.componentIds.join(", ")})`,
        o.figure,
        o.parts ?? "A total",
        [o.source, o.note].filter(Boolean).join("\n"),
      ]),
      rowHeaders: true,
    }),
  ];
}
