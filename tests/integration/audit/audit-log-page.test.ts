import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../../db/seed/demo-ics";
import { accessibilityViolations, launchBrowser } from "../../e2e/support/browser";
import { createTestDatabase, openSql, type TestDatabase, type TestSql } from "../../setup/database";
import { generousAttemptLimits, type RunningApp, startApp } from "../../setup/start-app";
import { signIn, visit, type Visitor } from "../../support/http";
import { addPerson } from "../../support/people";
import { pageText } from "../readers/fixture";

/**
 * The administrator's audit log over HTTP, on the demo data plus events
 * planted here with known times: sentences in plain words with UK times,
 * each filter, the UK day boundaries (BST), Newer/Older pages, junk filters
 * answered 400 with a message, and no accessibility violations.
 */
let database: TestDatabase;
let app: RunningApp;
let sql: TestSql;
let admin: Visitor;
let uhmb: number;
let assessmentId: number;
let periodLabel: string;
let championId: number;
let pagerId: number;

const UHMB = "University Hospitals of Morecambe Bay NHS Foundation Trust";

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startApp({ ...database.env, ...generousAttemptLimits });
  sql = openSql(database.url);
  uhmb = Number(
    (await sql.one<{ id: number }>("select id from organisation where name = ?", UHMB)).id,
  );
  const month = await sql.one<{ id: number; label: string }>(
    "select a.id, p.label from assessment a join assessment_period p on p.id = a.period_id where a.organisation_id = ? order by p.starts_on desc limit 1",
    uhmb,
  );
  assessmentId = Number(month.id);
  periodLabel = month.label;
  championId = Number(
    (await sql.one<{ id: number }>("select id from app_user where email = 'champion@example.com'"))
      .id,
  );
  const event = (
    at: string,
    actor: number,
    action: string,
    detail: object,
    target = assessmentId,
  ) =>
    sql.run(
      "insert into audit_event (at, actor_user_id, action, target_type, target_id, detail, ip) values (?, ?, ?, 'assessment', ?, ?, '192.0.2.7')",
      at,
      actor,
      action,
      String(target),
      JSON.stringify(detail),
    );
  // 30 June 23:30 UTC is 1 July 00:30 in the UK (BST): a UK day filter must put it on 1 July.
  await event("2026-06-30T23:30:00.000Z", championId, "component.saved", {
    component: "3.2",
    from: "in_progress",
    to: "fulfilled",
    version: 4,
  });
  await event("2026-07-02T09:00:00.000Z", championId, "assessment.submitted", { submission: 1 });
  // Someone who only ever signed out, 120 times: enough for three pages.
  const pager = await addPerson(database.url, {
    email: "pager@nhs.example",
    grants: [{ role: "champion", organisationId: uhmb }],
  });
  pagerId = pager.id;
  for (let i = 0; i < 120; i += 1) {
    const at = new Date(Date.UTC(2026, 2, 1, 8, i)).toISOString();
    await sql.run(
      "insert into audit_event (at, actor_user_id, action, ip) values (?, ?, 'sign_out', '192.0.2.8')",
      at,
      pagerId,
    );
  }
  admin = await signIn(app.url, "admin@example.com", DEMO_PASSWORD);
}, 120_000);

afterAll(async () => {
  await sql?.close();
  await app?.stop();
  await database?.cleanup();
});

const page = (query = "") => visit(app.url, `/admin/audit${query}`, { visitor: { ...admin } });
const text = async (query = "") => {
  const response = await page(query);
  return { status: response.status, text: pageText(await response.text()) };
};

