import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../../db/seed/demo-ics";
import { startApp, type RunningApp } from "../../setup/start-app";
import { createTestDatabase, type TestDatabase } from "../../setup/database";
import { visit } from "../../support/http";

/** The limits as a person meets them: over real HTTP, against the running app. */
let app: RunningApp;
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startApp(database.env);
}, 60_000);

afterAll(async () => {
  await app?.stop();
  await database?.cleanup();
});

const signInAttempt = (password: string) =>
  visit(app.url, "/sign-in", {
    visitor: { cookie: null },
    method: "POST",
    form: { email: "steering@example.com", password },
  });

describe("signing in too often", () => {
  it("refuses the sixth attempt on one account with 429, a clear page and Retry-After, even with the right password", async () => {
    for (let i = 0; i < 5; i++) {
      expect((await signInAttempt(`wrong password ${i}`)).status).toBe(400);
    }
    const refused = await signInAttempt(DEMO_PASSWORD);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("set-cookie")).toBeNull();
    const page = await refused.text();
    expect(page).toContain("There is a problem");
    expect(page).toMatch(/Too many attempts to sign in\. Wait \d+ minutes, then try again\./);
  });

  it("leaves other accounts alone", async () => {
    const other = await visit(app.url, "/sign-in", {
      visitor: { cookie: null },
      method: "POST",
      form: { email: "champion@example.com", password: DEMO_PASSWORD },
    });
    expect(other.status).toBe(302);
  });
});

describe("asking for password resets too often", () => {
  it("sends three links an hour for one address, then answers 429 with a message", async () => {
    const ask = () =>
      visit(app.url, "/forgot-password", {
        method: "POST",
        form: { email: "place.lead@example.com" },
      });
    for (let i = 0; i < 3; i++) expect((await ask()).status).toBe(200);
    const refused = await ask();
    expect(refused.status).toBe(429);
    expect(await refused.text()).toMatch(/Too many reset requests\. Wait \d+ minutes/);
  });
});

describe("hammering one-time links", () => {
  it("refuses an address after 30 tries in 15 minutes, before looking at the link", async () => {
    const post = (n: number) =>
      visit(app.url, `/invitations/guess${n}`, {
        method: "POST",
        form: { password: "a long enough passphrase", confirmPassword: "a long enough passphrase" },
      });
    for (let i = 0; i < 30; i++) expect((await post(i)).status).toBe(410);
    const refused = await post(30);
    expect(refused.status).toBe(429);
    expect(await refused.text()).toMatch(/Too many attempts with this link\. Wait \d+ minutes/);
  });
});

describe("limits set by the environment", () => {
  it("are the ones the server counts against", async () => {
    const strictDatabase = await createTestDatabase();
    const strict = await startApp({
      ...strictDatabase.env,
      SIGN_IN_LIMIT_PER_ACCOUNT: "2",
      PASSWORD_RESET_LIMIT_PER_ACCOUNT: "1",
    });
    try {
      const attempt = () =>
        visit(strict.url, "/sign-in", {
          method: "POST",
          form: { email: "champion@example.com", password: "wrong password" },
        });
      expect([(await attempt()).status, (await attempt()).status]).toEqual([400, 400]);
      expect((await attempt()).status).toBe(429);
      const reset = () =>
        visit(strict.url, "/forgot-password", {
          method: "POST",
          form: { email: "champion@example.com" },
        });
      expect([(await reset()).status, (await reset()).status]).toEqual([200, 429]);
    } finally {
      await strict.stop();
      await strictDatabase.cleanup();
    }
  });
});
