import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../../db/seed/demo-ics";
import { fakeNotifyTemplates, notifyFailsWith, notifyRequests } from "../../mocks/notify";
import { serveNotifyMock } from "../../mocks/notify-server";
import { generousAttemptLimits, type RunningApp, startApp } from "../../setup/start-app";
import { createTestDatabase, openSql, type TestDatabase, type TestSql } from "../../setup/database";
import { signIn, visit, type Visitor } from "../../support/http";
import { addPerson, type Person, signInAsPerson } from "../../support/people";
import { pageText } from "../readers/fixture";
import { accessibilityViolations, launchBrowser } from "../../e2e/support/browser";

/**
 * A place lead reminds the champions of the place's organisations that have
 * not submitted, through GOV.UK Notify (the msw mock, over HTTP, as the app
 * runs in its own process). Morecambe Bay's organisations, for the open
 * month: A has submitted, B has a draft, C has not started, the rest have no
 * champion; Blackpool (another place) and a system-wide organisation have not
 * submitted either, and must hear nothing from Morecambe Bay's lead.
 */

let database: TestDatabase;
let notify: Awaited<ReturnType<typeof serveNotifyMock>>;
let app: RunningApp;
let sql: TestSql;
let place: number;
let period: { id: number; label: string };
let org: { a: number; b: number; c: number; blackpool: number; systemWide: number };
let champions: Record<"a" | "b1" | "b2" | "c" | "cGone" | "blackpool" | "systemWide", Person>;
let placeLead: Visitor;
let placeLeadId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  notify = await serveNotifyMock();
  app = await startApp({ ...database.env, ...generousAttemptLimits, ...notify.env });
  sql = openSql(database.url);
  place = (await sql.one<{ id: number }>("select id from place where name = 'Morecambe Bay'")).id;
  period = await sql.one<{ id: number; label: string }>(
    "select id, label from assessment_period where status = 'open' order by starts_on desc",
  );
  const inPlace = await sql.all<{ id: number }>(
    "select id from organisation where place_id = ? order by name",
    place,
  );
  const named = async (name: string) =>
    Number((await sql.one<{ id: number }>("select id from organisation where name = ?", name)).id);
  org = {
    a: Number(inPlace[0]!.id),
    b: Number(inPlace[1]!.id),
    c: Number(inPlace[2]!.id),
    blackpool: await named("Blackpool Teaching Hospitals NHS Foundation Trust"),
    systemWide: await named("North West Ambulance Service NHS Trust"),
  };
  // This month starts empty for everyone concerned, and nobody champions anything yet.
  await sql.run(
    "delete from assessment_submission where assessment_id in (select id from assessment where period_id = ?)",
    period.id,
  );
  await sql.run("delete from assessment where period_id = ?", period.id);
  await sql.run("delete from role_assignment where role = 'champion'");
  const submitter = (
    await sql.one<{ id: number }>("select id from app_user where email = 'champion@example.com'")
  ).id;
  const a = await sql.one<{ id: number }>(
    "insert into assessment (organisation_id, period_id, charter_version, status, submitted_at) values (?, ?, '2021', 'submitted', '2026-11-20T10:00:00.000Z') returning id",
    org.a,
    period.id,
  );
  await sql.run(
    "insert into assessment_submission (assessment_id, submitted_by, level, snapshot) values (?, ?, null, '{}')",
    a.id,
    submitter,
  );
  await sql.run(
    "insert into assessment (organisation_id, period_id, charter_version, status) values (?, ?, '2021', 'draft')",
    org.b,
    period.id,
  );
  const champion = (email: string, organisationId: number) =>
    addPerson(database.url, { email, grants: [{ role: "champion", organisationId }] });
  champions = {
    a: await champion("a.champion@nhs.example", org.a),
    b1: await champion("b.one@nhs.example", org.b),
    b2: await champion("b.two@nhs.example", org.b),
    c: await champion("c.champion@nhs.example", org.c),
    cGone: await champion("c.left@nhs.example", org.c),
    blackpool: await champion("blackpool@nhs.example", org.blackpool),
    systemWide: await champion("ambulance@nhs.example", org.systemWide),
  };
  await sql.run(
    "update app_user set deactivated_at = '2026-11-01T00:00:00.000Z' where id = ?",
    champions.cGone.id,
  );
  placeLead = await signIn(app.url, "place.lead@example.com", DEMO_PASSWORD);
  placeLeadId = (
    await sql.one<{ id: number }>("select id from app_user where email = 'place.lead@example.com'")
  ).id;
}, 90_000);

