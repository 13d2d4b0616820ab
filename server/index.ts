import cluster from "node:cluster";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { appConfig, LISTENING_ORIGIN_VARIABLE, trustProxyHops } from "../app/utils/env.server";
import { DEMO_PASSWORD, demoAccounts } from "../db/seed/demo-ics";
import { scheduleDailyHousekeeping } from "./housekeeping";
import { demoDataAllowed, demoDataWarning, realDeploymentReason } from "./demo-data-guard";
import { closeDb, getDb } from "../app/models/db.server";
import { reportsDirIn } from "../app/reports/report-store.server";
import { reportRunnerOptions, startReportRunner } from "./report-jobs/runner";
import { healthChecks, requestLog, routePatterns } from "./operations";
import { type PreparedDatabase, prepareDatabase } from "./prepare";
import { reportListening, runServerProcesses, serverProcessCount } from "./processes";
import { runInRequestScope } from "../app/auth/request-scope.server";
import {
  lastResortErrorPage,
  noStore,
  refuseCrossSiteWrites,
  requestLoadContext,
  securityHeaders,
} from "./security";
import { builtPath } from "./build-directory";
import {
  appOriginProblem,
  linksFromListeningAddress,
  listeningOrigin,
  missingAppOrigin,
} from "./start-checks";
import { refuseMethodsResourceRoutesDoNotTake } from "./resource-methods";
import { workbookChecker } from "./import-check/checker";

const production = process.env.NODE_ENV === "production";
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";

async function main() {
  if (cluster.isWorker) {
    await serve({ onListening: reportListening });
    return;
  }
  // Settings that cannot work stop the start, before the database is touched.
  trustProxyHops(process.env);
  const originProblem = appOriginProblem(process.env);
  if (originProblem) throw new Error(originProblem);
  const realDeployment = realDeploymentReason(process.env);
  const prepared = await prepareDatabase({
    seedDemo: process.env.SEED_DEMO_DATA !== "false",
    refuseDemoBecause: demoDataAllowed(process.env) ? null : realDeployment,
  });
  const listeningLinks = linksFromListeningAddress(process.env, {
    production,
    demoData: prepared.demoData,
  });
  if (!appConfig().publicOrigin && !listeningLinks) throw new Error(missingAppOrigin());
  // Forked server processes inherit it, and name their links after the same address.
  if (listeningLinks) process.env.ANCHOR_LINKS_FROM_LISTENING = "true";
  const welcome = (actualPort: number) => {
    printWelcome(`http://${host === "0.0.0.0" ? "localhost" : host}:${actualPort}`, prepared);
    // On stderr as well as in the welcome, so log collectors that keep only errors see it.
    if (prepared.demoData && realDeployment) console.warn(demoDataWarning(realDeployment));
  };
  const processes = serverProcessCount(process.env, production);
  scheduleDailyHousekeeping();
  // One runner per instance, in this process: with several server processes
  // the primary serves no pages, so its thread is free to hand out jobs.
  if (process.env.REPORT_JOBS !== "off") {
    startReportRunner({
      db: getDb(),
      reportsDir: reportsDirIn(appConfig().evidence.dir),
      ...reportRunnerOptions(process.env),
    });
  }
  if (processes === 1) {
    await serve({ onListening: welcome });
  } else {
    welcome(await runServerProcesses(processes));
  }
}

/** One server process: the app on the port, until SIGTERM or SIGINT. */
async function serve(options: { onListening: (port: number) => void }) {
  const viteDevServer = production
    ? undefined
    : await import("vite").then((vite) => vite.createServer({ server: { middlewareMode: true } }));

  const build = viteDevServer
    ? () => viteDevServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>
    : ((await import(builtPath("server/index.js"))) as ServerBuild);

  let shuttingDown = false;
  // Uploaded templates are read off this process's event loop (issue 22).
  const checkWorkbook = workbookChecker({ timeoutMs: 30_000 });
  const app = express();
  app.disable("x-powered-by");
  // req.ip (rate limits, the audit log) believes only as many proxies as configured.
  const hops = trustProxyHops(process.env);
  if (hops > 0) app.set("trust proxy", hops);
  // First, so that static files, refusals and error pages carry the headers too.
  app.use(securityHeaders(appConfig()));
  if (process.env.LOG_FORMAT === "json") {
    // The dev server rebuilds routes on every edit: it logs requests without their pattern.
    app.use(requestLog(typeof build === "function" ? () => "(dev server)" : routePatterns(build)));
  }
  app.use(healthChecks({ shuttingDown: () => shuttingDown }));
  app.use(refuseCrossSiteWrites(appConfig()));
  app.use(compression());

  // nhsuk-frontend's stylesheet refers to its icons at /assets/images/.
  app.use(
    "/assets/images",
    express.static(path.resolve("node_modules/nhsuk-frontend/dist/nhsuk/assets/images"), {
      maxAge: "1d",
    }),
  );
  if (viteDevServer) {
    app.use(viteDevServer.middlewares);
  } else {
    app.use(
      "/assets",
      express.static(builtPath("client/assets"), { immutable: true, maxAge: "1y" }),
    );
    app.use(express.static(builtPath("client"), { maxAge: "1h" }));
  }

  app.use(noStore);
  // The session is looked up once per request, however many loaders ask.
  app.use((_req, _res, next) => runInRequestScope(next));
  app.use(refuseMethodsResourceRoutesDoNotTake(build));
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: production ? "production" : "development",
      getLoadContext: (req, res) => requestLoadContext(req, res, { checkWorkbook }),
    }),
  );
  app.use(lastResortErrorPage);

  const server = app.listen(port, host, () => {
    const address = server.address();
    const actualPort = typeof address === "object" && address ? address.port : port;
    if (process.env.ANCHOR_LINKS_FROM_LISTENING === "true") {
      process.env[LISTENING_ORIGIN_VARIABLE] = listeningOrigin(host, actualPort);
    }
    options.onListening(actualPort);
  });

  // Let in-flight saves finish before the process ends: stop taking
  // connections (and say not ready), wait for the requests under way, then
  // close the database (the pool's connections end cleanly) and exit.
  const shutdown = () => {
    if (shuttingDown) return;
    shuttingDown = true;
    server.close(() => {
      closeDb().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

function demoSignIn(url: string) {
  return [
    "",
    `Sign in at ${url}/sign-in with any of these demo accounts, password "${DEMO_PASSWORD}":`,
    ...demoAccounts.map(
      (a) => `  ${a.email.padEnd(32)} ${roleNames[a.role]}${a.scope ? `, ${a.scope}` : ""}`,
    ),
    "Demo accounts need no second factor while the database holds demo data;",
    "every real person sets one up at their first sign-in.",
  ];
}

const roleNames = {
  admin: "System administrator",
  system_reader: "System reader",
  place_lead: "Place lead",
  steering_member: "Steering group member",
  champion: "Champion",
};

function printWelcome(url: string, prepared: PreparedDatabase) {
  const lines = [
    "",
    `Anchor Charter platform listening on ${url}`,
    `Database: ${prepared.database}` +
      (prepared.applied.length ? ` (applied ${prepared.applied.length} migration(s))` : ""),
    prepared.seeded
      ? "Loaded demonstration data (invented statuses for real organisation names)."
      : "Existing data kept.",
    `Charter: ${prepared.charterVersion}`,
    ...(appConfig().publicOrigin
      ? []
      : [`APP_ORIGIN is not set: links in emails name ${url} (a demo on this machine only).`]),
    ...(prepared.demoData ? demoSignIn(url) : []),
    "",
  ];
  console.log(lines.join("\n"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
