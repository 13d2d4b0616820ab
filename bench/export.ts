import fs from "node:fs";
import { databaseConfig } from "../db/config";
import { createDatabase } from "../db/dialect";
import type { RunningApp } from "../tests/setup/start-app";
import { visit, type Visitor } from "../tests/support/http";
import { signInAs } from "./app-server";
import { benchEmail } from "./people";
import { findTargets } from "./targets";
import { percentile } from "./timing";

/**
 * The full-country CSV export (issue 10): every system's returns and
 * components downloaded one after another, as an analyst with every system
 * would, while a place lead keeps reading their place summary. Prints the
 * time, the bytes, the server's memory before and at its peak (sampled every
 * 50 ms: it must stay flat as the country grows) and the page's times meanwhile.
 */
export type ExportResult = {
  datasets: Array<{
    dataset: string;
    systems: number;
    rows: number;
    bytes: number;
    seconds: number;
  }>;
  rssBefore: number;
  rssPeak: number;
  pages: number[];
  /** The same page's times just before, with nothing else running. */
  quiet: number[];
};

const DATASETS = ["returns", "components"] as const;

export async function countryExport(args: {
  databaseUrl: string;
  file: string;
  start: () => Promise<RunningApp>;
}): Promise<ExportResult> {
  const systems = await grantEverySystem(args.databaseUrl);
  const targets = findTargets(args.file);
  const app = await args.start();
  try {
    const analyst = await signInAs(app, args.file, "admin");
    const reader = await signInAs(app, args.file, "place_lead");
    const page = `/places/${targets.placeId}`;
    for (let i = 0; i < 5; i++) await timedPage(app, reader, page);
    const quiet: number[] = [];
    for (let i = 0; i < 10; i++) quiet.push(await timedPage(app, reader, page));
    const rssBefore = rssOf(app);
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssOf(app))), 50);
    let exporting = true;
    const pages: number[] = [];
    const reading = (async () => {
      while (exporting) {
        pages.push(await timedPage(app, reader, page));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const datasets: ExportResult["datasets"] = [];
    try {
      for (const dataset of DATASETS) {
        const start = performance.now();
        let rows = 0;
        let bytes = 0;
        for (const systemId of systems) {
          const counted = await download(
            app,
            analyst,
            `/exports/systems/${systemId}/${dataset}.csv`,
          );
          rows += counted.rows;
          bytes += counted.bytes;
        }
        datasets.push({
          dataset,
          systems: systems.length,
          rows,
          bytes,
          seconds: (performance.now() - start) / 1000,
        });
      }
    } finally {
      exporting = false;
      await reading;
      clearInterval(sampler);
    }
    return { datasets, rssBefore, rssPeak: Math.max(rssPeak, rssOf(app)), pages, quiet };
  } finally {
    await app.stop();
  }
}

/**
 * An analyst of the whole country: the bench administrator is given the
 * administrator's role in every system (idempotent, so a kept dataset is
 * reused as it is). Returns every system's id.
 */
async function grantEverySystem(databaseUrl: string): Promise<number[]> {
  const db = createDatabase(databaseConfig(databaseUrl));
  try {
    const systems = (await db.selectFrom("system").select("id").orderBy("id").execute()).map(
      (s) => s.id,
    );
    const user = await db
      .selectFrom("app_user")
      .select("id")
      .where("email", "=", benchEmail("admin"))
      .executeTakeFirstOrThrow();
    const held = new Set(
      (
        await db
          .selectFrom("role_assignment")
          .select("system_id")
          .where("user_id", "=", user.id)
          .where("role", "=", "admin")
          .execute()
      ).map((r) => r.system_id),
    );
    const missing = systems.filter((id) => !held.has(id));
    if (missing.length) {
      await db
        .insertInto("role_assignment")
        .values(
          missing.map((system_id) => ({ user_id: user.id, role: "admin" as const, system_id })),
        )
        .execute();
    }
    return systems;
  } finally {
    await db.destroy();
  }
}

/** Reads a download as it streams, keeping nothing but its counts. */
async function download(app: RunningApp, visitor: Visitor, path: string) {
  const response = await visit(app.url, path, { visitor });
  if (response.status !== 200 || !response.body)
    throw new Error(`${path} answered ${response.status}`);
  let bytes = 0;
  let rows = -1; // the header line
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (const byte of chunk) if (byte === 0x0a) rows++;
  }
  return { rows, bytes };
}

async function timedPage(app: RunningApp, visitor: Visitor, path: string) {
  const start = performance.now();
  const response = await visit(app.url, path, { visitor });
  await response.text();
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  return performance.now() - start;
}

/** Resident memory of the server's processes now, the largest of the family (Linux). */
function rssOf(app: RunningApp): number {
  if (app.pid === undefined) return 0;
  const family = (pid: number): number[] => {
    const file = `/proc/${pid}/task/${pid}/children`;
    const children = fs.existsSync(file)
      ? fs.readFileSync(file, "utf8").trim().split(/\s+/).filter(Boolean).map(Number)
      : [];
    return [pid, ...children.flatMap(family)];
  };
  return Math.max(
    0,
    ...family(app.pid).map((pid) => {
      try {
        const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
        return match ? Number(match[1]) * 1024 : 0;
      } catch {
        return 0; // a process that ended between listing and reading
      }
    }),
  );
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function exportReport(result: ExportResult, months: number): string {
  const sorted = [...result.pages].sort((a, b) => a - b);
  const quiet = [...result.quiet].sort((a, b) => a - b);
  const at = (p: number, list = sorted) =>
    list.length ? `${percentile(list, p).toFixed(1)} ms` : "none";
  return [
    `## Full-country CSV export, ${months} months`,
    "",
    "| Dataset | Systems | Rows | Size | Time | Rows/s |",
    "| --- | --- | --- | --- | --- | --- |",
    ...result.datasets.map(
      (d) =>
        `| ${d.dataset} | ${d.systems} | ${d.rows.toLocaleString("en-GB")} | ${megabytes(d.bytes)} | ${d.seconds.toFixed(1)} s | ${Math.round(d.rows / d.seconds).toLocaleString("en-GB")} |`,
    ),
    "",
    `Server memory (RSS of the largest process): ${megabytes(result.rssBefore)} before, ${megabytes(result.rssPeak)} at the peak during the export (target: flat as the country grows).`,
    `Place summary meanwhile: ${sorted.length} requests, p50 ${at(0.5)}, p95 ${at(0.95)} (target p95 < 200 ms); before it, alone: p50 ${at(0.5, quiet)}, p95 ${at(0.95, quiet)}.`,
  ].join("\n");
}