describe("the audit log in plain words", () => {
  it("says who did what to which month, in UK time", async () => {
    const { status, text: body } = await text(`?organisation=${uhmb}&kind=component.saved`);
    expect(status).toBe(200);
    expect(body).toContain(
      `1 July 2026 at 00:30 Demo Champion saved 3.2 Converting and selling estate for community benefit (In progress to Fulfilled) in ${periodLabel} for ${UHMB}`,
    );
    expect(body).not.toContain("component.saved (");
  });

  it("filters by person, organisation, kind and UK days, together", async () => {
    const july1 = await text(`?person=champion%40example.com&from=2026-07-01&to=2026-07-01`);
    expect(july1.status).toBe(200);
    expect(july1.text).toContain("Demo Champion saved 3.2");
    expect(july1.text).not.toContain("Demo Champion submitted");
    const june30 = await text(`?person=champion%40example.com&from=2026-06-30&to=2026-06-30`);
    expect(june30.text).not.toContain("Demo Champion saved 3.2");
    const submitted = await text(
      `?organisation=${uhmb}&kind=assessment.submitted&from=2026-07-01&to=2026-07-31`,
    );
    expect(submitted.text).toContain(`Demo Champion submitted ${periodLabel} for ${UHMB}`);
    expect(submitted.text).not.toContain("saved 3.2");
    // Another organisation's log does not hold UHMB's month.
    const other = Number(
      (
        await sql.one<{ id: number }>(
          "select id from organisation where name = 'Blackpool Teaching Hospitals NHS Foundation Trust'",
        )
      ).id,
    );
    const elsewhere = await text(`?organisation=${other}&from=2026-07-01&to=2026-07-02`);
    expect(elsewhere.text).toContain("No events match these filters.");
  });

  it("pages through a long log with Older and Newer links that keep the filters", async () => {
    const first = await (await page("?person=pager%40nhs.example")).text();
    // One time cell per event row.
    const rows = (html: string) => (html.match(/app-nowrap/g) ?? []).length;
    expect(rows(first)).toBe(50);
    const older = /href="(\/admin\/audit\?person=pager%40nhs\.example&amp;before=\d+)"/.exec(first);
    expect(older).not.toBeNull();
    expect(first).not.toMatch(/after=\d+/);
    const second = await (
      await page(older![1]!.replace(/&amp;/g, "&").slice("/admin/audit".length))
    ).text();
    expect(rows(second)).toBe(50);
    const third = /href="\/admin\/audit(\?person=pager%40nhs\.example&amp;before=\d+)"/.exec(
      second,
    );
    const last = await (await page(third![1]!.replace(/&amp;/g, "&"))).text();
    expect(rows(last)).toBe(20);
    expect(last).not.toMatch(/before=\d+/);
    expect(pageText(last)).toContain("1 March 2026 at 08:00 pager@nhs.example signed out");
    const newer = /href="\/admin\/audit(\?person=pager%40nhs\.example&amp;after=\d+)"/.exec(last);
    const back = await (await page(newer![1]!.replace(/&amp;/g, "&"))).text();
    expect(rows(back)).toBe(50);
    // The page reached going back is the second page, row for row.
    const times = (html: string) => pageText(html).match(/\d+ March 2026 at \d\d:\d\d/g);
    expect(times(back)).toEqual(times(second));
  });

  it("answers a filter it cannot read with 400 and a message, and lists nothing", async () => {
    const cases: Array<[string, string]> = [
      ["?from=2026-13-40", "Enter a real start date"],
      ["?from=2026-02-31", "Enter a real start date"],
      ["?to=yesterday", "Enter the end date as YYYY-MM-DD"],
      [
        "?from=2026-07-02&to=2026-07-01",
        "The end date must be the same as or after the start date",
      ],
      ["?person=not-an-email", "Enter the person's email address"],
      ["?person=nobody%40nhs.example", "No one in your system has this email address"],
      ["?kind=drop%20table%20audit_event", "Select a kind of event from the list"],
      ["?organisation=1%20or%201%3D1", "Select an organisation from the list"],
      ["?organisation=999999", "Select an organisation from the list"],
      ["?before=-1", "The page address is not one this log made"],
    ];
    for (const [query, message] of cases) {
      const { status, text: body } = await text(query);
      expect({ query, status }).toEqual({ query, status: 400 });
      expect(body).toContain(message);
      expect(body).toContain("Correct the filters to see the events.");
      expect(body).not.toContain("signed in 192.0.2");
    }
  });

  it("says so when nothing matches, and is for administrators only", async () => {
    const none = await text("?kind=place.updated");
    expect(none.status).toBe(200);
    expect(none.text).toContain("No events match these filters.");
    const champion = await signIn(app.url, "champion@example.com", DEMO_PASSWORD);
    expect((await visit(app.url, "/admin/audit", { visitor: champion })).status).toBe(403);
  });
});

describe("the audit log in a browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("filters without JavaScript and has no accessibility violations, with and without errors", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    context.setDefaultTimeout(10_000);
    const tab = await context.newPage();
    await tab.goto(`${app.url}/sign-in`);
    await tab.getByLabel("Email address").fill("admin@example.com");
    await tab.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await tab.getByRole("button", { name: "Sign in" }).click();
    await tab.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    await tab.goto(`${app.url}/admin/audit`);
    expect(await accessibilityViolations(tab)).toEqual([]);
    await tab.getByLabel("Who (their email address)").fill("champion@example.com");
    await tab.getByLabel("Kind of event").selectOption("component.saved");
    await tab.getByRole("button", { name: "Show events" }).click();
    await tab.getByText("Demo Champion saved 3.2 Converting and selling estate").first().waitFor();
    expect(new URL(tab.url()).searchParams.get("kind")).toBe("component.saved");
    expect(await accessibilityViolations(tab)).toEqual([]);
    await tab.goto(`${app.url}/admin/audit?person=nobody%40nhs.example`);
    await tab.getByRole("link", { name: "No one in your system has this email address" }).waitFor();
    expect(await accessibilityViolations(tab)).toEqual([]);
    await context.close();
  });
});
