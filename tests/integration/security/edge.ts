import fs from "node:fs";
import { expect } from "vitest";
import { type TestDatabase, testingOnPostgres } from "../../setup/database";

/** The headers every response must carry, whatever answered it. */
export function expectEdgeHeaders(response: Response, options: { https: boolean }) {
  const csp = response.headers.get("content-security-policy") ?? "";
  for (const directive of [
    "default-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ]) {
    expect(csp.split("; ")).toContain(directive);
  }
  expect(cspNonce(response)).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(response.headers.get("x-frame-options")).toBe("DENY");
  expect(response.headers.get("cross-origin-opener-policy")).toBe("same-origin");
  expect(response.headers.get("permissions-policy")).toBe(
    "camera=(), microphone=(), geolocation=()",
  );
  expect(response.headers.get("strict-transport-security")).toBe(
    options.https ? "max-age=31536000; includeSubDomains" : null,
  );
}

/** The nonce the response's Content-Security-Policy lets inline scripts run with. */
export function cspNonce(response: Response): string | undefined {
  const csp = response.headers.get("content-security-policy") ?? "";
  return /script-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
}

/**
 * Ruins the app's database, as a corrupted disk or a lost server would: the
 * SQLite file is overwritten with bytes that are not a database; on
 * PostgreSQL the database is dropped under the app. Done before the app's
 * first request, every query fails from then on.
 */
export async function ruinDatabase(database: TestDatabase) {
  if (testingOnPostgres()) {
    await database.cleanup();
    return;
  }
  const file = database.url.slice("file:".length);
  fs.writeFileSync(file, Buffer.alloc(8192, "this is not a database "));
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
}
