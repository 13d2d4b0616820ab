import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadCharter } from "~/charter/content";
import { DEMO_PASSWORD } from "../../db/seed/demo-ics";
import { openSql } from "../setup/database";
import { addPerson, freshCode, type Person } from "../support/people";
import { lookup } from "../support/http";
import { accessibilityViolations, launchBrowser } from "./support/browser";
import { newContext } from "./support/sheet";

/**
 * The monthly cycle in the browser (issue 20), with JavaScript on and off:
 * the steering group verifies one component per domain of a month (verified
 * level Bronze), a champion pages through the whole month with "Save and
 * continue", and every review stands; a steering group member opens the app,
 * sees what awaits review in their place and works through it with Verify,
 * Query and Next; and every new page passes axe.
 *
 * North West Ambulance Service (system-wide, overseen by Morecambe Bay's
 * steering group, a draft in the open month) is this file's own: the sheet
 * tests use UHMB's month.
 */
const baseUrl = inject("baseUrl");
const databaseUrl = inject("databaseUrl");
const charter = loadCharter();
let browser: Browser;
let nwasChampion: Person;
let ids: { nwas: number; openPeriod: number; morecambeBay: number; system: number };

beforeAll(async () => {
  browser = await launchBrowser();
  const db = lookup(databaseUrl);
  ids = {
    nwas: await db.organisationId("North West Ambulance Service NHS Trust"),
    morecambeBay: await db.placeId("Morecambe Bay"),
    openPeriod: (
      await db.row<{ id: number }>(
        "select id from assessment_period where status = 'open' order by starts_on desc limit 1",
      )
    ).id,
    system: (await db.row<{ id: number }>("select id from system order by id limit 1")).id,
  };
  await db.close();
  nwasChampion = await addPerson(databaseUrl, {
    email: "nwas.champion@nhs.example",
    grants: [{ role: "champion", organisationId: ids.nwas }],
  });
});
afterAll(async () => {
  await browser?.close();
});

/** Password, then (for a real person, who holds a second factor) a code from their app. */
async function signIn(page: Page, email: string, password = DEMO_PASSWORD, person?: Person) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (person?.totpKey) {
    await page.waitForURL(/\/sign-in\/two-factor/);
    await page.getByLabel("Security code").fill(await freshCode(person));
    await page.getByRole("button", { name: "Continue" }).click();
  }
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

const sheet = () => `/organisations/${ids.nwas}/periods/${ids.openPeriod}`;

/** NWAS's month with no review on it, and its first fulfilled component of each domain. */
async function freshReviews() {
  const sql = openSql(databaseUrl);
  try {
    await sql.run(
      `delete from component_review where component_answer_id in (select c.id from component_answer c
       join assessment a on a.id = c.assessment_id where a.organisation_id = ? and a.period_id = ?)`,
      ids.nwas,
      ids.openPeriod,
    );
    const fulfilled = await sql.all<{ component_id: string }>(
      `select c.component_id from component_answer c join assessment a on a.id = c.assessment_id
       where a.organisation_id = ? and a.period_id = ? and c.status = 'fulfilled'`,
      ids.nwas,
      ids.openPeriod,
    );
    const ids_ = new Set(fulfilled.map((f) => f.component_id));
    return charter.domains.map((d) => d.components.find((c) => ids_.has(c.id))!.id);
  } finally {
    await sql.close();
  }
}

async function versions() {
  const sql = openSql(databaseUrl);
  try {
    return await sql.all<{ component_id: string; version: number }>(
      `select c.component_id, c.version from component_answer c join assessment a on a.id = c.assessment_id
       where a.organisation_id = ? and a.period_id = ? order by c.component_id`,
      ids.nwas,
      ids.openPeriod,
    );
  } finally {
    await sql.close();
  }
}

const verifiedLevel = async (page: Page) => {
  await page.goto(`${baseUrl}${sheet()}`);
  return page.getByText(/Verified level, counting only/).innerText();
};

