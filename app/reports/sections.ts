import {
  type Block,
  chartFigure,
  heading,
  list,
  pageBreak,
  paragraph,
  table,
} from "~/documents/blocks";
import { formatDate } from "~/utils/dates";
import type { AnnualReport } from "./annual-report";
import { domainChart, levelsChart, type ReportChart, verifiedChart } from "./report-charts";

/**
 * The annual report's sections before the appendix, each a pure function of
 * the report's figures returning blocks (see reportSections in
 * annual-report-layout.ts for their order).
 */

/** A board paper lists this many overdue actions; the rest are in each organisation's entry. */
export const OVERDUE_LISTED = 40;

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const chart = (c: ReportChart | null, caption: string): Block[] =>
  c ? [chartFigure(c.spec, { caption, ...c.table })] : [];

/** A table of the report's, its columns given as [header, share of the width]. */
export function reportTable(
  caption: string,
  columns: Array<[string, number]>,
  rows: string[][],
  rowHeaders = false,
) {
  return table({
    caption,
    columns: columns.map(([header, width]) => ({ header, width })),
    rows,
    ...(rowHeaders ? { rowHeaders } : {}),
  });
}

export function summary(r: AnnualReport): Block[] {
  const s = r.summary;
  const soFar = r.provisional ? " so far" : "";
  return [
    heading(2, "Summary", true),
    heading(3, "What changed"),
    r.whatChanged.length
      ? list(r.whatChanged)
      : paragraph("There is no month of this year to report yet."),
    ...(r.periodBefore
      ? [
          heading(3, `Movement since ${r.periodBefore}`),
          list([
            `${count(s.movedUp, "organisation")} moved up a level${soFar}.`,
            `${count(s.movedDown, "organisation")} moved down a level${soFar}.`,
            `${count(s.stayed, "organisation")} held the same level${soFar}.`,
            `${count(s.notComparable, "organisation")} could not be compared: no submitted return for ${r.periodNow} or for ${r.periodBefore}.`,
          ]),
        ]
      : []),
    heading(3, `Levels held in ${r.periodNow ?? "the year"}`),
    ...(r.namedNow
      ? chart(levelsChart(r, "now"), `Levels held, ${r.namedNow}`)
      : [paragraph("No month of this year to show.")]),
    heading(3, "Levels held a year before"),
    ...(r.namedBefore
      ? chart(levelsChart(r, "before"), `Levels held, ${r.namedBefore}`)
      : [paragraph("There is no month a year before this one to compare with.")]),
  ];
}

/** One page: each place's returns and levels, and the change since the same month a year before. */
export function placesSummary(r: AnnualReport): Block[] {
  if (!r.places || !r.periodNow) return [];
  const buckets = r.summary.levelsNow.map((l) => l.bucket);
  const labelOf = new Map(r.summary.levelsNow.map((l) => [l.bucket, l.label]));
  const shown = ["no_level", ...r.levelIds];
  const first = labelOf.get(r.levelIds[0] ?? "") ?? "the first level";
  const total = r.places.reduce(
    (sum, p) => ({
      name: "Whole system",
      organisations: sum.organisations + p.organisations,
      submittedNow: sum.submittedNow + p.submittedNow,
      levels: sum.levels.map((l, i) => ({ ...l, count: l.count + (p.levels[i]?.count ?? 0) })),
      atLevelBefore: sum.atLevelBefore + p.atLevelBefore,
      up: sum.up + p.up,
      down: sum.down + p.down,
      same: sum.same + p.same,
      notComparable: sum.notComparable + p.notComparable,
    }),
    {
      name: "Whole system",
      organisations: 0,
      submittedNow: 0,
      levels: buckets.map((bucket) => ({ bucket, count: 0 })),
      atLevelBefore: 0,
      up: 0,
      down: 0,
      same: 0,
      notComparable: 0,
    },
  );
  return [
    pageBreak(),
    heading(2, "Summary by place", true),
    paragraph(
      `Each place's returns for ${r.namedNow} and the levels they hold${r.periodBefore ? `, with the change since ${r.periodBefore}` : ""}. System-wide organisations serve every place and are a row of their own; the last row is the whole system.`,
    ),
    reportTable(
      `Returns and levels by place, ${r.namedNow}`,
      [
        ["Place", 2],
        ["Returns", 1],
        ...shown.map((b): [string, number] => [labelOf.get(b as never) ?? b, 0.9]),
        [`${first} or above a year before`, 1.2],
        ["Since a year before", 2],
      ],
      [...r.places, total].map((p) => [
        p.name,
        `${p.submittedNow} of ${p.organisations}`,
        ...shown.map((b) => String(p.levels[buckets.indexOf(b as never)]?.count ?? 0)),
        r.periodBefore ? String(p.atLevelBefore) : "No month",
        r.periodBefore
          ? `${p.up} up, ${p.down} down, ${p.same} the same, ${p.notComparable} not compared`
          : "",
      ]),
      true,
    ),
  ];
}

