import { formatDate, formatDateTime } from "~/utils/dates";
import type { AnnualReport } from "./annual-report";
import type { Block, DocumentContent, Table } from "./blocks";
import { domainChart, levelsChart, type ReportChart, verifiedChart } from "./report-charts";

/**
 * The annual report as a board paper, in words: cover, contents, executive
 * summary, findings by domain, common gaps, shared practice, verified against
 * self-assessed, actions, and an appendix page per organisation. Pure: the
 * renderers in ./pdf and ./docx draw these blocks.
 */

/** A board paper lists this many overdue actions; the rest are in each organisation's page. */
export const OVERDUE_LISTED = 40;

const scopeWords = { organisation: "Organisation", place: "Place", system: "Integrated care system" };
const statusWords = { fulfilled: "Fulfilled", in_progress: "In progress", not_started: "Not started" };
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
  c ? [{ type: "chart", spec: c.spec, table: { caption, ...c.table, widths: c.table.headers.length === 2 ? [0.7, 0.3] : [0.55, 0.15, 0.15, 0.15] } }] : [];

function cover(r: AnnualReport): Block[] {
  return [
    { type: "heading", level: 1, text: r.title },
    { type: "paragraph", text: `${scopeWords[r.scope.kind]}: ${r.scope.name}`, emphasis: "lead" },
    {
      type: "paragraph",
      text: r.periodNow
        ? `Year ${r.year}: returns for ${r.periodNow}${r.periodBefore ? ` compared with ${r.periodBefore}` : ", with no month a year before to compare"}.`
        : `Year ${r.year}: no month of this year has been opened yet, so there is nothing to report.`,
    },
    { type: "paragraph", text: `Prepared ${formatDateTime(r.generatedAt)}.` },
    { type: "heading", level: 2, text: "How to read this report" },
    {
      type: "bullets",
      items: [
        "Self-assessed: the level an organisation reaches from the answers its champion submitted.",
        "Verified: the level it reaches counting only answers the steering group has reviewed and verified.",
        "Levels are worked out from the answers in the month shown, never typed in. Organisations are listed by name, not ranked.",
      ],
    },
    { type: "pageBreak" },
    { type: "contents" },
    { type: "pageBreak" },
  ];
}

function summary(r: AnnualReport): Block[] {
  const s = r.summary;
  return [
    { type: "heading", level: 2, text: "Executive summary", contents: true },
    {
      type: "paragraph",
      text: `${count(s.organisations, "organisation")} in scope. ${s.submittedNow} submitted a return for ${r.periodNow ?? "this year"}${r.periodBefore ? `, against ${s.submittedBefore} for ${r.periodBefore}` : ""}.`,
    },
    {
      type: "bullets",
      items: [
        `${count(s.movedUp, "organisation")} moved up a level since a year ago.`,
        `${count(s.movedDown, "organisation")} moved down.`,
        `${count(s.stayed, "organisation")} held the same level.`,
        `${count(s.notComparable, "organisation")} could not be compared: no submitted return in one of the two years.`,
        `${count(r.actions.open, "open action")}, of which ${r.actions.overdue} overdue.`,
      ],
    },
    { type: "heading", level: 3, text: "Levels held now" },
    ...chart(levelsChart(r, "now"), `Levels held, ${r.periodNow ?? ""}`),
    { type: "heading", level: 3, text: "Levels held a year ago" },
    ...(r.periodBefore
      ? chart(levelsChart(r, "before"), `Levels held, ${r.periodBefore}`)
      : [{ type: "paragraph" as const, text: "There is no month a year before this one to compare with." }]),
  ];
}

function domains(r: AnnualReport): Block[] {
  return [
    { type: "pageBreak" },
    { type: "heading", level: 2, text: "Findings by domain", contents: true },
    ...r.domains.flatMap((d): Block[] => [
      { type: "heading", level: 3, text: `Domain ${d.number}: ${d.title}` },
      {
        type: "paragraph",
        text: d.possible
          ? `${d.fulfilled} of ${d.possible} answers in submitted returns fulfil this domain's components; ${d.verified} of them verified.`
          : "No submitted returns to report for this domain.",
      },
      ...(d.possible ? chart(domainChart(r, d.number), `Domain ${d.number}: returns fulfilling each component`) : []),
    ]),
  ];
}

