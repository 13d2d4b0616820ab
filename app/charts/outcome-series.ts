import { formatDate } from "../utils/dates";
import { amount, figureWords } from "../utils/figures";
import type { LabelledDataset } from "./direct-labels";
import { directLabels } from "./direct-labels";
import { CATEGORICAL, GREY_OUTLINE, INK } from "./palette";
import { accessibleName, baseOptions, type ChartSpec, gridColour, text, WIDTH } from "./spec";

/**
 * An outcome measure over time for one scope (an organisation, a place, the
 * system): a line per version of the definition (figures under two
 * definitions are not joined), an organisation's figures that do not count
 * yet as hollow points, and the straight line to the target, dashed.
 */
export type OutcomeSeriesFigures = {
  name: string;
  kind: "ratio" | "total";
  unit: string;
  scopeName: string;
  periods: ReadonlyArray<{
    label: string;
    points: ReadonlyArray<{ version: number; value: number | null; provisional: string | null }>;
    /** The target's straight line on this period's last day; null before the baseline or with no target. */
    expected: number | null;
  }>;
  latest: { label: string; value: number | null } | null;
  /** The change over 12 months in words ("up 4.1 percentage points on September 2025"), or why there is none. */
  change: string;
  target: { value: number; by: string; whose: "own" | "system" } | null;
  progress: "met" | "on track" | "behind" | "no figure" | null;
};

const progressWords = {
  met: "target met",
  "on track": "on track",
  behind: "behind",
  "no figure": "no figure to judge",
};

/** "University Hospitals: 31.2% in September 2026, up 4.1 percentage points on September 2025; on track for 35% by 31 March 2029". */
export function outcomeHeadline(f: OutcomeSeriesFigures): string {
  if (!f.latest) return `${f.scopeName}: no figure has counted yet`;
  const head = `${f.scopeName}: ${figureWords(f.kind, f.unit, f.latest.value)} in ${f.latest.label}, ${f.change}`;
  if (!f.target || !f.progress) return head;
  const whose = f.target.whose === "system" ? "the system's target" : "its own target";
  return `${head}; ${progressWords[f.progress]} for ${whose} of ${figureWords(f.kind, f.unit, f.target.value)} by ${formatDate(f.target.by)}`;
}

export function outcomeSeriesChart(f: OutcomeSeriesFigures): ChartSpec<"line"> {
  const title = outcomeHeadline(f);
  const versions = [...new Set(f.periods.flatMap((p) => p.points.map((q) => q.version)))].sort();
  const labels = f.periods.map((p) => p.label);
  const valueAt = (version: number, provisional: boolean) =>
    f.periods.map((p) => {
      const point = p.points.find((q) => q.version === version && !!q.provisional === provisional);
      return point?.value ?? null;
    });
  const datasets: Array<LabelledDataset<"line">> = versions.flatMap((version, i) => {
    const colour = CATEGORICAL[i % CATEGORICAL.length]!;
    const name = versions.length > 1 ? `${f.scopeName} (definition ${version})` : f.scopeName;
    const counted: LabelledDataset<"line"> = {
      label: name,
      data: valueAt(version, false),
      borderColor: colour,
      backgroundColor: colour,
      borderWidth: 3,
      pointRadius: 5,
      // A period with no figures is a gap, not a line drawn across it.
      spanGaps: false,
      clip: 8,
    };
    const provisional = valueAt(version, true);
    if (provisional.every((v) => v === null)) return [counted];
    return [
      counted,
      {
        label: `${name}, not counted yet`,
        data: provisional,
        borderColor: colour,
        backgroundColor: "#ffffff",
        borderWidth: 2,
        pointRadius: 6,
        pointStyle: "circle",
        showLine: false,
        clip: 8,
      },
    ];
  });
  if (f.periods.some((p) => p.expected !== null)) {
    datasets.push({
      label: "Straight line to the target",
      data: f.periods.map((p) => p.expected),
      borderColor: GREY_OUTLINE,
      backgroundColor: GREY_OUTLINE,
      borderWidth: 2,
      borderDash: [6, 4],
      pointRadius: 0,
      spanGaps: true,
      directLabels: f.periods.map(() => "Target path"),
      labelPlacement: "last",
      labelColour: INK,
    });
  }
  const values = f.periods.flatMap((p) => [...p.points.map((q) => q.value), p.expected]);
  const most = Math.max(0, ...values.filter((v): v is number => v !== null));
  const tick = (value: number | string) =>
    f.kind === "ratio" ? `${value}%` : amount(Number(value), f.unit === "£" ? "£" : "");
  return {
    title,
    label: accessibleName(`Line chart of ${f.name} by period`, title),
    width: WIDTH,
    height: 300,
    config: {
      type: "line",
      data: { labels, datasets },
      options: {
        ...baseOptions(),
        layout: { padding: { right: datasets.some((d) => d.directLabels) ? 96 : 8 } },
        plugins: {
          ...baseOptions().plugins,
          legend: {
            display: datasets.length > 1,
            position: "bottom",
            labels: { ...text, usePointStyle: true },
          },
        },
        scales: {
          x: { ticks: { ...text, maxRotation: 0, autoSkip: true }, grid: { display: false } },
          y: {
            beginAtZero: true,
            suggestedMax: f.kind === "ratio" ? Math.min(100, Math.ceil(most / 10) * 10 + 10) : most,
            ticks: { ...text, callback: tick },
            grid: { color: gridColour },
            title: {
              display: true,
              text: f.kind === "ratio" ? "Share (%)" : f.unit,
              ...text,
            },
          },
        },
      },
      plugins: [directLabels],
    },
  };
}
