import {
  type Block,
  contents,
  type DocumentModel,
  heading,
  list,
  pageBreak,
  paragraph,
} from "~/documents/blocks";
import { yearInWords } from "~/periods/reporting-year";
import { formatDate } from "~/utils/dates";
import type { AnnualReport } from "./annual-report";
import { appendix } from "./annual-report-appendix";
import {
  actions,
  domains,
  gapsAndPractice,
  placesSummary,
  summary,
  verification,
} from "./sections";
import { provisionalWords } from "~/periods/provisional";

/**
 * The annual report as a board paper, in words: a cover naming the system,
 * the scope, the year and month and the date prepared; contents; what
 * changed; levels now and a year before; the summary by place (a system
 * report); findings by domain; common gaps; shared practice; verified
 * against self-assessed; actions; and an appendix of each organisation.
 * Pure: a document of the app's one block model (app/documents/blocks.ts),
 * which the one PDF and the one Word renderer draw.
 */

const scopeWords = {
  organisation: "Organisation",
  place: "Place",
  system: "Integrated care system",
};

/** One section of the paper: its blocks, or none when it has nothing to say for this report. */
export type ReportSection = (r: AnnualReport) => Block[];

/**
 * The sections in the order a board reads them. A new section (the outcome
 * measures, say) is a function of the report's figures added here, before
 * the appendix; it starts with a heading marked for the contents.
 */
export const reportSections: ReportSection[] = [
  summary,
  placesSummary,
  domains,
  gapsAndPractice,
  verification,
  actions,
  appendix,
];

function cover(r: AnnualReport): Block[] {
  const where = r.scope.kind === "system" ? r.scope.name : `${r.scope.name}, ${r.systemName}`;
  const compared = r.periodBefore
    ? `, compared with ${r.periodBefore}`
    : ", with no month a year before to compare";
  return [
    heading(1, r.title),
    paragraph(`${scopeWords[r.scope.kind]}: ${where}`, { emphasis: "lead" }),
    paragraph(
      r.periodNow
        ? `The ${yearInWords(r.year).replace(/^the /, "")}: returns for ${r.periodNow}${compared}.`
        : `The ${yearInWords(r.year).replace(/^the /, "")}: no month of it is closed to returns or past its due date yet, so there is nothing final to report.`,
    ),
    ...(r.provisional && r.periodNow
      ? [
          paragraph(
            `Provisional: ${provisionalWords({ label: r.periodNow, dueOn: r.provisional.dueOn, submitted: r.summary.submittedNow, total: r.summary.organisations })}. Every figure for ${r.periodNow} may still change.`,
            { emphasis: "lead" },
          ),
        ]
      : []),
    ...(r.leftOut
      ? [
          paragraph(
            `${r.leftOut.label} is still open to returns (due by ${formatDate(r.leftOut.dueOn)}), so its figures are not in this report.`,
          ),
        ]
      : []),
    paragraph(`Prepared on ${formatDate(r.generatedAt)}.`),
    pageBreak(),
    contents(),
    heading(2, "How to read this report"),
    list([
      "Only submitted returns are counted. A return still in draft, or reopened and not yet submitted again, is counted as not yet submitted; nothing in it is reported.",
      "Self-assessed: the level an organisation reaches from the answers its champion submitted.",
      "Verified: the level it reaches counting only answers the steering group has reviewed and verified.",
      "Levels are worked out from the answers in the month shown, never typed in. Organisations are listed by name, not ranked.",
      "A year before means the same month of the year before, so that like is compared with like.",
    ]),
    pageBreak(),
  ];
}

/**
 * The sections other modules write, placed in the paper's order: the
 * outcome measures (app/reports/outcomes-section.ts) after the domains.
 */
export type ReportSections = { outcomes?: Block[] };

export function annualReportDocument(
  r: AnnualReport,
  options: { marking?: string } & ReportSections = {},
): DocumentModel {
  const title = `${r.title}: ${r.scope.name}`;
  const sections = reportSections.flatMap((section) => [
    ...section(r),
    ...(section === domains ? (options.outcomes ?? []) : []),
  ]);
  return {
    meta: {
      title,
      subject: `Anchor charter annual report for ${r.scope.name}, ${yearInWords(r.year)}`,
    },
    furniture: {
      footer: r.provisional ? `${title} (provisional)` : title,
      cover: true,
    },
    ...(options.marking ? { marking: options.marking } : {}),
    blocks: [...cover(r), ...sections],
  };
}
