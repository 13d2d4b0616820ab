// The month-end load (issue 12): champions saving their month while readers
// open the pages the steering group will meet over. It prints figures and
// checks that nothing acknowledged was lost; it asserts no timing.
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { type Kysely, sql } from "kysely";
import { databaseConfig, describeDatabase } from "../db/config";
import { createDatabase } from "../db/dialect";
import type { Database } from "../db/schema";
import { generateSessionToken, sessionIdFromToken } from "../app/models/sessions.server";
import { createTotpKey } from "../app/auth/totp.server";
import {
  rootShouldRevalidate,
  sheetShouldRevalidate,
} from "../app/components/sheet/sheetClientAction";
import { singleFetchData } from "../tests/support/single-fetch";
import type { RunningApp } from "../tests/setup/start-app";
import { percentile } from "./timing";

export type LoadOptions = {
  champions: number;
  readers: number;
  seconds: number;
  /** Each champion saves about this often (the autosave's pause after typing stops). */
  saveEverySeconds: number;
  /** Apps sharing the database (each a full server, as behind a load balancer). */
  instances: number;
  /** Server processes per app (WEB_CONCURRENCY), for the report. */
  processes: number;
};

type Champion = {
  cookie: string;
  sheetPath: string;
  assessmentId: number;
  /** What the browser holds: each component's version, as the sheet's forms carry it. */
  versions: Map<string, number>;
  /** The last acknowledged text per component, to find in the database afterwards. */
  acknowledged: Map<string, { version: number; opportunities: string }>;
};

type Reader = { cookie: string; paths: string[] };

export type LoadResult = {
  options: LoadOptions;
  /** Which database, fit to print. */
  database: string;
  saves: number[];
  /** The loaders the browser runs again after a save. */
  reloads: number[];
  pages: number[];
  staticFiles: number[];
  conflicts: number;
  errors: string[];
  lost: number;
  integrity: string;
};

const COOKIE = "anchor_session";

/**
 * Runs the load on the database in `databaseUrl`. A SQLite dataset is copied
 * first, so the dataset the page timings use stays as generated; a
 * PostgreSQL one (the bench's own copy) is used in place, after its timings.
 */
export async function monthEndLoad(
  databaseUrl: string,
  options: LoadOptions,
  startApp: (databaseUrl: string) => Promise<RunningApp>,
): Promise<LoadResult> {
  const config = databaseConfig(databaseUrl);
  const work = config.dialect === "sqlite" ? copyDataset(config.file) : null;
  const url = work ? `file:${work}` : databaseUrl;
  const db = createDatabase(databaseConfig(url));
  try {
    const { champions, readers } = await preparePeople(db, options);
    const apps: RunningApp[] = [];
    const result: LoadResult = {
      options,
      database: config.dialect === "sqlite" ? "SQLite" : describeDatabase(config),
      saves: [],
      reloads: [],
      pages: [],
      staticFiles: [],
      conflicts: 0,
      errors: [],
      lost: 0,
      integrity: "not checked",
    };
    try {
      for (let i = 0; i < options.instances; i++) apps.push(await startApp(url));
      const urls = apps.map((a) => a.url);
      const stylesheet = await findStylesheet(urls[0]!, readers[0]!);
      const until = Date.now() + options.seconds * 1000;
      await Promise.all([
        ...champions.map((c, i) =>
          championSaves(urls[i % urls.length]!, c, until, options, result),
        ),
        ...readers.map((r, i) => readerBrowses(urls[i % urls.length]!, r, until, result)),
        staticFileChecks(urls[0]!, stylesheet, until, result),
      ]);
    } finally {
      for (const app of apps) await app.stop();
    }
    return { ...result, ...(await checkDatabase(db, champions)) };
  } finally {
    await db.destroy();
    if (work)
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${work}${suffix}`, { force: true });
  }
}

function copyDataset(from: string): string {
  const to = path.join(path.dirname(from), "month-end-load.db");
  const source = new SQLite(from);
  source.pragma("wal_checkpoint(TRUNCATE)");
  source.close();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${to}${suffix}`, { force: true });
  fs.copyFileSync(from, to);
  return to;
}

/**
 * Champions of draft months in open periods (each system has its own), and steering members
 * of those champions' places, signed in by writing their sessions directly:
 * sign-in's deliberately slow password check is not what is measured.
 */
