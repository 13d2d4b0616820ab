import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../../db/seed/demo-ics";
import { startApp, type RunningApp } from "../../setup/start-app";
import { makeTempDir } from "../../setup/temp";
import { lookup, signIn, visit, type Visitor } from "../../support/http";

/**
 * A person who walks away from a shared NHS computer is signed out after the
 * idle limit: checked over HTTP against the running app, by moving the
 * session's last activity back in its database file (the app reads the time
 * from the clock, which a test cannot move).
 */
let temp: ReturnType<typeof makeTempDir>;
let databaseFile: string;
beforeEach(() => {
  temp = makeTempDir();
  databaseFile = `${temp.dir}/idle.db`;
});
afterEach(() => temp.cleanup());

const MINUTE = 60_000;

function leaveIdleFor(email: string, minutes: number) {
  const l = lookup(databaseFile);
  const userId = l.userId(email);
  l.close();
  const db = new Database(databaseFile);
  db.pragma("busy_timeout = 5000");
  const lastSeen = new Date(Date.now() - minutes * MINUTE).toISOString();
  db.prepare("update session set last_seen_at = ? where user_id = ?").run(lastSeen, userId);
  db.close();
}

function sessionsOf(email: string) {
  const l = lookup(databaseFile);
  const count = l.row<{ n: number }>(
    "select count(*) as n from session where user_id = ?",
    l.userId(email),
  ).n;
  l.close();
  return count;
}

async function withApp(env: Record<string, string>, run: (app: RunningApp) => Promise<void>) {
  const app = await startApp({ DATABASE_URL: `file:${databaseFile}`, ...env });
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
      leaveIdleFor(email, 29);
      expect((await account(app, { ...visitor })).status).toBe(200);

      leaveIdleFor(email, 31);
      const response = await account(app, { ...visitor });
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe("/sign-in?redirectTo=%2Faccount");
      expect(sessionsOf(email)).toBe(0);
      // Ended for good: activity afterwards does not bring it back.
      expect((await account(app, { ...visitor })).status).toBe(302);
    });
  });

  it("follows SESSION_IDLE_MINUTES", async () => {
    await withApp({ SESSION_IDLE_MINUTES: "5" }, async (app) => {
      const visitor = await signIn(app.url, email, DEMO_PASSWORD);
      leaveIdleFor(email, 4);
      expect((await account(app, { ...visitor })).status).toBe(200);
      leaveIdleFor(email, 6);
      expect((await account(app, { ...visitor })).headers.get("location")).toBe(
        "/sign-in?redirectTo=%2Faccount",
      );
    });
  });
});
