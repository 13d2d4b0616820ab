import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { DEMO_PASSWORD } from "../../../db/seed/demo-ics";
import { openSql, type TestSql } from "../../setup/database";
import { accessibilityViolations } from "./browser";

export const UHMB = "University Hospitals of Morecambe Bay NHS Foundation Trust";

/** Opens the app's database beside the running server. */
export async function withDatabase<T>(databaseUrl: string, work: (db: TestSql) => Promise<T>) {
  const db = openSql(databaseUrl);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/**
 * The demo seed may have started an organisation's open month (UHMB's unless
 * named): each test starts from none, with no plan carried from earlier
 * months, and one that submitted leaves none behind for the next file.
 */
export function forgetOpenMonth(
  databaseUrl: string,
  organisation: string = UHMB,
): Promise<{ periodLabel: string }> {
  return withDatabase(databaseUrl, async (db) => {
    const period = await db.one<{ id: number; label: string }>(
      "select id, label from assessment_period where status = 'open'",
    );
    const ofOrganisation =
      "select id from assessment where period_id = ? and organisation_id = (select id from organisation where name = ?)";
    // Submissions are kept forever by the app; a test that submitted clears its own.
    await db.run(
      `delete from assessment_submission where assessment_id in (${ofOrganisation})`,
      period.id,
      organisation,
    );
    await db.run(`delete from assessment where id in (${ofOrganisation})`, period.id, organisation);
    // Earlier months' plans would be carried into the month the test starts: it starts bare.
    const earlier =
      "select id from assessment where organisation_id = (select id from organisation where name = ?)";
    await db.run(`delete from domain_principles where assessment_id in (${earlier})`, organisation);
    await db.run(
      `delete from progression_action where component_answer_id in
       (select id from component_answer where assessment_id in (${earlier}))`,
      organisation,
    );
    return { periodLabel: period.label };
  });
}

/** UHMB's saved answer for a component of the open month, as the database holds it. */
export function savedAnswer(databaseUrl: string, componentId: string) {
  return withDatabase(databaseUrl, (db) =>
    db.one<{ status: string; opportunities: string; version: number }>(
      `select ca.status, ca.opportunities, ca.version from component_answer ca
       join assessment a on a.id = ca.assessment_id
       join assessment_period p on p.id = a.period_id
       join organisation o on o.id = a.organisation_id
       where p.status = 'open' and o.name = ? and ca.component_id = ?`,
      UHMB,
      componentId,
    ),
  );
}

/** A fresh browser context with a default timeout, so a failure names the step that waited. */
export async function newContext(browser: Browser, javaScriptEnabled = true) {
  const context = await browser.newContext({ javaScriptEnabled });
  context.setDefaultTimeout(10_000);
  return context;
}

export async function signInAsChampion(page: Page, from = "/sign-in", baseUrl = "") {
  if (from) await page.goto(`${baseUrl}${from}`);
  await fillSignIn(page);
  await page.getByRole("heading", { level: 1, name: new RegExp(UHMB) }).waitFor();
}

/** Fills and sends the sign-in form already on the page. */
export async function fillSignIn(page: Page) {
  await page.getByLabel("Email address").fill("champion@example.com");
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Signs in, opens the open month and starts it: the month's overview with its
 * task list, or (given a component's title) that component's own page.
 */
export async function openStartedSheet(
  context: BrowserContext,
  baseUrl: string,
  periodLabel: string,
  componentTitle?: string,
) {
  const page = await context.newPage();
  await signInAsChampion(page, "/sign-in", baseUrl);
  await page.getByRole("link", { name: periodLabel }).click();
  const start = page.getByRole("button", { name: "Start this month's self-assessment" });
  const taskList = page.locator(".nhsuk-task-list").first();
  await start.or(taskList).waitFor();
  if (await start.isVisible()) await start.click();
  await taskList.waitFor();
  if (componentTitle) await openComponent(page, componentTitle);
  return page;
}

export async function expectAccessible(page: Page) {
  expect(await accessibilityViolations(page)).toEqual([]);
}

/** From the month's overview, opens a component's own page through its task list link. */
export async function openComponent(page: Page, title: string) {
  await page.locator(".nhsuk-task-list").getByRole("link", { name: title, exact: true }).click();
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
}

/** On a component's page: the first step of adding evidence, choosing its kind. */
export async function chooseEvidenceKind(page: Page, kind: string) {
  await page.getByLabel(kind, { exact: true }).check();
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await page.getByRole("button", { name: /^Add evidence/ }).waitFor();
}