async function preparePeople(db: Kysely<Database>, options: LoadOptions) {
  // Every system's open month: periods belong to a system.
  const drafts = await db
    .selectFrom("assessment as a")
    .innerJoin("organisation as o", "o.id", "a.organisation_id")
    .innerJoin("assessment_period as p", "p.id", "a.period_id")
    .select([
      "a.id as assessmentId",
      "a.organisation_id as organisationId",
      "a.period_id as periodId",
      "o.place_id as placeId",
    ])
    .where("p.status", "=", "open")
    .where("a.status", "=", "draft")
    .where("o.place_id", "is not", null)
    .orderBy("a.organisation_id")
    .limit(options.champions)
    .execute();
  if (drafts.length < options.champions) {
    throw new Error(
      `Only ${drafts.length} draft months to save into; asked for ${options.champions}`,
    );
  }
  const now = new Date();
  const expires = new Date(now.getTime() + 24 * 3_600_000).toISOString();
  return db.transaction().execute(async (trx) => {
    const signedIn = async (
      email: string,
      role: "champion" | "steering_member",
      scope: {
        organisation_id?: number;
        place_id?: number;
      },
    ) => {
      const user = await trx
        .insertInto("app_user")
        // Everyone has a second factor (issue 21); the session below has it given already.
        .values({
          email,
          name: `Load ${role}`,
          password_hash: null,
          totp_key: createTotpKey(),
          totp_enabled_at: now.toISOString(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("role_assignment")
        .values({ user_id: user.id, role, ...scope })
        .execute();
      const token = generateSessionToken();
      await trx
        .insertInto("session")
        .values({
          id: sessionIdFromToken(token),
          user_id: user.id,
          created_at: now.toISOString(),
          last_seen_at: now.toISOString(),
          expires_at: expires,
          two_factor_verified: 1,
        })
        .execute();
      return `${COOKIE}=${token}`;
    };
    const champions: Champion[] = [];
    for (const [i, d] of drafts.entries()) {
      const answers = await trx
        .selectFrom("component_answer")
        .select(["component_id", "version"])
        .where("assessment_id", "=", d.assessmentId)
        .execute();
      champions.push({
        cookie: await signedIn(`load.champion.${i}@bench.example`, "champion", {
          organisation_id: d.organisationId,
        }),
        sheetPath: `/organisations/${d.organisationId}/periods/${d.periodId}`,
        assessmentId: d.assessmentId,
        versions: new Map(answers.map((a) => [a.component_id, a.version])),
        acknowledged: new Map(),
      });
    }
    const places = [...new Set(drafts.map((d) => d.placeId!))];
    const readers: Reader[] = [];
    for (let i = 0; i < options.readers; i++) {
      const placeId = places[i % places.length]!;
      const sheets = champions.filter((_, j) => drafts[j]!.placeId === placeId);
      readers.push({
        cookie: await signedIn(`load.reader.${i}@bench.example`, "steering_member", {
          place_id: placeId,
        }),
        paths: [
          `/places/${placeId}`,
          `/places/${placeId}/comparison`,
          ...sheets.slice(0, 3).map((c) => c.sheetPath),
          ...sheets.slice(0, 3).map((c) => `${c.sheetPath}/components/1.1`),
        ],
      });
    }
    return { champions, readers };
  });
}

/**
 * Saves as the sheet's autosave does: the component's form, with the version
 * the page holds, posted to the action as data; the next save carries the
 * version the answer returned. A pause of about `saveEverySeconds` between.
 */
async function championSaves(
  url: string,
  champion: Champion,
  until: number,
  options: LoadOptions,
  result: LoadResult,
) {
  const components = [...champion.versions.keys()];
  let n = 0;
  await pause(Math.random() * options.saveEverySeconds * 1000);
  while (Date.now() < until) {
    const componentId = components[n % components.length]!;
    const version = champion.versions.get(componentId)!;
    const opportunities = `Month-end note ${n} for ${componentId}`;
    const form = new URLSearchParams({
      intent: "save",
      componentId,
      version: String(version),
      // Mostly typing; now and then a click that changes the status.
      status: Math.floor(n / 4) % 2 ? "in_progress" : "not_started",
      opportunities,
    });
    const started = performance.now();
    try {
      // A component's form autosaves to its own page (ADR 026).
      const page = `${champion.sheetPath}/components/${componentId}`;
      const response = await fetch(`${url}${page}.data?autosave=1`, {
        method: "POST",
        headers: {
          cookie: champion.cookie,
          origin: url,
          "content-type": "application/x-www-form-urlencoded",
        },
        body: form,
      });
      const answer = await singleFetchData<Answer>(response);
      result.saves.push(performance.now() - started);
      if (response.status === 409) result.conflicts += 1;
      else if (response.status !== 200 || answer?.form !== "saved") {
        result.errors.push(`save ${response.status}: ${JSON.stringify(answer).slice(0, 120)}`);
      } else {
        champion.versions.set(componentId, version + 1);
        champion.acknowledged.set(componentId, { version: version + 1, opportunities });
        await reloadAsTheBrowserDoes(url, page, champion.cookie, answer, result);
      }
    } catch (error) {
      result.errors.push(`save: ${(error as Error).message}`);
    }
    n += 1;
    await pause(options.saveEverySeconds * 1000 * (0.5 + Math.random()));
  }
}

type Answer = { form?: string; saved?: { changesSummary: boolean } } | undefined;

const SHEET_ROUTE =
  "routes/organisations.$organisationId_.periods.$periodId_.components.$componentId";

/**
 * After an action, the browser reloads the loaders whose shouldRevalidate
 * says so: asked here of the app's own functions, so the load follows the
 * client as it is.
 */
async function reloadAsTheBrowserDoes(
  url: string,
  page: string,
  cookie: string,
  answer: Answer,
  result: LoadResult,
) {
  const args = { actionResult: answer, defaultShouldRevalidate: true } as Parameters<
    typeof sheetShouldRevalidate
  >[0];
  const routes = [
    ...(rootShouldRevalidate(args) ? ["root"] : []),
    ...(sheetShouldRevalidate(args) ? [SHEET_ROUTE] : []),
  ];
  if (routes.length === 0) return;
  const only = routes.length === 2 ? "" : `?_routes=${encodeURIComponent(routes.join(","))}`;
  const started = performance.now();
  const response = await fetch(`${url}${page}.data${only}`, {
    headers: { cookie },
  });
  await response.arrayBuffer();
  result.reloads.push(performance.now() - started);
  if (response.status !== 200) result.errors.push(`reload answered ${response.status}`);
}

/** Readers open a page, read it for a moment, and open the next. */
async function readerBrowses(url: string, reader: Reader, until: number, result: LoadResult) {
  let n = 0;
  await pause(Math.random() * 1000);
  while (Date.now() < until) {
    const pagePath = reader.paths[n % reader.paths.length]!;
    const started = performance.now();
    try {
      // A redirect (to sign in, say) is no page: it is counted as an error.
      const response = await fetch(`${url}${pagePath}`, {
        headers: { cookie: reader.cookie },
        redirect: "manual",
      });
      await response.text();
      result.pages.push(performance.now() - started);
      if (response.status !== 200) result.errors.push(`${pagePath} answered ${response.status}`);
    } catch (error) {
      result.errors.push(`${pagePath}: ${(error as Error).message}`);
    }
    n += 1;
    await pause(500 + Math.random() * 1000);
  }
}

/** A static file every quarter second: it should never wait on a save. */
async function staticFileChecks(url: string, file: string, until: number, result: LoadResult) {
  while (Date.now() < until) {
    const started = performance.now();
    try {
      const response = await fetch(`${url}${file}`);
      await response.arrayBuffer();
      result.staticFiles.push(performance.now() - started);
      if (response.status !== 200) result.errors.push(`${file} answered ${response.status}`);
    } catch (error) {
      result.errors.push(`${file}: ${(error as Error).message}`);
    }
    await pause(250);
  }
}

async function findStylesheet(url: string, reader: Reader): Promise<string> {
  const html = await (
    await fetch(`${url}${reader.paths[0]}`, { headers: { cookie: reader.cookie } })
  ).text();
  const href = /<link rel="stylesheet" href="([^"]+\.css)"/.exec(html)?.[1];
  if (!href) throw new Error("No stylesheet found on the place summary");
  return href;
}

/** Every acknowledged save must be in the database, and a SQLite file whole. */
async function checkDatabase(db: Kysely<Database>, champions: Champion[]) {
  let lost = 0;
  for (const champion of champions) {
    const rows = await db
      .selectFrom("component_answer")
      .select(["component_id", "version", "opportunities"])
      .where("assessment_id", "=", champion.assessmentId)
      .execute();
    const stored = new Map(rows.map((r) => [r.component_id, r]));
    for (const [componentId, saved] of champion.acknowledged) {
      const row = stored.get(componentId);
      if (!row || row.version !== saved.version || row.opportunities !== saved.opportunities) {
        lost += 1;
      }
    }
  }
  const onSqlite = db.getExecutor().adapter.constructor.name.includes("Sqlite");
  const integrity = onSqlite
    ? (await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db)).rows
        .map((r) => r.integrity_check)
        .join("; ")
    : "not applicable (PostgreSQL)";
  return { lost, integrity };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function loadReport(result: LoadResult): string {
  const summary = (name: string, samples: number[], target: string) => {
    const sorted = [...samples].sort((a, b) => a - b);
    const at = (p: number) => (sorted.length ? `${percentile(sorted, p).toFixed(1)} ms` : "none");
    return `| ${name} | ${sorted.length} | ${at(0.5)} | ${at(0.95)} | ${at(0.99)} | ${target} |`;
  };
  const o = result.options;
  const acknowledged =
    result.saves.length -
    result.conflicts -
    result.errors.filter((e) => e.startsWith("save")).length;
  return [
    `## Month-end load: ${o.champions} champions saving about every ${o.saveEverySeconds} s, ${o.readers} readers, ${o.seconds} s, ${o.instances} app instance${o.instances === 1 ? "" : "s"} of ${o.processes} server process${o.processes === 1 ? "" : "es"} on ${result.database}`,
    "",
    "| Requests | Count | p50 | p95 | p99 | Target |",
    "| --- | --- | --- | --- | --- | --- |",
    summary("Saves", result.saves, "p99 < 100 ms"),
    summary("Reloads after a save (as the browser asks)", result.reloads, ""),
    summary("Pages (place summary, comparison, sheets)", result.pages, "p95 < 300 ms"),
    summary("Static file (stylesheet)", result.staticFiles, "never waits on saves"),
    "",
    `Acknowledged saves: ${acknowledged}; conflicts: ${result.conflicts}; errors: ${result.errors.length}` +
      (result.errors.length ? ` (first: ${result.errors[0]})` : "") +
      `; acknowledged saves missing from the database: ${result.lost}; integrity_check: ${result.integrity}.`,
  ].join("\n");
}
