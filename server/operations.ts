import type { ServerBuild } from "@remix-run/node";
import type { RequestHandler, Router } from "express";
import express from "express";
import { sql } from "kysely";
import { getDb } from "../app/models/db.server";
import { pendingMigrations } from "../db/migrator";

/**
 * For load balancers and orchestrators, without signing in. The answers say
 * only "ok" or not: no versions, no error text, nothing about the database.
 * `/healthz`: the process is up. `/readyz`: it can serve, the database
 * answers and has every migration this build knows, and it is not shutting
 * down (so traffic moves elsewhere while in-flight requests finish).
 */
export function healthChecks(state: { shuttingDown: () => boolean }): Router {
  const router = express.Router();
  router.get("/healthz", (_req, res) => {
    res.set("Cache-Control", "no-store").json({ status: "ok" });
  });
  router.get("/readyz", async (_req, res) => {
    const ready = !state.shuttingDown() && (await databaseReady());
    res
      .status(ready ? 200 : 503)
      .set("Cache-Control", "no-store")
      .json({ status: ready ? "ready" : "not ready" });
  });
  return router;
}

const READY_TIMEOUT_MS = 2_000;

async function databaseReady(): Promise<boolean> {
  const check = async () => {
    const db = getDb();
    await sql`select 1`.execute(db);
    return (await pendingMigrations(db)).length === 0;
  };
  const timeout = new Promise<boolean>((resolve) =>
    setTimeout(() => resolve(false), READY_TIMEOUT_MS).unref(),
  );
  try {
    return await Promise.race([check(), timeout]);
  } catch (error) {
    console.warn(`Not ready: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

/**
 * One JSON line per request, once it is answered. The route is the pattern
 * (`/invitations/:token`), never the URL, so tokens in paths, query strings,
 * bodies and cookies stay out of the log. The request id is the reference an
 * error page shows, so a reported reference finds its request.
 */
export function requestLog(routeOf: (path: string) => string): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const line = {
        time: new Date().toISOString(),
        level: "info",
        msg: "request",
        method: req.method,
        route: routeOf(req.path),
        status: res.statusCode,
        durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        requestId: typeof res.locals.errorReference === "string" ? res.locals.errorReference : null,
      };
      process.stdout.write(`${JSON.stringify(line)}\n`);
    });
    next();
  };
}

type RouteEntry = { pattern: string; regex: RegExp; rank: number };

/**
 * Finds the route pattern a path matches in the Remix build's route list,
 * ranked as Remix ranks them: more static segments first, splats last.
 * Paths outside every route (static files, assets) get a fixed name.
 */
export function routePatterns(build: ServerBuild): (path: string) => string {
  const routes = Object.values(build.routes);
  const fullPath = (id: string | undefined): string => {
    const route = id ? build.routes[id] : undefined;
    if (!route) return "";
    const parent = fullPath(route.parentId);
    return route.path ? `${parent}/${route.path}`.replace(/\/+/g, "/") : parent;
  };
  const entries: RouteEntry[] = routes
    .filter((route) => route.path !== undefined || route.index)
    .map((route) => {
      const pattern = fullPath(route.id) || "/";
      const segments = pattern.split("/").filter(Boolean);
      const regex = new RegExp(
        `^/${segments
          .map((s) => (s === "*" ? ".*" : s.startsWith(":") ? "[^/]+" : escapeRegex(s)))
          .join("/")}/?$`,
      );
      const rank = segments.reduce(
        (sum, s) => sum + (s === "*" ? -100 : s.startsWith(":") ? 2 : 10),
        0,
      );
      return { pattern, regex, rank };
    })
    .sort((a, b) => b.rank - a.rank);
  return (path) => {
    if (path.startsWith("/assets/")) return "/assets/*";
    if (path === "/healthz" || path === "/readyz") return path;
    return entries.find((e) => e.regex.test(path))?.pattern ?? "(no route)";
  };
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