describe("paging through a verified month with Save and continue", () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`leaves every review as it was (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const toVerify = await freshReviews();
      expect(toVerify).toHaveLength(charter.domains.length);

      const reviewer = await newContext(browser, javaScriptEnabled);
      const steering = await reviewer.newPage();
      await signIn(steering, "steering@example.com");
      for (const componentId of toVerify) {
        await steering.goto(`${baseUrl}${sheet()}/review/${componentId}`);
        await steering.getByRole("button", { name: "Verify" }).click();
        await steering.waitForURL((url) => url.pathname === sheet());
      }
      expect(await verifiedLevel(steering)).toContain("Bronze");

      const before = await versions();
      const owner = await newContext(browser, javaScriptEnabled);
      const champion = await owner.newPage();
      await signIn(champion, nwasChampion.email, nwasChampion.password, nwasChampion);
      const ids_ = charter.domains.flatMap((d) => d.components.map((c) => c.id));
      await champion.goto(`${baseUrl}${sheet()}/components/${ids_[0]}`);
      for (const componentId of ids_) {
        await champion
          .getByRole("heading", {
            level: 1,
            name: new RegExp(`\\b${componentId.replace(".", "\\.")} `),
          })
          .waitFor();
        await champion.getByRole("button", { name: "Save and continue" }).click();
        const next = ids_[ids_.indexOf(componentId) + 1];
        await champion.waitForURL((url) =>
          next ? url.pathname.endsWith(`/components/${next}`) : url.pathname === sheet(),
        );
      }
      expect(await versions()).toEqual(before);
      expect(await verifiedLevel(steering)).toContain("Bronze");
      expect(
        await steering.locator(".nhsuk-task-list").getByText("Changed since review").count(),
      ).toBe(0);
      await reviewer.close();
      await owner.close();
    });
  }
});

describe("a steering group member works through what awaits review", () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`from their first page, with Verify, Query and Next (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const context = await newContext(browser, javaScriptEnabled);
      const page = await context.newPage();
      await signIn(page, "steering@example.com");
      // Their first page says what awaits them, before anything else.
      expect(new URL(page.url()).pathname).toBe(`/places/${ids.morecambeBay}`);
      await page.getByRole("heading", { name: "Awaiting review" }).waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByRole("link", { name: "Review them" }).click();
      await page.getByRole("heading", { level: 1, name: /Awaiting review/ }).waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByRole("link", { name: "Start reviewing" }).click();
      await page.getByRole("heading", { level: 1, name: /Review \d/ }).waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);

      // Next leaves the first as it is; Verify takes the second and goes on to the third.
      const first = new URL(page.url()).pathname;
      await page.getByRole("link", { name: /^Next/ }).click();
      await page.waitForURL((url) => url.pathname !== first);
      const second = new URL(page.url()).pathname;
      // With JavaScript the address changes before the new page is drawn: wait until the Next
      // link is the second page's own (the first page's pointed at the second).
      const nextLink = page.getByRole("link", { name: /^Next/ });
      await expect
        .poll(async () => (await nextLink.getAttribute("href"))?.split("?")[0])
        .not.toBe(second);
      const third = await nextLink.getAttribute("href");
      const verifiable = await page.getByRole("button", { name: "Verify" }).count();
      if (verifiable) {
        await page.getByRole("button", { name: "Verify" }).click();
        await page.waitForURL((url) => url.pathname !== second);
        expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(third);
      }
      // A query needs a comment: refused in words (in the browser with JavaScript), then sent.
      await page.getByRole("button", { name: "Query" }).click();
      await page
        .getByRole("link", { name: "Enter what you are querying, so the champion can answer it" })
        .waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByLabel("Comment for the champion").fill("Which paper records this?");
      const queried = new URL(page.url()).pathname;
      await page.getByRole("button", { name: "Query" }).click();
      await page.waitForURL((url) => url.pathname !== queried);
      await context.close();
    });
  }
});

describe("the new pages pass axe's WCAG 2.2 A and AA rules, with and without JavaScript", () => {
  const pages: Record<string, () => string[]> = {
    "steering@example.com": () => [
      `/places/${ids.morecambeBay}`,
      `/places/${ids.morecambeBay}/reviews`,
      `/organisations/${ids.nwas}/periods/${ids.openPeriod}`,
    ],
    "place.lead@example.com": () => [
      `/places/${ids.morecambeBay}`,
      `/places/${ids.morecambeBay}/reviews`,
      `/places/${ids.morecambeBay}/reminders`,
    ],
    "admin@example.com": () => [
      "/admin",
      "/admin/periods",
      `/admin/periods?dueDate=${ids.openPeriod}`,
      `/places/${ids.morecambeBay}/reminders`,
    ],
    "system.reader@example.com": () => [`/systems/${ids.system}`],
    "champion@example.com": () => ["/organisations"],
  };
  for (const javaScriptEnabled of [true, false]) {
    for (const [email, paths] of Object.entries(pages)) {
      it(`as ${email} (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
        const context = await newContext(browser, javaScriptEnabled);
        const page = await context.newPage();
        await signIn(page, email);
        // The first page after signing in is the role's home.
        expect({ home: page.url(), violations: await accessibilityViolations(page) }).toEqual({
          home: page.url(),
          violations: [],
        });
        for (const path of paths()) {
          const response = await page.goto(`${baseUrl}${path}`);
          expect({ path, status: response?.status() }).toEqual({ path, status: 200 });
          expect({ path, violations: await accessibilityViolations(page) }).toEqual({
            path,
            violations: [],
          });
        }
        if (email === "admin@example.com") {
          // The date input refusing a date that is not one: its error summary and message.
          await page.goto(`${baseUrl}/admin/periods?dueDate=${ids.openPeriod}`);
          await page.locator('input[name="dueOn-day"]').fill("31");
          await page.locator('input[name="dueOn-month"]').fill("2");
          await page.locator('input[name="dueOn-year"]').fill("2027");
          await page.getByRole("button", { name: "Save due date" }).click();
          await page.getByRole("link", { name: "The due date must be a real date" }).waitFor();
          expect(await accessibilityViolations(page)).toEqual([]);
        }
        await context.close();
      });
    }
  }
});
