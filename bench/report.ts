import type { DatasetStats } from "./generate";
import type { Timing } from "./timing";

export type PageResult = {
  name: string;
  as: string;
  /** Null for a page not built yet. */
  page: Timing | null;
  sql: Timing | null;
  /** The page's HTML as served, and gzipped as a browser would fetch it. */
  html?: { bytes: number; gzip: number } | null;
};

export type SizeResult = {
  stats: DatasetStats;
  reused: boolean;
  file: string;
  /** The database the app ran on: the SQLite file, or its PostgreSQL copy. */
  databaseUrl: string;
  /** Where the pages were timed: the SQLite file, or the PostgreSQL database it was copied to. */
  database: string;
  copied: { seconds: number; reused: boolean } | null;
  peakRss: number | null;
  /** Server processes the app ran (WEB_CONCURRENCY). */
  processes: number;
  pages: PageResult[];
};

// The issue's targets, shown beside the figures; nothing fails on them.
const P95_TARGET_MS = 100;
const RATIO_TARGET = 3;

const ms = (n: number) => `${n.toFixed(1)} ms`;
const count = (n: number | undefined) => (n ?? 0).toLocaleString("en-GB");
const plural = (n: number, noun: string) => `${count(n)} ${noun}${n === 1 ? "" : "s"}`;
const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

export function sizeReport(result: SizeResult): string {
  const { shape, rows } = result.stats;
  const lines = [
    `## ${shape.months} months: ${plural(shape.systems, "system")}, ${plural(shape.places, "place")}, ${plural(shape.organisations, "organisation")}`,
    "",
    `Dataset: ${result.file}`,
    `Generated in ${result.stats.generationSeconds.toFixed(0)} s${result.reused ? " (reused with --keep)" : ""}; ` +
      `database ${megabytes(result.stats.bytes)}; ${count(rows.assessment)} assessments, ` +
      `${count(rows.component_answer)} answers, ${count(rows.component_evidence)} evidence links, ` +
      `${count(rows.evidence_item)} evidence items, ${count(rows.assessment_submission)} submissions.`,
    ...(result.copied
      ? [
          `Timed on ${result.database}, ${result.copied.reused ? "a copy kept from an earlier run (--keep)" : `copied there by db:copy in ${result.copied.seconds.toFixed(0)} s (verified)`}.`,
        ]
      : []),
    `Server processes: ${result.processes}; peak RSS of the largest: ${result.peakRss === null ? "not known" : megabytes(result.peakRss)}.`,
    "",
    table(
      [
        "Page",
        "Signed in as",
        "Median",
        "p95",
        "SQL median",
        "SQL p95",
        "p95 / SQL p95",
        "Target",
        "HTML (gzip)",
      ],
      result.pages.map((p) =>
        p.page && p.sql
          ? [
              p.name,
              p.as,
              ms(p.page.median),
              ms(p.page.p95),
              ms(p.sql.median),
              ms(p.sql.p95),
              `${(p.page.p95 / p.sql.p95).toFixed(1)}x`,
              meetsTarget(p.page, p.sql),
              p.html ? `${kilobytes(p.html.bytes)} (${kilobytes(p.html.gzip)})` : "",
            ]
          : [p.name, p.as, "not built yet", "", "", "", "", "", ""],
      ),
    ),
  ];
  return lines.join("\n");
}

function meetsTarget(page: Timing, sql: Timing): string {
  const misses = [
    ...(page.p95 >= P95_TARGET_MS ? [`p95 ≥ ${P95_TARGET_MS} ms`] : []),
    ...(page.p95 > RATIO_TARGET * sql.p95 ? [`> ${RATIO_TARGET}x SQL`] : []),
  ];
  return misses.length ? `missed: ${misses.join(", ")}` : "met";
}

/**
 * Each page's median and p95 at every size side by side: the issue asks that
 * none grows with history. Growth is of the median, which noise moves least.
 */
export function growthReport(results: SizeResult[]): string {
  const sorted = [...results].sort((a, b) => a.stats.shape.months - b.stats.shape.months);
  const [first, last] = [sorted[0]!, sorted.at(-1)!];
  const at = (r: SizeResult, name: string) => r.pages.find((p) => p.name === name)?.page ?? null;
  const columns = (pick: "median" | "p95") =>
    sorted.map((r) => ({
      head: `${pick === "median" ? "Median" : "p95"} at ${r.stats.shape.months}`,
      cell: (name: string) => {
        const t = at(r, name);
        return t ? ms(t[pick]) : "not built yet";
      },
    }));
  const all = [...columns("median"), ...columns("p95")];
  return [
    "## Pages by months of history",
    "",
    table(
      ["Page", ...all.map((c) => c.head), "Median growth"],
      first.pages.map(({ name }) => {
        const [a, b] = [at(first, name), at(last, name)];
        return [
          name,
          ...all.map((c) => c.cell(name)),
          a && b ? `${(b.median / a.median).toFixed(1)}x` : "",
        ];
      }),
    ),
  ].join("\n");
}
