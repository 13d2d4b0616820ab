import { coverageChart } from "~/charts/coverage";
import { levelCountsChart } from "~/charts/level-counts";
import { accessibleName, type ChartSpec } from "~/charts/spec";
import type { TableColumn } from "~/documents/blocks";
import type { AnnualReport } from "./annual-report";

/**
 * The report's charts: the dashboards' own chart functions fed the report's
 * figures, so a board sees the same pictures as the readers' pages. Each
 * comes with the table of its figures, which both documents print beside it.
 */

export type ReportTable = { columns: TableColumn[]; rows: string[][] };
export type ReportChart = { spec: ChartSpec; table: ReportTable };

const levelTable = (rows: ReadonlyArray<{ label: string; count: number }>): ReportTable => ({
  columns: [
    { header: "Level held", width: 0.7 },
    { header: "Organisations", width: 0.3 },
  ],
  rows: rows.map((r) => [r.label, String(r.count)]),
});

/**
 * Levels held in the month reported or a year before. Both (and the verified
 * chart) are drawn on one axis, the report's `levelAxisMax`, so the two
 * years compare by eye; each title names its month and year.
 */
export function levelsChart(report: AnnualReport, which: "now" | "before"): ReportChart | null {
  const periodLabel = which === "now" ? report.namedNow : report.namedBefore;
  if (!periodLabel) return null;
  const rows = which === "now" ? report.summary.levelsNow : report.summary.levelsBefore;
  return {
    spec: levelCountsChart({
      periodLabel,
      levelIds: report.levelIds,
      rows,
      axisMax: report.levelAxisMax,
    }),
    table: levelTable(rows),
  };
}

export function verifiedChart(report: AnnualReport): ReportChart | null {
  if (!report.namedNow) return null;
  const rows = report.verification.verified;
  const spec = levelCountsChart({
    periodLabel: report.namedNow,
    levelIds: report.levelIds,
    rows,
    axisMax: report.levelAxisMax,
  });
  const title = `Verified levels: ${spec.title.charAt(0).toLowerCase()}${spec.title.slice(1)}`;
  return {
    spec: {
      ...spec,
      title,
      label: accessibleName(
        "Bar chart of how many organisations hold each level when only verified answers count",
        title,
      ),
    },
    table: levelTable(rows),
  };
}

export function domainChart(report: AnnualReport, domainNumber: number): ReportChart | null {
  const domain = report.domains.find((d) => d.number === domainNumber);
  if (!report.namedNow || !domain) return null;
  return {
    spec: coverageChart({ periodLabel: report.namedNow, rows: domain.rows }),
    table: {
      columns: [
        { header: "Component", width: 0.55 },
        { header: "Returns", width: 0.15 },
        { header: "Fulfilled", width: 0.15 },
        { header: "Of which verified", width: 0.15 },
      ],
      rows: domain.rows.map((r) => [
        `${r.componentId} ${r.title}`,
        String(r.returns),
        String(r.fulfilled),
        String(r.verified),
      ]),
    },
  };
}
