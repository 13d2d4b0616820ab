import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../../db/seed/demo-ics";
import { startApp, type RunningApp } from "../../setup/start-app";
import { createTestDatabase, type TestDatabase } from "../../setup/database";
import { lookup, signIn, visit, type Visitor } from "../../support/http";

/**
 * A champion without JavaScript types into a component, walks away past the
 * idle limit, and presses Save (issue 21, defect 3). Before, they were sent
 * to sign in with no word of why, and what they typed was gone. Now the
 * sign-in page says why, what they sent is held for them, and once signed
 * in again it is shown back, to be sent through the same action and its
 * version check.
 */
let app: RunningApp;
let database: TestDatabase;
let path: string;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startApp(database.env);
  const l = lookup(database.url);
  const organisationId = await l.organisationId(
    "University Hospitals of Morecambe Bay NHS Foundation Trust",
  );
  const { id: periodId } = await l.row<{ id: number }>(
    "select id from assessment_period where status = 'open'",
  );
  await l.close();
  path = `/organisations/${organisationId}/periods/${periodId}/components/1.1`;
}, 60_000);

afterAll(async () => {
  await app?.stop();
  await database?.cleanup();
});

const email = "champion@example.com";
const typed = "Apprenticeships with the college, written while the session ran out";

async function componentRow() {
  const l = lookup(database.url);
  try {
    return await l.row<{ version: number; opportunities: string }>(
      `select c.version, c.opportunities from component_answer c
       join assessment a on a.id = c.assessment_id
       join organisation o on o.id = a.organisation_id
       join assessment_period p on p.id = a.period_id
       where o.name = 'University Hospitals of Morecambe Bay NHS Foundation Trust'
         and p.status = 'open' and c.component_id = '1.1'`,
    );
  } finally {
    await l.close();
  }
}

async function leaveIdle(minutes: number) {
  const l = lookup(database.url);
  await l.run(
    "update session set last_seen_at = ? where user_id = ?",
    new Date(Date.now() - minutes * 60_000).toISOString(),
    await l.userId(email),
  );
  await l.close();
}

describe("a form sent after the session ended", () => {
  it("is held for its sender, shown back after signing in again, and saved through the same action", async () => {
    const visitor: Visitor = await signIn(app.url, email, DEMO_PASSWORD);
    const before = await componentRow();
    await leaveIdle(31);
    const form = {
      intent: "save",
      componentId: "1.1",
      version: String(before.version),
      status: "in_progress",
      opportunities: typed,
      then: "stay",
    };
    const late = await visit(app.url, path, { visitor, method: "POST", form });
    expect(late.status).toBe(302);
    const toSignIn = late.headers.get("location") ?? "";
    expect(toSignIn).toBe(`/sign-in?redirectTo=${encodeURIComponent(path)}&ended=idle&held=1`);
    expect((await componentRow()).opportunities).toBe(before.opportunities);

    // The sign-in page says why, and that nothing is lost.
    const page = await (await visit(app.url, toSignIn, { visitor: { cookie: null } })).text();
    expect(page).toContain("You were signed out because you had not used the service");
    expect(page).toContain("What you sent has been kept for you");

    // Signing in again leads to what was held, shown back in words.
    const again: Visitor = { cookie: null };
    const signedIn = await visit(app.url, "/sign-in", {
      visitor: again,
      method: "POST",
      form: { email, password: DEMO_PASSWORD, redirectTo: path },
    });
    expect(signedIn.headers.get("location")).toBe("/session/held");
    const held = await (await visit(app.url, "/session/held", { visitor: again })).text();
    expect(held).toContain(typed);
    const action = /<form[^>]*action="([^"]*heldPost=\d+)"/.exec(held)?.[1]?.replace(/&amp;/g, "&");
    expect(action).toBeTruthy();

    // "Send it again": the same fields to the same action, version check and all.
    const sent = await visit(app.url, action!, { visitor: again, method: "POST", form });
    expect(sent.status).toBe(302);
    const after = await componentRow();
    expect(after.opportunities).toBe(typed);
    expect(after.version).toBe(before.version + 1);
    // Nothing is held any more: the next sign-in goes where it was going.
    expect(
      (await visit(app.url, "/session/held", { visitor: again })).headers.get("location"),
    ).not.toBe("/session/held");
  }, 60_000);

  it("meets the version check when someone saved the component meanwhile, and loses nothing", async () => {
    const visitor: Visitor = await signIn(app.url, email, DEMO_PASSWORD);
    const before = await componentRow();
    await leaveIdle(31);
    const form = {
      intent: "save",
      componentId: "1.1",
      version: String(before.version),
      status: "in_progress",
      opportunities: `${typed}, second try`,
      then: "stay",
    };
    await visit(app.url, path, { visitor, method: "POST", form });
    // Someone else saves the same component before the champion is back.
    const l = lookup(database.url);
    await l.run(
      `update component_answer set version = version + 1, opportunities = 'Their newer text'
       where id = (select c.id from component_answer c join assessment a on a.id = c.assessment_id
         join assessment_period p on p.id = a.period_id
         where p.status = 'open' and c.component_id = '1.1' and a.organisation_id =
           (select id from organisation where name = 'University Hospitals of Morecambe Bay NHS Foundation Trust'))`,
    );
    await l.close();
    const again = await signIn(app.url, email, DEMO_PASSWORD);
    const held = await (await visit(app.url, "/session/held", { visitor: again })).text();
    const action = /<form[^>]*action="([^"]*heldPost=\d+)"/.exec(held)?.[1]?.replace(/&amp;/g, "&");
    const sent = await visit(app.url, action!, { visitor: again, method: "POST", form });
    // The conflict page shows both: theirs and what the champion typed.
    expect(sent.status).toBe(409);
    const conflict = await sent.text();
    expect(conflict).toContain("Their newer text");
    expect(conflict).toContain(`${typed}, second try`);
    expect((await componentRow()).opportunities).toBe("Their newer text");
  }, 60_000);
});
