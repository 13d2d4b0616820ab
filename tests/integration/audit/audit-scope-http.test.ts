import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../../db/seed/demo-ics";
import { createTestDatabase, type TestDatabase } from "../../setup/database";
import { type RunningApp, startApp } from "../../setup/start-app";
import { signIn, visit, type Visitor } from "../../support/http";
import { addSecondSystem, signInAsPerson } from "../../support/people";
import { pageText } from "../readers/fixture";

/**
 * Each system's administrators read their own system's log, over HTTP:
 * sign-ins paused for an address are shown only where its owner holds a
 * role (to no one, for an address nobody has), and the log's person filter
 * answers another system's address exactly as it answers an unknown one.
 */
let database: TestDatabase;
let app: RunningApp;
let admin: Visitor;
let admin2: Visitor;

beforeAll(async () => {
  database = await createTestDatabase();
  // Five attempts per account (the default); the test's own sign-ins share one address.
  app = await startApp({ ...database.env, SIGN_IN_LIMIT_PER_ADDRESS: "1000" });
  const second = await addSecondSystem(database.url);
  admin = await signIn(app.url, "admin@example.com", DEMO_PASSWORD);
  admin2 = await signInAsPerson(app.url, second.admin);
}, 60_000);

afterAll(async () => {
  await app?.stop();
  await database?.cleanup();
});

const logOf = async (visitor: Visitor, query = "") => {
  const response = await visit(app.url, `/admin/audit${query}`, { visitor: { ...visitor } });
  return { status: response.status, text: pageText(await response.text()) };
};

const tryTooOften = async (email: string) => {
  let last = 0;
  for (let i = 0; i < 6; i++) {
    last = (
      await visit(app.url, "/sign-in", {
        visitor: { cookie: null },
        method: "POST",
        form: { email, password: `wrong ${i}` },
      })
    ).status;
  }
  expect(last).toBe(429);
};

describe("the audit log of each system", () => {
  it("shows a paused sign-in only to the administrators of the account's own system, and one for an unknown address to no one", async () => {
    await tryTooOften("place.lead@example.com");
    await tryTooOften("nobody@nowhere.example");

    const first = await logOf(admin);
    expect(first.text).toContain(
      "Signing in as place.lead@example.com was paused after too many attempts",
    );
    expect(first.text).not.toContain("nobody@nowhere.example");

    const second = await logOf(admin2);
    expect(second.status).toBe(200);
    expect(second.text).not.toContain("place.lead@example.com");
    expect(second.text).not.toContain("nobody@nowhere.example");
    expect(second.text).not.toMatch(/paused after too many attempts/);
  });

  it("answers the person filter alike for another system's address and an unknown one", async () => {
    const theirs = await logOf(admin2, "?person=place.lead%40example.com");
    const unknown = await logOf(admin2, "?person=nobody%40nowhere.example");
    expect(theirs.status).toBe(unknown.status);
    expect(theirs.text.replace("place.lead@example.com", "(address)")).toBe(
      unknown.text.replace("nobody@nowhere.example", "(address)"),
    );
    expect(theirs.text).toContain("No one in your system has this email address");
    // Their own people are found as before, and so are the first system's by its own administrator.
    expect((await logOf(admin2, "?person=admin%40second.example")).status).toBe(200);
    const own = await logOf(admin, "?person=place.lead%40example.com");
    expect(own.status).toBe(200);
    expect(own.text).not.toContain("No one in your system");
  });
});
