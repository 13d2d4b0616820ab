import { outcomeSeriesChart } from "~/charts/outcome-series";
import { type Block, chartFigure, heading, pageBreak, paragraph, table } from "~/documents/blocks";
import type { OutcomeView } from "~/readers/outcome-series.server";
import { figureWords } from "~/utils/figures";
import type { OutcomesReport } from "./outcomes-report.server";

/**
 * The annual report's outcomes section (ADR 040), as blocks of the one
 * document model: a summary table of every measure at the year's end, then
 * per measure its series over the year as a chart with its table, its
 * target and progress by the stated rule, and how many organisations
 * reported. Pure: a function of the report's outcome figures.
 */

const progressWords = {
  met: "Target met",
  "on track": "On track",
  behind: "Behind",
  "no figure": "No figure to judge",
};

function counting(report: OutcomesReport): string {
  const base =
    "A figure counts once its month's return is submitted and the month's returns are due; a share is the parts added up over the wholes added up, never an average of percentages.";
  if (report.scopeKind === "place")
    return `${base} A place's figures are its own organisations'; the system-wide organisations count in the ICS's.`;
  if (report.scopeKind === "system")
    return `${base} The system's figures are every organisation's, the system-wide ones included.`;
  return `${base} These are the organisation's own figures.`;
}

const reported = (v: OutcomeView) =>
  v.organisations === null
    ? v.latest
      ? "Reported"
      : "Not reported"
    : `${v.reporting ?? 0} of ${v.organisations}`;

function measureBlocks(v: OutcomeView, year: string): Block[] {
  const spec = outcomeSeriesChart(v);
  const scoped = v.organisations !== null;
  const ratio = v.kind === "ratio";
  const withTarget = v.rows.some((r) => r.expected !== null);
  const columns = [
    { header: "Period", width: 0.2 },
    { header: "Figure", width: 0.16 },
    ...(ratio ? [{ header: "Part of whole", width: 0.3 }] : []),
    ...(scoped ? [{ header: "Organisations reported", width: 0.16 }] : []),
    ...(withTarget ? [{ header: "Target path", width: 0.14 }] : []),
  ];
  const rows = v.rows.map((r) => [
    r.label,
    r.figure,
    ...(ratio ? [r.parts ?? ""] : []),
    ...(scoped ? [`${r.reporting ?? 0} of ${v.organisations}`] : []),
    ...(withTarget ? [r.expected ?? ""] : []),
  ]);
  return [
    heading(3, v.name),
    paragraph(`What is counted: ${v.definition}`, { emphasis: "quiet" }),
    ...(v.rows.length
      ? [chartFigure(spec, { caption: `${v.name}, ${v.scopeName}, ${year}`, columns, rows })]
      : [paragraph(`${v.name} was not due in ${year}.`)]),
    paragraph(
      v.targetWords
        ? `${v.progress ? `${progressWords[v.progress]}. ` : ""}${v.targetWords}. ${v.progressRule}`
        : `No target is set for ${v.scopeName}.`,
    ),
  ];
}

export function outcomesSection(report: OutcomesReport, year: string): Block[] {
  if (!report.views.length) return [];
  return [
    pageBreak(),
    heading(2, "Outcome measures", true),
    paragraph(
      `The numbers behind the levels, ${report.from && report.to ? `from ${report.from} to ${report.to}` : year}. ${counting(report)}`,
    ),
    table({
      caption: `Outcome measures at the end of ${year}`,
      columns: [
        { header: "Measure", width: 0.26 },
        { header: "Newest figure", width: 0.17 },
        { header: "Organisations reported", width: 0.13 },
        { header: "Change over 12 months", width: 0.28 },
        { header: "Target", width: 0.16 },
      ],
      rows: report.views.map((v) => [
        v.name,
        v.latest
          ? `${figureWords(v.kind, v.unit, v.latest.value)} in ${v.latest.label}`
          : "No figure",
        reported(v),
        v.latest ? v.change : "",
        v.progress && v.target ? progressWords[v.progress] : "No target",
      ]),
      rowHeaders: true,
    }),
    ...report.views.flatMap((v) => measureBlocks(v, year)),
  ];
}
