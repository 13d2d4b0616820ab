import { formatDate, formatDateTime } from "~/utils/dates";
import { bulletList, heading, ink, paragraph } from "./pdf/blocks";
import { createTaggedPdf, finishPdf } from "./pdf/document";
import { table } from "./pdf/table";
import type { ReportingSheet, SheetEvidence } from "./reporting-sheet";

const columns = [
  { header: "Component", share: 2 },
  { header: "Status", share: 1 },
  { header: "Evidence", share: 4 },
  { header: "Opportunities for progression", share: 3 },
];

function evidenceLine(e: SheetEvidence): string {
  const date = e.date ? ` (${formatDate(e.date)})` : "";
  if (e.kind === "file") return `${e.title}${e.detail ? ` (file: ${e.detail})` : ""}`;
  if (e.kind === "link") return `${e.title}${e.detail ? ` (${e.detail})` : ""}`;
  return `${e.title}${e.detail ? `: ${e.detail}` : ""}${date}`;
}

/**
 * The reporting sheet as a tagged PDF, A4 landscape (four columns read best
 * wide): the charter's Appendix A table per domain, then its principles and
 * actions. Returns the document as a stream, already ended: pipe it on.
 */
export function reportingSheetPdf(sheet: ReportingSheet, now: Date): PDFKit.PDFDocument {
  const pdf = createTaggedPdf({
    title: sheet.title,
    subject: sheet.charterTitle,
    author: sheet.organisationName,
    layout: "landscape",
  });
  heading(pdf, 1, `Reporting sheet: ${sheet.organisationName}, ${sheet.periodLabel}`);
  paragraph(
    pdf,
    sheet.submission
      ? `This is what ${sheet.submission.submittedBy} submitted on ${formatDateTime(sheet.submission.submittedAt)}.`
      : `The month as it stood on ${formatDateTime(now.toISOString())}.`,
  );
  paragraph(
    pdf,
    `Level: ${sheet.levelName}. ${sheet.answered} of ${sheet.total} components answered. ${sheet.charterTitle}.`,
    { color: ink.secondary },
  );
  if (sheet.answered === 0) {
    paragraph(pdf, "No component has been answered yet, so every row below says Not answered.");
  }
  for (const domain of sheet.domains) {
    heading(pdf, 2, `Domain ${domain.number}: ${domain.title}`, 90);
    paragraph(pdf, `${domain.fulfilled} of ${domain.rows.length} components fulfilled.`);
    table(pdf, {
      columns,
      rowHeaders: true,
      rows: domain.rows.map((row) => [
        `${row.componentId} ${row.title}`,
        row.statusWords,
        row.evidence.map(evidenceLine).join("\n") || "None",
        row.opportunities || "None recorded",
      ]),
    });
    heading(pdf, 3, `Cross-cutting principles in domain ${domain.number}`);
    bulletList(
      pdf,
      domain.principles.map((p) => `${p.summary}: ${p.inPlace ? "in place" : "not in place"}`),
    );
    if (domain.principlesNote) paragraph(pdf, domain.principlesNote);
    heading(pdf, 3, `Progression actions in domain ${domain.number}`);
    if (domain.actions.length) {
      bulletList(
        pdf,
        domain.actions.map(
          (a) =>
            `${a.componentId} ${a.componentTitle}: ${a.description}` +
            (a.owner ? `; owner: ${a.owner}` : "") +
            (a.targetDate ? `; by ${formatDate(a.targetDate)}` : ""),
        ),
      );
    } else {
      paragraph(pdf, "No progression actions recorded.");
    }
  }
  finishPdf(pdf);
  return pdf.doc;
}
