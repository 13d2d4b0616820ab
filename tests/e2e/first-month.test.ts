import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadCharter } from "~/charter/content";
import { computeLevel } from "~/charter/scoring";
import { DEMO_PASSWORD } from "../../db/seed/demo-ics";
import { launchBrowser } from "./support/browser";
import { expectAccessible, newContext, withDatabase } from "./support/sheet";

const baseUrl = inject("baseUrl");
const databaseUrl = inject("databaseUrl");
const charter = loadCharter();
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * A new organisation, in a system of its own (so no other page's figures
 * change), with nothing before this month and a champion who has never
 * signed in: its first month is all "not answered".
 */
async function newOrganisation(suffix: string) {
  return withDatabase(databaseUrl, async (db) => {
    const open = await db.one<{ label: string; starts_on: string; ends_on: string }>(
      "select label, starts_on, ends_on from assessment_period where status = 'open' limit 1",
    );
    const system = await db.one<{ id: number }>(
      "insert into system (name) values (?) returning id",
      `First month ICS ${suffix}`,
    );
    const period = await db.one<{ id: number }>(
      "insert into assessment_period (system_id, label, starts_on, ends_on, status) values (?, ?, ?, ?, 'open') returning id",
      system.id,
      open.label,
      open.starts_on,
      open.ends_on,
    );
    const organisation = await db.one<{ id: number }>(
      "insert into organisation (system_id, place_id, name, type) values (?, null, ?, 'nhs_trust') returning id",
      system.id,
      `First Month Trust ${suffix}`,
    );
    const { password_hash } = await db.one<{ password_hash: string }>(
      "select password_hash from app_user where email = 'champion@example.com'",
    );
    const email = `first.month.${suffix}@example.com`;
    const user = await db.one<{ id: number }>(
      "insert into app_user (email, name, password_hash, is_demo) values (?, ?, ?, 1) returning id",
      email,
      `New champion ${suffix}`,
      password_hash,
    );
    await db.run(
      "insert into role_assignment (user_id, role, organisation_id) values (?, 'champion', ?)",
      user.id,
      organisation.id,
    );
    return { email, sheet: `/organisations/${organisation.id}/periods/${period.id}` };
  });
}

const answeredCount = (page: Page) => page.locator("#answered-count").textContent();

/** On a component's page: evidence first when it is to be Fulfilled, then the status. */
async function answer(
  page: Page,
  component: { id: string; title: string },
  status: "Fulfilled" | "In progress" | "Not started" | null,
  javaScriptEnabled: boolean,
) {
  await page
    .getByRole("heading", { level: 1, name: `${component.id} ${component.title}` })
    .waitFor();
  if (status === "Fulfilled") {
    const title = `First evidence for ${component.id}`;
    // Choose the kind first, then only its fields.
    await page.getByLabel("A narrative", { exact: true }).check();
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await page.getByLabel("Narrative", { exact: true }).waitFor();
    expect(await page.getByLabel("Web address").count()).toBe(0);
    await page.getByLabel("Title", { exact: true }).fill(title);
    await page.getByLabel("Narrative", { exact: true }).fill("What we did this month.");
    await page.getByRole("button", { name: /^Add evidence/ }).click();
    const item = page.getByRole("listitem").filter({ hasText: title });
    await item.waitFor();
    // The form is back to its first step, empty, and (with JavaScript) the focus is on the item.
    await page.getByRole("group", { name: "What kind of evidence?" }).waitFor();
    if (javaScriptEnabled) {
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.id ?? ""))
        .toMatch(/evidence-item-\d+$/);
    }
  }
  if (status) await page.getByRole("group", { name: "Status" }).getByLabel(status).check();
  const next = page.url();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await page.waitForURL((url) => url.href !== next);
}

