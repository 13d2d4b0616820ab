import {
  type Block,
  chartFigure,
  contents,
  type DocumentModel,
  heading,
  list,
  pageBreak,
  paragraph,
  table,
} from "~/documents/blocks";
import { formatDate, formatDateTime } from "~/utils/dates";
import type { AnnualReport } from "./annual-report";
import { domainChart, levelsChart, type ReportChart, verifiedChart } from "./report-charts";

/**
 * The annual report as a board paper, in words: cover, contents, executive
 * summary, findings by domain, common gaps, shared practice, verified against
 * self-assessed, actions, and an appendix page per organisation. Pure: a
 * document of the app's one block model (app/documents/blocks.ts), which the
 * one PDF and the one Word renderer draw.
 */

/** A board paper lists this many overdue actions; the rest are in each organisation's page. */
export const OVERDUE_LISTED = 40;

const scopeWords = {
  organisation: "Organisation",
  place: "Place",
  system: "Integrated care system",
};
const statusWords = {
  fulfilled: "Fulfilled",
  in_progress: "In progress",
  not_started: "Not started",
};
const returnWords = {
  submitted: "Submitted",
  draft: "Not yet submitted",
  reopened: "Reopened, not yet submitted again",
  none: "No return",
};
const movementWords = {
  up: "Moved up",
  down: "Moved down",
  same: "No change",
  "not comparable": "Not comparable (no submitted return in one of the two years)",
};

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function reviewWords(status: string, review: string) {
  if (status !== "fulfilled") return "";
  if (review === "verified") return "Verified";
  if (review === "queried") return "Queried";
  if (review === "changed since review") return "Changed since review";
  return "Self-assessed";
}

const chart = (c: ReportChart | null, caption: string): Block[] =>
  c ? [chartFigure(c.spec, { caption, ...c.table })] : [];

/** A table of the report's, its columns given as [header, share of the width]. */
function reportTable(caption: string, columns: Array<[string, number]>, rows: string[][]) {
  return table({ caption, columns: columns.map(([header, width]) => ({ header, width })), rows });
}

function cover(r: AnnualReport): Block[] {
  const compared = r.periodBefore
    ? ` compared with ${r.periodBefore}`
    : ", with no month a year before to compare";
  return [
    heading(1, r.title),
    paragraph(`${scopeWords[r.scope.kind]}: ${r.scope.name}`, { emphasis: "lead" }),
    paragraph(
      r.periodNow
        ? `Year ${r.year}: returns for ${r.periodNow}${compared}.`
        : `Year ${r.year}: no month of this year has been opened yet, so there is nothing to report.`,
    ),
    paragraph(`Prepared ${formatDateTime(r.generatedAt)}.`),
    heading(2, "How to read this report"),
    list([
      "Self-assessed: the level an organisation reaches from the answers its champion submitted.",
      "Verified: the level it reaches counting only answers the steering group has reviewed and verified.",
      "Levels are worked out from the answers in the month shown, never typed in. Organisations are listed by name, not ranked.",
    ]),
    pageBreak(),
    contents(),
    pageBreak(),
  ];
}

function summary(r: AnnualReport): Block[] {
  const s = r.summary;
  const against = r.periodBefore ? `, against ${s.submittedBefore} for ${r.periodBefore}` : "";
  return [
    heading(2, "Executive summary", true),
    paragraph(
      `${count(s.organisations, "organisation")} in scope. ${s.submittedNow} submitted a return for ${r.periodNow ?? "this year"}${against}.`,
    ),
    list([
      `${count(s.movedUp, "organisation")} moved up a level since a year ago.`,
      `${count(s.movedDown, "organisation")} moved down.`,
      `${count(s.stayed, "organisation")} held the same level.`,
      `${count(s.notComparable, "organisation")} could not be compared: no submitted return in one of the two years.`,
      `${count(r.actions.open, "open action")}, of which ${r.actions.overdue} overdue.`,
    ]),
    heading(3, "Levels held now"),
    ...chart(levelsChart(r, "now"), `Levels held, ${r.periodNow ?? ""}`),
    heading(3, "Levels held a year ago"),
    ...(r.periodBefore
      ? chart(levelsChart(r, "before"), `Levels held, ${r.periodBefore}`)
      : [paragraph("There is no month a year before this one to compare with.")]),
  ];
}

function domains(r: AnnualReport): Block[] {
  return [
    pageBreak(),
    heading(2, "Findings by domain", true),
    ...r.domains.flatMap((d): Block[] => [
      heading(3, `Domain ${d.number}: ${d.title}`),
      paragraph(
        d.possible
          ? `${d.fulfilled} of ${d.possible} answers in submitted returns fulfil this domain's components; ${d.verified} of them verified.`
          : "No submitted returns to report for this domain.",
      ),
      ...(d.possible
        ? chart(domainChart(r, d.number), `Domain ${d.number}: returns fulfilling each component`)
        : []),
    ]),
  ];
}

