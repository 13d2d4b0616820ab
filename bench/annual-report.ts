import SQLite from "better-sqlite3";
import { getReportJob, enqueueReportJob } from "../app/models/report-jobs.server";
import { databaseConfig } from "../db/config";
import { createDatabase } from "../db/dialect";
import type { RunningApp } from "../tests/setup/start-app";
import { visit, type Visitor } from "../tests/support/http";
import { peakRss } from "./app-server";
import { percentile } from "./timing";

/**
 * The largest system's annual report at national scale (issue 10, ADR 029):
 * a job queued as the request page would, built by the app's runner in its
 * worker thread, while a place lead opens their place summary again and again.
 * Prints how long the build took from queue to file, the server's peak
 * memory, and the pages' times meanwhile. Asserts nothing (ADR 020).
 */

export type ReportBenchResult = {
  database: string;
  system: { id: number; name: string; organisations: number };
  year: number;
  format: "pdf" | "docx";
  status: string;
  seconds: number;
  fileSize: number | null;
  peakRss: number | null;
  pages: number[];
  /** The same page timed just before the build, on the same machine: the baseline. */
  before: number[];
  pagePath: string;
};

export function largestSystem(file: string) {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const system = db
      .prepare(
        `select s.id, s.name, count(o.id) as organisations from system s
         join organisation o on o.system_id = s.id group by s.id, s.name
         order by count(o.id) desc, s.id limit 1`,
      )
      .get() as { id: number; name: string; organisations: number };
    const { year } = db
      .prepare(
        "select max(substr(starts_on, 1, 4)) as year from assessment_period where system_id = ?",
      )
      .get(system.id) as { year: string };
    return { system, year: Number(year) };
  } finally {
    db.close();
  }
}

export async function annualReportBench(args: {
  app: RunningApp;
  databaseUrl: string;
  database: string;
  file: string;
  format: "pdf" | "docx";
  reader: Visitor;
  pagePath: string;
}): Promise<ReportBenchResult> {
  const { system, year } = largestSystem(args.file);
  const db = createDatabase(databaseConfig(args.databaseUrl));
  try {
    // Warm the page, then time it alone: the machine's baseline beside the figures during the build.
    const timePage = async () => {
      const at = performance.now();
      const response = await visit(args.app.url, args.pagePath, { visitor: args.reader });
      await response.text();
      if (response.status !== 200) throw new Error(`${args.pagePath} answered ${response.status}`);
      return performance.now() - at;
    };
    for (let i = 0; i < 5; i++) await timePage();
    const before: number[] = [];
    for (let i = 0; i < 30; i++) before.push(await timePage());
    const started = performance.now();
    const job = await enqueueReportJob(db, {
      scope_kind: "system",
      scope_id: system.id,
      system_id: system.id,
      year,
      format: args.format,
      requested_by: null,
      now: new Date(),
    });
    const pages: number[] = [];
    let row = job;
    while (row.status === "queued" || row.status === "running") {
      pages.push(await timePage());
      row = (await getReportJob(db, { id: job.id }))!;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return {
      database: args.database,
      system,
      year,
      format: args.format,
      status: row.status === "failed" ? `failed: ${row.error}` : row.status,
      seconds: (performance.now() - started) / 1000,
      fileSize: row.file_size,
      peakRss: peakRss(args.app),
      pages,
      before,
      pagePath: args.pagePath,
    };
  } finally {
    await db.destroy();
  }
}

export function annualReportReport(results: readonly ReportBenchResult[]): string {
  const mb = (bytes: number | null) =>
    bytes === null ? "n/a" : `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  const rows = results.map((r) => {
    const sorted = [...r.pages].sort((a, b) => a - b);
    const at = (p: number) => (sorted.length ? `${percentile(sorted, p).toFixed(1)} ms` : "none");
    const alone = [...r.before].sort((a, b) => a - b);
    const baseline = `${percentile(alone, 0.5).toFixed(1)} / ${percentile(alone, 0.95).toFixed(1)} ms`;
    const size =
      r.fileSize === null ? "n/a" : `${Math.round(r.fileSize / 1024).toLocaleString("en-GB")} KB`;
    return `| ${r.format.toUpperCase()} | ${r.status} | ${r.seconds.toFixed(1)} s | ${size} | ${mb(r.peakRss)} | ${baseline} | ${sorted.length} | ${at(0.5)} | ${at(0.95)} |`;
  });
  const first = results[0]!;
  return [
    `## Annual report of the largest system: ${first.system.name}, ${first.system.organisations.toLocaleString("en-GB")} organisations, ${first.year}, on ${first.database}`,
    "",
    `Pages timed meanwhile: ${first.pagePath} (a place lead's place summary), one after another.`,
    "",
    "| Format | Result | Queue to file (target < 30 s) | File | Server peak memory | Page alone p50 / p95 | Pages during | p50 during | p95 during (target < 200 ms) |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}