afterAll(async () => {
  await sql?.close();
  await app?.stop();
  await notify?.close();
  await database?.cleanup();
});

beforeEach(async () => {
  notify.reset();
  await sql.run("delete from reminder");
  await sql.run("delete from message where template = 'reminder'");
  await sql.run("delete from audit_event where action like 'reminder.%'");
  notifyRequests.length = 0;
});

const path = () => `/places/${place}/reminders`;
const send = (visitor: Visitor, form: Record<string, string> = {}) =>
  visit(app.url, path(), { visitor: { ...visitor }, method: "POST", form });
const emailed = () =>
  notifyRequests.map((r) => String(r.body.email_address)).sort((x, y) => x.localeCompare(y));
const reminderRows = () =>
  sql.all<{ organisation_id: number; sent_by: number; recipients: number }>(
    "select organisation_id, sent_by, recipients from reminder order by organisation_id, id",
  );
const audited = () =>
  sql.all<{ action: string; actor_user_id: number; target_type: string; target_id: string }>(
    "select action, actor_user_id, target_type, target_id from audit_event where action like 'reminder.%' order by id",
  );

describe("reminding those who have not submitted", () => {
  it("the place summary links the place lead to it, and the page lists who has not submitted", async () => {
    const summary = pageText(
      await (
        await visit(app.url, `/places/${place}?period=${period.id}`, { visitor: placeLead })
      ).text(),
    );
    expect(summary).toContain(
      `Remind the champions of organisations that have not submitted for ${period.label}`,
    );
    const page = await visit(app.url, `${path()}?period=${period.id}`, { visitor: placeLead });
    expect(page.status).toBe(200);
    const body = pageText(await page.text());
    expect(body).toContain(`Not submitted for ${period.label}`);
    expect(body).toContain("Send reminders to 2 organisations");
  });

  it("emails exactly the champions of the place's organisations that have not submitted, once each, and audits each organisation", async () => {
    const response = await send(placeLead, { period: String(period.id) });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(
      `${path()}?period=${period.id}&reminded=2&failed=0&held=0`,
    );

    // Not A's (submitted), not the departed champion, not Blackpool's, not the system-wide one.
    expect(emailed()).toEqual(["b.one@nhs.example", "b.two@nhs.example", "c.champion@nhs.example"]);
    for (const request of notifyRequests) {
      expect(request.body.template_id).toBe(fakeNotifyTemplates.reminder);
      const personalisation = request.body.personalisation as Record<string, string>;
      expect(personalisation.period).toBe(period.label);
      expect(personalisation.sender).toBe("Demo Place Lead");
    }
    const toB = notifyRequests.find((r) => r.body.email_address === "b.one@nhs.example");
    expect((toB?.body.personalisation as Record<string, string>).link).toMatch(
      new RegExp(`/organisations/${org.b}/periods/${period.id}$`),
    );

    expect((await reminderRows()).map((r) => [r.organisation_id, r.sent_by, r.recipients])).toEqual(
      [
        [org.b, placeLeadId, 2],
        [org.c, placeLeadId, 1],
      ].sort((x, y) => x[0]! - y[0]!),
    );
    expect(
      (await audited()).map((e) => [e.action, e.actor_user_id, e.target_type, Number(e.target_id)]),
    ).toEqual([
      ["reminder.sent", placeLeadId, "organisation", org.b],
      ["reminder.sent", placeLeadId, "organisation", org.c],
    ]);
    const messages = await sql.all<{ to_email: string; status: string }>(
      "select to_email, status from message where template = 'reminder' order by to_email",
    );
    expect(messages.map((m) => [m.to_email, m.status])).toEqual([
      ["b.one@nhs.example", "sent"],
      ["b.two@nhs.example", "sent"],
      ["c.champion@nhs.example", "sent"],
    ]);

    const after = pageText(
      await (
        await visit(app.url, response.headers.get("location")!, { visitor: placeLead })
      ).text(),
    );
    expect(after).toContain("Reminders sent to the champions of 2 organisations.");
  });

  it("a second press skips those already reminded and asks first; confirming sends again", async () => {
    await send(placeLead, { period: String(period.id) });
    notifyRequests.length = 0;

    const again = await send(placeLead, { period: String(period.id) });
    expect(again.headers.get("location")).toBe(
      `${path()}?period=${period.id}&reminded=0&failed=0&held=2`,
    );
    expect(emailed()).toEqual([]);
    expect(await reminderRows()).toHaveLength(2);
    const page = pageText(
      await (await visit(app.url, again.headers.get("location")!, { visitor: placeLead })).text(),
    );
    expect(page).toMatch(
      /2 organisations were reminded on \d{1,2} [A-Z][a-z]+ \d{4} at \d\d:\d\d; send again\?/,
    );
    expect(page).toContain("2 organisations already reminded this month were skipped.");
    expect(page).not.toContain("Send reminders to");

    const confirmed = await send(placeLead, { period: String(period.id), confirm: "yes" });
    expect(confirmed.headers.get("location")).toBe(
      `${path()}?period=${period.id}&reminded=2&failed=0&held=0`,
    );
    expect(emailed()).toEqual(["b.one@nhs.example", "b.two@nhs.example", "c.champion@nhs.example"]);
    expect(await reminderRows()).toHaveLength(4);
    expect((await audited()).map((e) => e.action)).toEqual(Array(4).fill("reminder.sent"));
  });

  it("re-sends at most twice a day after the first: a third confirmation emails nobody and says why", async () => {
    expect((await send(placeLead, { period: String(period.id) })).status).toBe(302);
    for (let again = 1; again <= 2; again++) {
      const confirmed = await send(placeLead, { period: String(period.id), confirm: "yes" });
      expect(confirmed.headers.get("location")).toBe(
        `${path()}?period=${period.id}&reminded=2&failed=0&held=0`,
      );
    }
    expect(emailed()).toHaveLength(9);
    notifyRequests.length = 0;

    const third = await send(placeLead, { period: String(period.id), confirm: "yes" });
    expect(third.headers.get("location")).toBe(
      `${path()}?period=${period.id}&reminded=0&failed=0&held=0&enoughToday=2`,
    );
    expect(emailed()).toEqual([]);
    expect(await reminderRows()).toHaveLength(6);
    const outcome = pageText(
      await (await visit(app.url, third.headers.get("location")!, { visitor: placeLead })).text(),
    );
    expect(outcome).toContain("Nobody was reminded.");
    expect(outcome).toContain(
      "2 organisations reminded as often today as a day allows were not reminded again: try again tomorrow.",
    );
    // The page no longer offers to send to them, and says why.
    expect(outcome).not.toContain("Send reminders to");
    expect(outcome).not.toContain("send again?");
    expect(outcome).toMatch(
      /have been reminded 3 times today, the most in one day, so they are not offered here\. You can remind them again tomorrow\./,
    );

    // Many presses at once still send no more than a day allows.
    await sql.run("delete from reminder");
    notifyRequests.length = 0;
    const presses = await Promise.all(
      Array.from({ length: 6 }, () =>
        send(placeLead, { period: String(period.id), confirm: "yes" }),
      ),
    );
    expect(presses.every((p) => p.status === 302)).toBe(true);
    expect(await reminderRows()).toHaveLength(6);
    expect(emailed()).toHaveLength(9);
  });

  it("when Notify refuses, says so, audits the failure and counts nobody as reminded", async () => {
    notify.use(notifyFailsWith(500));
    const failed = await send(placeLead, { period: String(period.id) });
    expect(failed.headers.get("location")).toBe(
      `${path()}?period=${period.id}&reminded=0&failed=2&held=0`,
    );
    expect(emailed()).toHaveLength(3);
    expect(await reminderRows()).toEqual([]);
    expect((await audited()).map((e) => [e.action, Number(e.target_id)])).toEqual([
      ["reminder.failed", org.b],
      ["reminder.failed", org.c],
    ]);
    const page = pageText(
      await (await visit(app.url, failed.headers.get("location")!, { visitor: placeLead })).text(),
    );
    expect(page).toContain("The reminders to 2 organisations could not be sent.");

    // Once Notify answers again, sending needs no confirmation.
    notify.reset();
    notifyRequests.length = 0;
    const retried = await send(placeLead, { period: String(period.id) });
    expect(retried.headers.get("location")).toBe(
      `${path()}?period=${period.id}&reminded=2&failed=0&held=0`,
    );
    expect(emailed()).toHaveLength(3);
  });

  it("is refused (403) to the steering group, a system reader and a champion of the place, and sends nothing", async () => {
    const steering = await signIn(app.url, "steering@example.com", DEMO_PASSWORD);
    const reader = await signIn(app.url, "system.reader@example.com", DEMO_PASSWORD);
    const champion = await signInAsPerson(app.url, champions.b1);
    for (const [who, visitor] of [
      ["steering", steering],
      ["system reader", reader],
      ["champion", champion],
    ] as const) {
      const get = await visit(app.url, path(), { visitor: { ...visitor } });
      const post = await send(visitor, { period: String(period.id), confirm: "yes" });
      expect({ who, get: get.status, post: post.status }).toEqual({ who, get: 403, post: 403 });
    }
    // A champion of another place is told the page does not exist.
    const elsewhere = await signInAsPerson(app.url, champions.blackpool);
    expect((await send(elsewhere, { period: String(period.id) })).status).toBe(404);
    expect(emailed()).toEqual([]);
    expect(await reminderRows()).toEqual([]);
    expect(await audited()).toEqual([]);
  });

  it("answers junk with a clear message and changes nothing, never a 500", async () => {
    const otherSystemsPeriod = (
      await sql
        .one<{ id: number }>("insert into system (name) values ('Elsewhere ICS') returning id")
        .then((system) =>
          sql.one<{ id: number }>(
            "insert into assessment_period (system_id, label, starts_on, ends_on, status) values (?, 'Elsewhere month', '2026-11-01', '2026-11-30', 'open') returning id",
            system.id,
          ),
        )
    ).id;
    const junk: Array<Record<string, string>> = [
      {},
      { period: "" },
      { period: "abc" },
      { period: "-1" },
      { period: "1e3" },
      { period: "9".repeat(40) },
      { period: "999999" },
      { period: String(otherSystemsPeriod) },
      { period: String(period.id), confirm: "maybe" },
      { period: "x".repeat(100_000) },
    ];
    for (const form of junk) {
      const response = await send(placeLead, form);
      const body = pageText(await response.text());
      expect({ form: Object.keys(form), status: response.status }).toEqual({
        form: Object.keys(form),
        status: 400,
      });
      expect(body).toContain("There is a problem");
    }
    for (const query of ["?period=abc", "?period=999999", "?reminded=lots&held=-1"]) {
      expect((await visit(app.url, `${path()}${query}`, { visitor: placeLead })).status).toBe(200);
    }
    expect(emailed()).toEqual([]);
    expect(await reminderRows()).toEqual([]);
    expect(await audited()).toEqual([]);
  });
});

