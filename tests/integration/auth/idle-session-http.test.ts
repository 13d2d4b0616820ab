import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../../db/seed/demo-ics";
import { startApp, type RunningApp } from "../../setup/start-app";
import { createTestDatabase, type TestDatabase } from "../../setup/database";
import { lookup, signIn, visit, type Visitor } from "../../support/http";

/**
 * A person who walks away from a shared NHS computer is signed out after the
 * idle limit: checked over HTTP against the running app, by moving the
 * session's last activity back in its database file (the app reads the time
 * from the clock, which a test cannot move).
 */
let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await database.cleanup();
});

const MINUTE = 60_000;

async function leaveIdleFor(email: string, minutes: number) {
  const l = lookup(database.url);
  const lastSeen = new Date(Date.now() - minutes * MINUTE).toISOString();
  await l.run(
    "update session set last_seen_at = ? where user_id = ?",
    lastSeen,
    await l.userId(email),
  );
  await l.close();
}

async function sessionsOf(email: string) {
  const l = lookup(database.url);
  const { n } = await l.row<{ n: number }>(
    "select count(*) as n from session where user_id = ?",
    await l.userId(email),
  );
  await l.close();
  return Number(n);
}

async function withApp(env: Record<string, string>, run: (app: RunningApp) => Promise<void>) {
  const app = await startApp({ ...database.env, ...env });
  try {
    await run(app);
  } finally {
    await app.stop();
  }
}

const email = "steering@example.com";
const account = (app: RunningApp, visitor: Visitor) => visit(app.url, "/account", { visitor });

describe("a session left idle", () => {
  it("is still signed in after 29 minutes, and signed out after 31 (the default 30)", async () => {
    await withApp({}, async (app) => {
      const visitor = await signIn(app.url, email, DEMO_PASSWORD);
      await leaveIdleFor(email, 29);
      expect((await account(app, { ...visitor })).status).toBe(200);

      await leaveIdleFor(email, 31);
      const response = await account(app, { ...visitor });
      expect(response.status).toBe(302);
      // The sign-in page is told why (issue 21): before, it said nothing.
      expect(response.headers.get("location")).toBe("/sign-in?redirectTo=%2Faccount&ended=idle");
      expect(await sessionsOf(email)).toBe(0);
      // Ended for good: activity afterwards does not bring it back.
      expect((await account(app, { ...visitor })).status).toBe(302);
    });
  });

  it("follows SESSION_IDLE_MINUTES", async () => {
    await withApp({ SESSION_IDLE_MINUTES: "5" }, async (app) => {
      const visitor = await signIn(app.url, email, DEMO_PASSWORD);
      await leaveIdleFor(email, 4);
      expect((await account(app, { ...visitor })).status).toBe(200);
      await leaveIdleFor(email, 6);
      expect((await account(app, { ...visitor })).headers.get("location")).toBe(
        "/sign-in?redirectTo=%2Faccount&ended=idle",
      );
    });
  });
});