describe("a new champion's first month, through the task list", () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`answers every component with Save and continue, is told what is missing, and submits with one Not started (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const suffix = `${javaScriptEnabled ? "js" : "nojs"}-${Date.now()}`;
      const { email, sheet } = await newOrganisation(suffix);
      const components = charter.domains.flatMap((d) => d.components);
      // One per domain fulfilled (two with JavaScript), the last honestly Not started.
      const perDomain = javaScriptEnabled ? 2 : 1;
      const fulfilled = new Set(
        charter.domains.flatMap((d) => d.components.slice(0, perDomain).map((c) => c.id)),
      );
      const notStarted = components[components.length - 1]!;
      fulfilled.delete(notStarted.id);
      const skipped = components[2]!;
      const expected = computeLevel(charter, [...fulfilled]).level;
      const expectedName = charter.levels.find((l) => l.id === expected)?.name ?? "No level";

      const context = await newContext(browser, javaScriptEnabled);
      const page = await context.newPage();
      await page.goto(`${baseUrl}/sign-in`);
      await page.getByLabel("Email address").fill(email);
      await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
      await page.goto(`${baseUrl}${sheet}`);
      await page.getByRole("button", { name: "Start this month's self-assessment" }).click();
      await page.getByText("0 of 16 components answered").waitFor();
      const taskList = page.locator(".nhsuk-task-list").first();
      await taskList.getByRole("link", { name: "1.1 Widening workforce participation" }).waitFor();
      expect(await page.locator(".nhsuk-task-list .nhsuk-tag").first().textContent()).toBe(
        "Not answered",
      );
      await expectAccessible(page);

      await taskList
        .getByRole("link", { name: `${components[0]!.id} ${components[0]!.title}` })
        .click();
      await expectAccessible(page);
      for (const component of components) {
        const status =
          component.id === skipped.id
            ? null
            : component.id === notStarted.id
              ? "Not started"
              : fulfilled.has(component.id)
                ? "Fulfilled"
                : "In progress";
        await answer(page, component, status, javaScriptEnabled);
        if (component.id === components[1]!.id) {
          // Partway, the overview counts what is answered so far.
          await page.getByRole("link", { name: "Back to the month's overview" }).first().click();
          expect(await answeredCount(page)).toBe("2 of 16 components answered");
          await page
            .locator(".nhsuk-task-list")
            .getByRole("link", { name: `${skipped.id} ${skipped.title}` })
            .click();
        }
      }
      // After the last, back on the overview: what is missing, before pressing Submit.
      await page.getByRole("heading", { name: "Check before you submit" }).waitFor();
      expect(await answeredCount(page)).toBe("15 of 16 components answered");
      const missing = page
        .getByRole("region", { name: "Check before you submit" })
        .getByRole("link");
      await expectAccessible(page);
      await page
        .getByRole("region", { name: "Check before you submit" })
        .getByRole("link", { name: `${skipped.id} ${skipped.title}` })
        .click();
      await answer(
        page,
        skipped,
        fulfilled.has(skipped.id) ? "Fulfilled" : "In progress",
        javaScriptEnabled,
      );
      await page.goto(`${baseUrl}${sheet}`);
      expect(await answeredCount(page)).toBe("16 of 16 components answered");
      await page.getByText("Every component is answered.").waitFor();
      expect(await missing.count()).toBe(0);
      await page
        .getByText("Self-assessed level from the statuses saved so far (not submitted)")
        .getByText(expectedName)
        .waitFor();

      const submits: string[] = [];
      page.on("request", (request) => {
        if (request.method() === "POST" && request.postData()?.includes("intent=submit")) {
          submits.push(request.url());
        }
      });
      const submit = page.getByRole("button", { name: "Submit self-assessment" });
      // A double click (JavaScript on) must send the submission once.
      if (javaScriptEnabled) await submit.dblclick();
      else await submit.click();
      await page
        .getByRole("status")
        .filter({ hasText: /^Submitted on/ })
        .waitFor();
      const row = page.getByRole("table", { name: /Submissions of this month/ }).getByRole("row");
      await row.filter({ hasText: expectedName }).waitFor();
      expect(await row.count()).toBe(2);
      expect(submits).toHaveLength(1);
      const snapshot = await withDatabase(databaseUrl, (db) =>
        db.one<{ level: string | null; snapshot: string }>(
          `select s.level, s.snapshot from assessment_submission s join assessment a on a.id = s.assessment_id
           join organisation o on o.id = a.organisation_id where o.name = ?`,
          `First Month Trust ${suffix}`,
        ),
      );
      expect(snapshot.level).toBe(expected);
      const sent = JSON.parse(snapshot.snapshot) as {
        answers: Array<{ componentId: string; status: string }>;
      };
      expect(sent.answers.find((a) => a.componentId === notStarted.id)?.status).toBe("not_started");
      await expectAccessible(page);
      // Submitted, each component's page is read-only.
      await page
        .getByRole("link", { name: `${components[0]!.id} ${components[0]!.title}` })
        .click();
      await page.getByText("This month has been submitted: you can read it.").waitFor();
      expect(await page.getByRole("button", { name: /Save/ }).count()).toBe(0);
      await expectAccessible(page);
      await context.close();
    }, 240_000);
  }
});