describe("in the browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const signedIn = async (javaScriptEnabled: boolean) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto(`${app.url}/sign-in`);
    await page.getByLabel("Email address").fill("place.lead@example.com");
    await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    return { context, page };
  };
  const noViolations = async (page: Page, step: string) =>
    expect({ step, violations: await accessibilityViolations(page) }).toEqual({
      step,
      violations: [],
    });

  it("sends without JavaScript, then asks before sending again with it; every step passes axe", async () => {
    const off = await signedIn(false);
    await off.page.goto(`${app.url}/places/${place}?period=${period.id}`);
    await off.page
      .getByRole("link", { name: /Remind the champions of organisations that have not submitted/ })
      .click();
    await noViolations(off.page, "the list");
    await off.page.getByRole("button", { name: "Send reminders to 2 organisations" }).click();
    await expect
      .poll(() => off.page.getByText("Reminders sent to the champions of 2 organisations.").count())
      .toBe(1);
    await noViolations(off.page, "sent");
    expect(emailed()).toHaveLength(3);
    await off.context.close();

    const on = await signedIn(true);
    await on.page.goto(`${app.url}/places/${place}/reminders?period=${period.id}`);
    await expect
      .poll(() => on.page.getByText(/2 organisations were reminded on .+; send again\?/).count())
      .toBe(1);
    await noViolations(on.page, "the confirm step");
    await on.page.getByRole("button", { name: "Yes, remind them again" }).click();
    await expect
      .poll(() => on.page.getByText("Reminders sent to the champions of 2 organisations.").count())
      .toBe(1);
    await noViolations(on.page, "sent again");
    expect(emailed()).toHaveLength(6);
    expect(await reminderRows()).toHaveLength(4);
    await on.context.close();
  });
});
