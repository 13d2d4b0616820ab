import { gzipSync } from "node:zlib";
// `npm run bench`: generates a synthetic country, starts the built app on it,
// and prints each page's server time beside the time of its bare SQL.
// It prints figures; it asserts nothing (see docs/decisions/020-…).
import fs from "node:fs";
import { databaseConfig, describeDatabase } from "../db/config";
import { createDatabase } from "../db/dialect";
import type { Visitor } from "../tests/support/http";
import { visit } from "../tests/support/http";
import { annualReportBench, annualReportReport } from "./annual-report";
import { ensureBuilt, peakRss, signInAs, startBenchApp } from "./app-server";
import { datasetFile } from "./dataset-file";
import { countryExport, exportReport } from "./export";
import { existingDataset, generateDataset } from "./generate";
import { loadReport, monthEndLoad } from "./month-end";
import { type BenchOptions, type CountryShape, parseOptions } from "./options";
import { pages } from "./pages";
import { copyCountryToPostgres } from "./postgres";
import type { BenchRole } from "./people";
import { growthReport, type PageResult, type SizeResult, sizeReport } from "./report";
import { findTargets } from "./targets";
import { time, type Timing } from "./timing";

const progress = (message: string) => process.stderr.write(`${message}\n`);

async function main() {
  const options = parseOptions(process.argv.slice(2));
  ensureBuilt();
  const results: SizeResult[] = [];
  let largest: SizeResult | null = null;
  for (const shape of options.shapes) {
    const result = await benchOneSize(shape, options);
    largest = result;
    if (options.exportToo) {
      progress(`Full-country CSV export on ${result.database}…`);
      const exported = await countryExport({
        databaseUrl: result.databaseUrl,
        file: result.file,
        start: () =>
          startBenchApp({
            databaseUrl: result.databaseUrl,
            datasetFile: result.file,
            processes: options.processes,
          }),
      });
      console.log(`${exportReport(exported, shape.months)}\n`);
    }
    if (!options.pagesToo) continue;
    console.log(`${sizeReport(result)}\n`);
    results.push(result);
  }
  if (results.length > 1) console.log(`${growthReport(results)}\n`);
  if (options.load && largest) {
    const on = largest;
    progress(`Month-end load on ${on.database}…`);
    const result = await monthEndLoad(on.databaseUrl, options.load, (databaseUrl) =>
      startBenchApp({ databaseUrl, datasetFile: on.file, processes: options.processes }),
    );
    console.log(`${loadReport(result)}\n`);
  }
  if (options.report && largest) {
    progress(`The largest system's annual report on ${largest.database}…`);
    console.log(`${annualReportReport(await reportBench(largest, options))}\n`);
  }
}

/** A fresh app per format, so each one's peak memory is its own. */
async function reportBench(on: SizeResult, options: BenchOptions) {
  const targets = findTargets(on.file);
  const results = [];
  for (const format of ["pdf", "docx"] as const) {
    const app = await startBenchApp({
      databaseUrl: on.databaseUrl,
      datasetFile: on.file,
      processes: options.processes,
    });
    try {
      results.push(
        await annualReportBench({
          app,
          databaseUrl: on.databaseUrl,
          database: on.database,
          file: on.file,
          format,
          reader: await signInAs(app, on.file, "place_lead"),
          pagePath: `/places/${targets.placeId}`,
        }),
      );
    } finally {
      await app.stop();
    }
  }
  return results;
}

async function benchOneSize(shape: CountryShape, options: BenchOptions): Promise<SizeResult> {
  const file = options.databaseFile ?? datasetFile(options.dir, shape);
  // Generating starts by deleting the file: never one the benchmark did not make.
  if (options.databaseFile && fs.existsSync(file) && !existingDataset(file)) {
    throw new Error(`${file} exists and is not a benchmark dataset: remove it or name another`);
  }
  const existing = options.keep ? existingDataset(file) : null;
  const reused = existing !== null && sameShape(existing.shape, shape);
  if (!reused) progress(`Generating ${shape.months} months into ${file}…`);
  const stats = reused ? existing : await generateDataset(file, shape);
  // Ids and people are the same after the copy: targets and second factors come from the file.
  const postgres = options.postgresUrl;
  const copied = postgres
    ? await copyCountryToPostgres(file, postgres, { stats, keep: options.keep, progress })
    : null;
  const databaseUrl = postgres ?? `file:${file}`;
  const database = postgres ? describeDatabase(databaseConfig(postgres)) : `SQLite ${file}`;
  const base = { stats, reused, file, databaseUrl, database, copied, processes: options.processes };
  if (!options.pagesToo) return { ...base, peakRss: null, pages: [] };
  const targets = findTargets(file);
  const measured = pages.flatMap((p) => (p.measure ? [{ ...p, measure: p.measure }] : []));

  // The bare SQL first, before the server runs, so the two never compete.
  progress("Timing the bare SQL…");
  const sql = new Map<string, Timing>();
  const db = createDatabase(postgres ? databaseConfig(postgres) : { dialect: "sqlite", file });
  try {
    for (const page of measured) {
      sql.set(page.name, await time(() => page.measure.bareSql(db, targets), options.requests));
    }
  } finally {
    await db.destroy();
  }

  progress("Starting the app and timing the pages…");
  const app = await startBenchApp({ databaseUrl, datasetFile: file, processes: options.processes });
  try {
    const visitors = new Map<BenchRole, Visitor>();
    const visitorFor = async (role: BenchRole) => {
      if (!visitors.has(role)) visitors.set(role, await signInAs(app, file, role));
      return visitors.get(role)!;
    };
    const timed = new Map<string, Timing>();
    for (const page of measured) {
      const visitor = await visitorFor(page.as);
      const path = page.measure.path(targets);
      timed.set(
        page.name,
        await time(async () => {
          const response = await visit(app.url, path, { visitor });
          // The whole page is part of the time, and an error page is no figure.
          await response.text();
          if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
        }, options.requests),
      );
    }
    // Each page's size once more: as served, and gzipped as it goes on the wire.
    const sizes = new Map<string, { bytes: number; gzip: number }>();
    for (const page of measured) {
      const visitor = await visitorFor(page.as);
      const html = await (await visit(app.url, page.measure.path(targets), { visitor })).text();
      sizes.set(page.name, { bytes: Buffer.byteLength(html), gzip: gzipSync(html).length });
    }
    const results: PageResult[] = pages.map((p) => ({
      name: p.name,
      as: p.as.replace("_", " "),
      page: timed.get(p.name) ?? null,
      sql: sql.get(p.name) ?? null,
      html: sizes.get(p.name) ?? null,
    }));
    return { ...base, peakRss: peakRss(app), pages: results };
  } finally {
    await app.stop();
  }
}

const sameShape = (a: CountryShape, b: CountryShape) =>
  (Object.keys(b) as Array<keyof CountryShape>).every((key) => a[key] === b[key]);

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