export function domains(r: AnnualReport): Block[] {
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
      ...(d.possible && r.namedNow
        ? chart(
            domainChart(r, d.number),
            `Domain ${d.number}: returns fulfilling each component, ${r.namedNow}`,
          )
        : []),
    ]),
  ];
}

export function gapsAndPractice(r: AnnualReport): Block[] {
  return [
    heading(2, "Most common gaps", true),
    r.gaps.length
      ? reportTable(
          `The components least often fulfilled, ${r.namedNow}`,
          [
            ["Component", 0.55],
            ["Domain", 0.13],
            ["Fulfilled by", 0.16],
            ["Returns", 0.16],
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
          `Practice shared within ${r.yearLabel}${r.periodNow ? ` up to the end of ${r.periodNow}` : ""}, newest first`,
          [
            ["Practice", 0.36],
            ["Organisation", 0.27],
            ["Components", 0.16],
            ["Shared on", 0.21],
          ],
          r.sharedPractice.map((p) => [
            p.title,
            p.organisationName,
            p.componentIds.join(", "),
            formatDate(p.sharedAt),
          ]),
        )
      : paragraph(`No organisation in scope shared practice within ${r.yearLabel}.`),
  ];
}

export function verification(r: AnnualReport): Block[] {
  const v = r.verification;
  return [
    heading(2, "Verified against self-assessed", true),
    paragraph(
      `${v.verifiedAnswers} of ${v.fulfilledAnswers} fulfilled answers have been verified by the steering group.`,
    ),
    reportTable(
      `Organisations at each level, self-assessed and verified, ${r.namedNow ?? r.yearLabel}`,
      [
        ["Level held", 0.6],
        ["Self-assessed", 0.2],
        ["Verified", 0.2],
      ],
      v.self.map((row, i) => [row.label, String(row.count), String(v.verified[i]?.count ?? 0)]),
    ),
    ...chart(verifiedChart(r), `Verified levels held, ${r.namedNow ?? ""}`),
  ];
}

export function actions(r: AnnualReport): Block[] {
  const a = r.actions;
  const listed = a.overdueList.slice(0, OVERDUE_LISTED);
  const when = r.periodNow
    ? r.provisional
      ? `in the plans submitted so far for ${r.periodNow}`
      : `at the end of ${r.periodNow}`
    : "";
  return [
    heading(2, "Open and overdue actions", true),
    paragraph(
      `${count(a.open, "action")} open in improvement plans ${when}, ${a.overdue} past their target date${r.provisional ? "" : " then"}. The plans are those sent with the returns.`,
    ),
    listed.length
      ? reportTable(
          `Overdue actions ${when}, oldest target date first`,
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
      : paragraph("No action was overdue."),
    ...(a.overdue > listed.length
      ? [
          paragraph(
            `${a.overdue - listed.length} more overdue actions are counted in each organisation's entry in the appendix.`,
          ),
        ]
      : []),
  ];
}