function gapsAndPractice(r: AnnualReport): Block[] {
  return [
    heading(2, "Most common gaps", true),
    r.gaps.length
      ? reportTable(
          "The components least often fulfilled",
          [
            ["Component", 0.55],
            ["Domain", 0.15],
            ["Fulfilled by", 0.15],
            ["Returns", 0.15],
          ],
          r.gaps.map((g) => [
            `${g.componentId} ${g.title}`,
            String(g.domainNumber),
            String(g.fulfilled),
            String(g.returns),
          ]),
        )
      : paragraph(
          "No gaps: every submitted return fulfils every component, or none was submitted.",
        ),
    heading(2, "Notable shared practice", true),
    r.sharedPractice.length
      ? reportTable(
          "Practice shared for others to learn from, newest first",
          [
            ["Practice", 0.38],
            ["Organisation", 0.27],
            ["Components", 0.14],
            ["Shared on", 0.21],
          ],
          r.sharedPractice.map((p) => [
            p.title,
            p.organisationName,
            p.componentIds.join(", "),
            formatDate(p.sharedAt),
          ]),
        )
      : paragraph("No organisation in scope has shared practice yet."),
  ];
}

function verification(r: AnnualReport): Block[] {
  const v = r.verification;
  return [
    heading(2, "Verified against self-assessed", true),
    paragraph(
      `${v.verifiedAnswers} of ${v.fulfilledAnswers} fulfilled answers have been verified by the steering group.`,
    ),
    reportTable(
      "Organisations at each level, self-assessed and verified",
      [
        ["Level held", 0.6],
        ["Self-assessed", 0.2],
        ["Verified", 0.2],
      ],
      v.self.map((row, i) => [row.label, String(row.count), String(v.verified[i]?.count ?? 0)]),
    ),
    ...chart(verifiedChart(r), `Verified levels held, ${r.periodNow ?? ""}`),
  ];
}

function actions(r: AnnualReport): Block[] {
  const a = r.actions;
  const listed = a.overdueList.slice(0, OVERDUE_LISTED);
  return [
    heading(2, "Open and overdue actions", true),
    paragraph(
      `${count(a.open, "action")} open in improvement plans, ${a.overdue} past their target date.`,
    ),
    listed.length
      ? reportTable(
          "Overdue actions, oldest target date first",
          [
            ["Organisation", 0.25],
            ["Component", 0.14],
            ["Action", 0.26],
            ["Owner", 0.14],
            ["Target date", 0.21],
          ],
          listed.map((x) => [
            x.organisationName,
            x.componentId,
            x.description,
            x.owner ?? "",
            x.targetDate ? formatDate(x.targetDate) : "",
          ]),
        )
      : paragraph("No action is overdue."),
    ...(a.overdue > listed.length
      ? [
          paragraph(
            `${a.overdue - listed.length} more overdue actions are counted on each organisation's page in the appendix.`,
          ),
        ]
      : []),
  ];
}

function appendix(r: AnnualReport): Block[] {
  return [
    pageBreak(),
    heading(2, "Appendix: each organisation", true),
    paragraph(
      "One page per organisation, by name: its level, progress in each domain and its reporting sheet in short.",
    ),
    ...r.appendix.flatMap((o): Block[] => [
      pageBreak(),
      heading(3, o.organisation.name),
      list([
        `Place: ${o.organisation.placeName ?? "serves the whole system"}`,
        `Return for ${r.periodNow ?? "this year"}: ${returnWords[o.returnState]}`,
        `Level: ${o.level ?? "none"} self-assessed, ${o.verifiedLevel ?? "none"} verified`,
        `A year ago: ${o.levelBefore ?? "no submitted return"}. ${movementWords[o.movement]}.`,
        `Components fulfilled by domain: ${o.domains.map((d) => `domain ${d.number}, ${d.fulfilled} of ${d.total}`).join("; ")}`,
        `Actions: ${o.openActions} open, ${o.overdueActions} overdue`,
      ]),
      reportTable(
        `${o.organisation.name}: reporting sheet in short`,
        [
          ["Component", 0.6],
          ["Status", 0.2],
          ["Review", 0.2],
        ],
        o.sheet.map((c) => [
          `${c.componentId} ${c.title}`,
          statusWords[c.status],
          reviewWords(c.status, c.review),
        ]),
      ),
    ]),
  ];
}

/**
 * The sections other modules write, placed in the paper's order: the
 * outcome measures (app/reports/outcomes-section.ts) after the domains.
 */
export type ReportSections = { outcomes?: Block[] };

export function annualReportDocument(
  r: AnnualReport,
  sections: ReportSections = {},
): DocumentModel {
  const title = `${r.title}: ${r.scope.name}`;
  return {
    meta: { title, subject: `Anchor charter annual report for ${r.scope.name}, ${r.year}` },
    furniture: { footer: title, cover: true },
    blocks: [
      ...cover(r),
      ...summary(r),
      ...domains(r),
      ...(sections.outcomes ?? []),
      ...gapsAndPractice(r),
      ...verification(r),
      ...actions(r),
      ...appendix(r),
    ],
  };
}
