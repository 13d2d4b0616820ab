import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../../db/seed/demo-ics";
import { startApp, type RunningApp } from "../../setup/start-app";
import { createTestDatabase, type TestDatabase } from "../../setup/database";
import { lookup, visit } from "../../support/http";

/**
 * The per-address sign-in limit counts failures only (issue 21, defect 1): a
 * trust's shared address, or the deployment's own reverse proxy, must not lock
 * everyone out at month end because many people signed in correctly. Which
 * address a request comes from is Express's `req.ip`: the socket's, unless
 * TRUST_PROXY_HOPS says how many proxies in front may be believed.
 */
let database: TestDatabase;
let app: RunningApp | undefined;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await app?.stop();
  app = undefined;
  await database.cleanup();
});

// A small address limit keeps the test quick; the rule is the same at 30.
const limits = { SIGN_IN_LIMIT_PER_ADDRESS: "3", SIGN_IN_LIMIT_PER_ACCOUNT: "100" };
const people = [
  "champion@example.com",
  "steering@example.com",
  "place.lead@example.com",
  "champion.blackpool@example.com",
  "system.reader@example.com",
];

const attempt = (email: string, password: string, forwardedFor?: string) =>
  visit(app!.url, "/sign-in", {
    visitor: { cookie: null },
    method: "POST",
    form: { email, password },
    headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {},
  });

describe("the per-address sign-in limit", () => {
  it("lets any number of correct sign-ins through from one address, and still stops repeated failures", async () => {
    app = await startApp({ ...database.env, ...limits });
    for (const email of people) {
      const response = await attempt(email, DEMO_PASSWORD);
      expect({ email, status: response.status }).toEqual({ email, status: 302 });
    }
    for (const email of people.slice(0, 3)) {
      expect((await attempt(email, "not the password")).status).toBe(400);
    }
    const refused = await attempt("admin@example.com", DEMO_PASSWORD);
    expect(refused.status).toBe(429);
    expect(await refused.text()).toMatch(/Too many attempts to sign in\. Wait \d+ minutes/);
  }, 60_000);

  it("by default believes no proxy: X-Forwarded-For is ignored, so every client behind one address shares its count", async () => {
    app = await startApp({ ...database.env, ...limits });
    for (const email of people.slice(0, 3)) {
      expect((await attempt(email, "not the password", "203.0.113.10")).status).toBe(400);
    }
    // A different forwarded address changes nothing: the header is not believed.
    expect((await attempt(people[3]!, DEMO_PASSWORD, "203.0.113.20")).status).toBe(429);
    expect(await auditedAddresses()).not.toContain("203.0.113.10");
  });

  it("with TRUST_PROXY_HOPS=1 counts each client by the address the proxy forwarded", async () => {
    app = await startApp({ ...database.env, ...limits, TRUST_PROXY_HOPS: "1" });
    for (const email of people.slice(0, 3)) {
      expect((await attempt(email, "not the password", "203.0.113.10")).status).toBe(400);
    }
    expect((await attempt(people[3]!, DEMO_PASSWORD, "203.0.113.10")).status).toBe(429);
    // Another client behind the same proxy is not held up by the first one's failures.
    expect((await attempt(people[3]!, DEMO_PASSWORD, "203.0.113.20")).status).toBe(302);
    // Only the last hop is believed: an address the client wrote itself before it is not.
    expect((await attempt(people[4]!, DEMO_PASSWORD, "198.51.100.1, 203.0.113.10")).status).toBe(
      429,
    );
    expect(await auditedAddresses()).toContain("203.0.113.10");
  }, 60_000);

  it("refuses to start when TRUST_PROXY_HOPS is not a whole number", async () => {
    const { runAppUntilExit } = await import("../../setup/start-app");
    const result = await runAppUntilExit({ ...database.env, TRUST_PROXY_HOPS: "yes" });
    expect(result.code).toBe(1);
    expect(result.output).toContain("TRUST_PROXY_HOPS must be a whole number");
  });
});

async function auditedAddresses() {
  const l = lookup(database.url);
  try {
    const rows = await l.all<{ ip: string | null }>(
      "select distinct ip from audit_event where action like 'sign_in.%'",
    );
    return rows.map((r) => r.ip);
  } finally {
    await l.close();
  }
}
