import crypto from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import type { ErrorRequestHandler, Request, RequestHandler, Response } from "express";
import type { AppConfig } from "../app/utils/env.server";
import { logUnexpectedError, newErrorReference } from "../app/http/errors.server";
import type { WorkbookCheck } from "./import-check/checker";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** This response's Content-Security-Policy nonce: every inline script must carry it. */
    cspNonce: string;
    /** The id this request's unexpected errors are logged under and shown with. */
    errorReference: string;
    /** The address the request came from, as Express sees it (for rate limits and audit). */
    clientIp: string | null;
    /**
     * Resolves once the response can take more bytes (or the client has gone).
     * Remix writes a streamed body without waiting for the socket, so a long
     * download (the analysts' exports) waits on this before reading its next
     * page: memory then stays flat however slowly the client reads.
     */
    whenWritable?: () => Promise<void>;
    /**
     * Reads an uploaded template on a worker thread, so parsing it never
     * stops this process's pages (server/import-check/). Absent outside the
     * server: the caller then reads it in place.
     */
    checkWorkbook?: WorkbookCheck;
  }
}

type EdgeLocals = Pick<AppLoadContext, "cspNonce" | "errorReference">;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

// Remix answers its route manifest with its own long cache: the answer is the
// same for everyone and keyed by the build's version.
const REMIX_MANIFEST_PATH = "/__manifest";

/**
 * Mounted first, so every response carries these headers: pages, data,
 * static files, refusals and error pages.
 */
export function securityHeaders(config: AppConfig): RequestHandler {
  return (_req, res, next) => {
    const locals: EdgeLocals = {
      cspNonce: crypto.randomBytes(16).toString("base64"),
      errorReference: newErrorReference(),
    };
    Object.assign(res.locals, locals);
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(locals.cspNonce, config));
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (config.https) {
      res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    next();
  };
}

/**
 * Mounted after the static files and before Remix: whatever reaches it is
 * built for one user at one moment, and no browser or proxy should keep it.
 */
export const noStore: RequestHandler = (req, res, next) => {
  if (req.path !== REMIX_MANIFEST_PATH) res.setHeader("Cache-Control", "no-store");
  next();
};

function contentSecurityPolicy(nonce: string, config: AppConfig): string {
  // Vite's hot reload talks over a WebSocket and injects <style> elements.
  const devConnect = config.production ? "" : " ws:";
  const devStyle = config.production ? "" : " 'unsafe-inline'";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self'${devStyle}`,
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${devConnect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");
}

/**
 * Refuses, before any route runs, a request that could change something and
 * that the browser says another site started. A request that names no origin
 * at all (curl, old clients) passes: see docs/decisions/008-edge-protection.md.
 */
export function refuseCrossSiteWrites(config: AppConfig): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method) || !startedByAnotherSite(req, config)) return next();
    res
      .status(403)
      .type("html")
      .set("Cache-Control", "no-store")
      .send(
        plainPage("Sorry, this request was refused", [
          "It came from another website, so the service did not act on it.",
          "If you were using this service, go back to it and try again.",
        ]),
      );
  };
}

function startedByAnotherSite(req: Request, config: AppConfig): boolean {
  const origin = req.get("origin");
  if (origin !== undefined) {
    const expected = config.publicOrigin ?? `${req.protocol}://${req.get("host")}`;
    const sent = originOf(origin);
    return sent === null || sent !== originOf(expected);
  }
  const site = req.get("sec-fetch-site");
  return site === "cross-site" || site === "same-site";
}

/** Scheme, host and port, written the way browsers write them; null when not a URL ("null"). */
function originOf(value: string): string | null {
  try {
    const { origin } = new URL(value);
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

/** What Remix's loaders, actions and entry.server get for each request. */
export function requestLoadContext(
  req: Request,
  res: Response,
  services: Pick<AppLoadContext, "checkWorkbook"> = {},
): AppLoadContext {
  const { cspNonce, errorReference } = res.locals as EdgeLocals;
  return {
    cspNonce,
    errorReference,
    clientIp: req.ip ?? null,
    whenWritable: () => whenWritable(res),
    ...services,
  };
}

function whenWritable(res: Response): Promise<void> {
  if (!res.writableNeedDrain || res.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}

/**
 * The last resort, for errors Remix did not turn into a page itself: the same
 * wording as the app's error page, a reference, and nothing of the error.
 */
export const lastResortErrorPage: ErrorRequestHandler = (error, req, res, next) => {
  const clientStatus = clientErrorStatus(error);
  if (clientStatus !== null && !res.headersSent) {
    // A request we could not read (a path with broken %-encoding, say): the client's fault.
    console.warn(
      `${new Date().toISOString()} warning: refused ${req.method} ${req.path} with ${clientStatus}: ${String((error as Error).message).slice(0, 200)}`,
    );
    res
      .status(clientStatus)
      .type("html")
      .set("Cache-Control", "no-store")
      .send(
        plainPage("Sorry, this web address is not valid", [
          "Check the address, or go back to the service and try again.",
        ]),
      );
    return;
  }
  const reference = (res.locals as Partial<EdgeLocals>).errorReference ?? newErrorReference();
  logUnexpectedError({ reference, method: req.method, url: req.originalUrl, error });
  // Part of a page is already on its way: Express can only cut the connection.
  if (res.headersSent) return next(error);
  res
    .status(500)
    .type("html")
    .set("Cache-Control", "no-store")
    .send(
      plainPage("Sorry, there is a problem with the service", [
        "Try again later. Anything you saved before this happened has been kept.",
        `If you contact us about this, give this reference: <strong>${reference}</strong>`,
      ]),
    );
};

/** Express and its parsers mark errors caused by the request itself with a 4xx status. */
function clientErrorStatus(error: unknown): number | null {
  const status =
    (error as { status?: unknown; statusCode?: unknown } | null)?.status ??
    (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === "number" && status >= 400 && status < 500 ? status : null;
}

// Only fixed text and hex references go in here, never anything from the request.
function plainPage(title: string, paragraphs: string[]): string {
  return [
    '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title} – Anchor Charter</title></head><body><main>`,
    `<h1>${title}</h1>`,
    ...paragraphs.map((text) => `<p>${text}</p>`),
    "</main></body></html>",
  ].join("");
}
