import os from "node:os";
import path from "node:path";
import { fileOfDatabaseUrl } from "./dataset-file";
import type { LoadOptions } from "./month-end";
import { serverProcessCount } from "../server/processes";

/** The size of the synthetic country. */
export type CountryShape = {
  systems: number;
  places: number;
  organisations: number;
  months: number;
  seed: number;
};

export type BenchOptions = {
  shapes: CountryShape[];
  keep: boolean;
  /** The SQLite file --database names, or null for one per shape under `dir`. */
  databaseFile: string | null;
  /**
   * The PostgreSQL database --database names, or null: the country is then
   * generated into SQLite as ever and copied there with db:copy (ADR 024).
   */
  postgresUrl: string | null;
  dir: string;
  requests: number;
  /** Server processes per app (WEB_CONCURRENCY), as production would start. */
  processes: number;
  /** The month-end load, run on the largest dataset; null with --no-load. */
  load: LoadOptions | null;
  /** Skip the page timings (--load-only, --export-only, --report-only). */
  pagesToo: boolean;
  /** The full-country CSV export on each dataset (off with --no-export). */
  exportToo: boolean;
  /** The largest system's annual report, on the largest dataset (off with --no-report). */
  report: boolean;
};

// The national scale: 42 ICSs, 200 places, 5,000 organisations.
const FULL = { systems: 42, places: 200, organisations: 5000, seed: 2021 };
// Small enough to generate and time in seconds on a laptop.
const QUICK = { systems: 1, places: 8, organisations: 300, seed: 2021 };

const usage = `Usage: npm run bench -- [--months 12|120] [--quick] [--keep] [--requests N] [--database file:/path.db]

  --months N     one dataset of N monthly periods (default: 12 and 120, a table each)
  --quick        1 system, 300 organisations, 12 months: a try in seconds
  --keep         reuse a dataset already generated with the same parameters
  --requests N   timed requests per page (default 30, after a warm-up)
  --processes N  server processes per app, WEB_CONCURRENCY (default: as production, one per core)
  --database U   file:/path.db: generate there instead of BENCH_DIR;
                 postgres://…: an empty PostgreSQL database (C collation) that the country,
                 generated in BENCH_DIR, is copied into (with --keep, a copy already there is reused)

The month-end load (after the page timings, on the largest dataset):
  --champions N  champions saving their own month (default 200)
  --readers M    readers opening place summaries, comparisons and sheets (default 10)
  --seconds S    how long the load lasts (default 60)
  --save-every S each champion's pause between saves, about (default 3)
  --instances K  apps sharing the database, as behind a load balancer (default 1)
  --no-load      page timings only
  --load-only    the month-end load only

The full-country CSV export (after the page timings, on each dataset):
  --no-export    skip it
  --export-only  the export only (no page timings, no month-end load, no report)

The annual report (last, on the largest dataset): the largest system's report built
as PDF and as Word by the app's job runner, while a place lead's page is timed.
  --no-report    leave it out
  --report-only  the annual report only
BENCH_DIR        where datasets are kept (default ${path.join(os.tmpdir(), "anchor-bench")})`;

export function parseOptions(argv: readonly string[]): BenchOptions {
  const args = [...argv];
  let months: number[] | null = null;
  let quick = false;
  let keep = false;
  let databaseUrl: string | null = null;
  let requests = 30;
  const load: Omit<LoadOptions, "processes"> = {
    champions: 200,
    readers: 10,
    seconds: 60,
    saveEverySeconds: 3,
    instances: 1,
  };
  let runLoad = true;
  let processes = serverProcessCount({}, true);
  let championsGiven: number | null = null;
  let pagesToo = true;
  let exportToo = true;
  let report = true;
  while (args.length) {
    const arg = args.shift();
    const value = () => {
      const next = args.shift();
      if (next === undefined) fail(`${arg} needs a value`);
      return next;
    };
    if (arg === "--months") months = [positive(value(), "--months")];
    else if (arg === "--quick") quick = true;
    else if (arg === "--keep") keep = true;
    else if (arg === "--requests") requests = positive(value(), "--requests");
    else if (arg === "--database") databaseUrl = value();
    else if (arg === "--processes") processes = positive(value(), arg);
    else if (arg === "--champions") load.champions = championsGiven = positive(value(), arg);
    else if (arg === "--readers") load.readers = positive(value(), arg);
    else if (arg === "--seconds") load.seconds = positive(value(), arg);
    else if (arg === "--save-every") load.saveEverySeconds = positive(value(), arg);
    else if (arg === "--instances") load.instances = positive(value(), arg);
    else if (arg === "--no-load") runLoad = false;
    else if (arg === "--load-only") pagesToo = exportToo = report = false;
    else if (arg === "--no-export") exportToo = false;
    else if (arg === "--no-report") report = false;
    else if (arg === "--export-only") {
      pagesToo = runLoad = report = false;
      exportToo = true;
    } else if (arg === "--report-only") {
      pagesToo = runLoad = exportToo = false;
      report = true;
    } else if (arg === "--help" || arg === "-h") {
      console.log(usage);
      process.exit(0);
    } else fail(`Unknown option ${arg}`);
  }
  const base = quick ? QUICK : FULL;
  // A quick country has about 90 draft months to save into.
  if (quick && championsGiven === null) load.champions = 50;
  const chosenMonths = months ?? (quick ? [12] : [12, 120]);
  if (databaseUrl && chosenMonths.length > 1) {
    fail("--database names one database: choose one size with --months");
  }
  const postgresUrl = databaseUrl && /^postgres(ql)?:\/\//i.test(databaseUrl) ? databaseUrl : null;
  let databaseFile: string | null = null;
  try {
    databaseFile = databaseUrl && !postgresUrl ? fileOfDatabaseUrl(databaseUrl) : null;
  } catch (error) {
    fail((error as Error).message);
  }
  return {
    shapes: chosenMonths.map((m) => ({ ...base, months: m })),
    keep,
    databaseFile,
    postgresUrl,
    dir: process.env.BENCH_DIR || path.join(os.tmpdir(), "anchor-bench"),
    requests,
    processes,
    load: runLoad ? { ...load, processes } : null,
    pagesToo,
    exportToo,
    report,
  };
}

function positive(text: string, name: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) fail(`${name} needs a whole number above 0`);
  return n;
}

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}