function gapsAndPractice(r: AnnualReport): Block[] {
  return [
    { type: "heading", level: 2, text: "Most common gaps", contents: true },
    r.gaps.length
      ? table("The components least often fulfilled", ["Component", "Domain", "Fulfilled by", "Returns"], [0.55, 0.15, 0.15, 0.15],
          r.gaps.map((g) => [`${g.componentId} ${g.title}`, String(g.domainNumber), String(g.fulfilled), String(g.returns)]))
      : { type: "paragraph", text: "No gaps: every submitted return fulfils every component, or none was submitted." },
    { type: "heading", level: 2, text: "Notable shared practice", contents: true },
    r.sharedPractice.length
      ? table("Practice shared for others to learn from, newest first", ["Practice", "Organisation", "Components", "Shared on"], [0.4, 0.28, 0.14, 0.18],
          r.sharedPractice.map((p) => [p.title, p.organisationName, p.componentIds.join(", "), formatDate(p.sharedAt)]))
      : { type: "paragraph", text: "No organisation in scope has shared practice yet." },
  ];
}

function verification(r: AnnualReport): Block[] {
  const v = r.verification;
  return [
    { type: "heading", level: 2, text: "Verified against self-assessed", contents: true },
    {
      type: "paragraph",
      text: `${v.verifiedAnswers} of ${v.fulfilledAnswers} fulfilled answers have been verified by the steering group.`,
    },
    table("Organisations at each level, self-assessed and verified", ["Level held", "Self-assessed", "Verified"], [0.6, 0.2, 0.2],
      v.self.map((row, i) => [row.label, String(row.count), String(v.verified[i]?.count ?? 0)])),
    ...chart(verifiedChart(r), `Verified levels held, ${r.periodNow ?? ""}`),
  ];
}

function actions(r: AnnualReport): Block[] {
  const a = r.actions;
  const listed = a.overdueList.slice(0, OVERDUE_LISTED);
  return [
    { type: "heading", level: 2, text: "Open and overdue actions", contents: true },
    { type: "paragraph", text: `${count(a.open, "action")} open in improvement plans, ${a.overdue} past their target date.` },
    listed.length
      ? table("Overdue actions, oldest target date first", ["Organisation", "Component", "Action", "Owner", "Target date"], [0.25, 0.14, 0.28, 0.14, 0.19],
          listed.map((x) => [x.organisationName, x.componentId, x.description, x.owner ?? "", x.targetDate ? formatDate(x.targetDate) : ""]))
      : { type: "paragraph", text: "No action is overdue." },
    ...(a.overdue > listed.length
      ? [{ type: "paragraph" as const, text: `${a.overdue - listed.length} more overdue actions are counted on each organisation's page in the appendix.` }]
      : []),
  ];
}

function appendix(r: AnnualReport): Block[] {
  return [
    { type: "pageBreak" },
    { type: "heading", level: 2, text: "Appendix: each organisation", contents: true },
    { type: "paragraph", text: "One page per organisation, by name: its level, progress in each domain and its reporting sheet in short." },
    ...r.appendix.flatMap((o): Block[] => [
      { type: "pageBreak" },
      { type: "heading", level: 3, text: o.organisation.name },
      {
        type: "bullets",
        items: [
          `Place: ${o.organisation.placeName ?? "serves the whole system"}`,
          `Return for ${r.periodNow ?? "this year"}: ${returnWords[o.returnState]}`,
          `Level: ${o.level ?? "none"} self-assessed, ${o.verifiedLevel ?? "none"} verified`,
          `A year ago: ${o.levelBefore ?? "no submitted return"}. ${movementWords[o.movement]}.`,
          `Components fulfilled by domain: ${o.domains.map((d) => `domain ${d.number}, ${d.fulfilled} of ${d.total}`).join("; ")}`,
          `Actions: ${o.openActions} open, ${o.overdueActions} overdue`,
        ],
      },
      table(`${o.organisation.name}: reporting sheet in short`, ["Component", "Status", "Review"], [0.6, 0.2, 0.2],
        o.sheet.map((c) => [`${c.componentId} ${c.title}`, statusWords[c.status], reviewWords(c.status, c.review)])),
    ]),
  ];
}

function table(caption: string, headers: string[], widths: number[], rows: string[][]): Block {
  const t: Table = { caption, headers, widths, rows };
  return { type: "table", table: t };
}

export function annualReportDocument(r: AnnualReport): DocumentContent {
  return {
    title: `${r.title}: ${r.scope.name}`,
    subject: `Anchor charter annual report for ${r.scope.name}, ${r.year}`,
    blocks: [
      ...cover(r),
      ...summary(r),
      ...domains(r),
      ...gapsAndPractice(r),
      ...verification(r),
      ...actions(r),
      ...appendix(r),
    ],
  };
}
