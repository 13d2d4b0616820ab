import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed/demo-ics";
import { watchForPageProblems } from "../integration/security/page-problems";
import { type ReadersFixture, startReadersApp } from "../integration/readers/fixture";
import { lookup } from "../support/http";
import { accessibilityViolations, chartsDrawn, launchBrowser } from "./support/browser";

/**
 * The readers' pages in a real browser, with JavaScript on and off, on the
 * readers' hand-set fixture (tests/integration/readers/fixture.ts): in
 * Morecambe Bay's last closed month, A (Barrow) holds bronze and moved up
 * from no level, B (Lancashire County Council, system-wide) holds silver
 * and moved down from gold, C has a draft, and the other seven made no return.
 */
let f: ReadersFixture;
let browser: Browser;
let systemId: number;
let otherPlace: { id: number; names: string[] };

beforeAll(async () => {
  f = await startReadersApp();
  browser = await launchBrowser();
  const db = lookup(f.databaseUrl);
  try {
    systemId = (await db.row<{ id: number }>("select id from system order by id limit 1")).id;
    const blackpool = await db.row<{ place_id: number }>(
      "select place_id from organisation where name like 'Blackpool Teaching%'",
    );
    const names = await db.all<{ name: string }>(
      "select name from organisation where place_id = ?",
      blackpool.place_id,
    );
    otherPlace = { id: blackpool.place_id, names: names.map((n) => n.name) };
  } finally {
    await db.close();
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await f?.stop();
});

async function signedIn(
  email: string,
  javaScriptEnabled: boolean,
  reducedMotion: "reduce" | "no-preference" = "no-preference",
) {
  const context = await browser.newContext({ javaScriptEnabled, reducedMotion });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems = await watchForPageProblems(page);
  await page.goto(`${f.app.url}/sign-in`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  return { page, problems, close: () => context.close() };
}

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

/** A table's body rows as the reader sees them, one line each. */
const rowsOf = async (table: Locator) =>
  (await table.locator("tbody tr").allInnerTexts()).map(squash);

/** The chart figure under a heading: its message, its canvas (with JavaScript) and its table. */
function chart(page: Page, heading: string) {
  const figure = page.locator("figure.app-chart", {
    has: page.getByRole("heading", { name: heading, exact: true }),
  });
  return {
    figure,
    message: figure.locator(".app-chart__message"),
    canvas: figure.getByRole("img"),
    table: figure.getByRole("table"),
  };
}

/**
 * With JavaScript: the chart is drawn on a canvas named by its message, and
 * its table is folded away one click off. Without: no canvas, the table shows.
 * Either way the table's rows are returned for checking against the fixture.
 */
async function expectChartAndTable(
  page: Page,
  heading: string,
  js: boolean,
  message: string | RegExp,
) {
  const c = chart(page, heading);
  const shown = squash(await c.message.innerText());
  if (typeof message === "string") expect(shown).toBe(message);
  else expect(shown).toMatch(message);
  if (js) {
    await c.figure.locator('canvas[data-chart-drawn="true"]').waitFor();
    expect(await c.canvas.getAttribute("aria-label")).toContain(shown);
    expect(await c.table.isVisible()).toBe(false);
    await c.figure.getByText("Show as table").click();
    await c.table.waitFor({ state: "visible" });
  } else {
    expect(await c.figure.locator("canvas").count()).toBe(0);
    expect(await c.table.isVisible()).toBe(true);
  }
  return rowsOf(c.table);
}

async function expectAccessible(page: Page) {
  expect({ url: page.url(), violations: await accessibilityViolations(page) }).toEqual({
    url: page.url(),
    violations: [],
  });
}

for (const js of [true, false]) {
  const mode = `JavaScript ${js ? "on" : "off"}`;

  describe(`the readers' pages (${mode})`, () => {
    it("a place lead reads the place summary: levels held and coverage, as charts and tables", async () => {
      const { page, problems, close } = await signedIn("place.lead@example.com", js);
      await page.goto(`${f.app.url}/places/${f.place}?period=${f.month.id}`);
      await page
        .getByText(`2 of ${f.total} organisations have submitted for ${f.month.label}.`)
        .waitFor();

      const levels = await expectChartAndTable(
        page,
        "Levels held",
        js,
        `2 of ${f.total} organisations hold Bronze or above in ${f.month.label}`,
      );
      expect(levels).toEqual([
        "No return this period 7 —",
        "Not yet submitted 1 —",
        // Nothing of A's or B's is verified yet: both hold no verified level.
        "No level yet 0 2",
        "Bronze 1 0",
        "Silver 1 0",
        "Gold 0 0",
        "Platinum 0 0",
      ]);
      // A and B submitted: each domain's first component by both, its second by B only.
      const coverage = await expectChartAndTable(
        page,
        "Coverage of each component",
        js,
        `12 of 16 components are fulfilled by at least half the returns for ${f.month.label}`,
      );
      expect(coverage.slice(0, 3)).toEqual([
        "1.1 Widening workforce participation 2 of 2 100% 0 of 2",
        "1.2 Building the future workforce 1 of 2 50% 0 of 1",
        "1.3 Being a good employer 0 of 2 0% 0 of 0",
      ]);
      await expectAccessible(page);
      expect(problems).toEqual([]);
      await close();
    });

    it("a steering group member reads an organisation's overview: its level over the months and each domain", async () => {
      const [, b] = f.organisations;
      const { page, problems, close } = await signedIn("steering@example.com", js);
      await page.goto(`${f.app.url}/organisations/${b!.id}?period=${f.month.id}`);
      const trend = await expectChartAndTable(
        page,
        "Level by month",
        js,
        `Silver in ${f.month.label}, down from Gold in ${f.before.label}`,
      );
      // The chart's own table, oldest month first as on its axis.
      expect(trend.slice(-3)).toEqual(
        expect.arrayContaining([
          `${f.before.label} Submitted Gold`,
          `${f.month.label} Submitted Silver`,
        ]),
      );
      // Every month stays in view with its link to the sheet and the components per domain.
      const months = page.getByRole("table", { name: "Self-assessments by month" });
      expect(await months.isVisible()).toBe(true);
      const monthRows = await rowsOf(months);
      expect(monthRows).toContain(`${f.month.label} Submitted Silver 2 2 2 2 2 2`);
      expect(monthRows).toContain(`${f.before.label} Submitted Gold 2 2 3 2 2 2`);
      await months.getByRole("link", { name: f.month.label }).waitFor();
      const domains = await expectChartAndTable(
        page,
        "Progress in each domain",
        js,
        `12 of 16 components fulfilled in ${f.month.label}, 3 of 6 domains complete`,
      );
      // Silver now; gold needs one more in domain 3 (lost since the month before).
      expect(domains[0]).toBe("1. Widening access to quality work 2 of 3 0 of 3 Enough");
      expect(domains[2]).toBe("3. Expanding community access to NHS property 2 of 4 0 of 4 1 more");
      await expectAccessible(page);
      expect(problems).toEqual([]);
      await close();
    });

    it("an administrator reads the ICS roll-up: levels and trend by place, and the heat map in words", async () => {
      const { page, problems, close } = await signedIn("admin@example.com", js);
      await page.goto(`${f.app.url}/systems/${systemId}?period=${f.month.id}`);
      // The other places' counts are the demo data's, not the fixture's: only the message's form.
      const levels = await expectChartAndTable(
        page,
        "Levels held by place",
        js,
        new RegExp(
          `^\\d+ of \\d+ organisations in the system hold Bronze or above in ${f.month.label}$`,
        ),
      );
      expect(levels).toContain("Morecambe Bay 7 6 0 0 1 0 0 0");
      expect(levels).toContain("System-wide organisations 3 1 1 0 0 1 0 0");

      const trend = await expectChartAndTable(
        page,
        "Trend by place",
        js,
        new RegExp(`returns? at Bronze or above in ${f.month.label}`),
      );
      // Bronze or above: A had no level the month before and bronze now; B gold then silver.
      expect(trend.find((row) => row.startsWith("Morecambe Bay"))).toMatch(/ 0 of 1 1 of 1$/);
      expect(trend.find((row) => row.startsWith("System-wide"))).toMatch(/ 1 of 1 1 of 1$/);

      // The heat map is a table whose every cell writes its share and its band.
      const heat = page.getByRole("table", { name: /Share of returns meeting Bronze/ });
      expect(await rowsOf(heat)).toContain(`System-wide organisations${" 100% ■■■■".repeat(6)}`);
      await expectAccessible(page);
      expect(problems).toEqual([]);
      await close();
    });

    it("a steering group member filters the comparison, keeps the filter across periods, and compares two side by side", async () => {
      const [a, b] = f.organisations;
      const { page, problems, close } = await signedIn("steering@example.com", js);
      await page.goto(`${f.app.url}/places/${f.place}/comparison?period=${f.month.id}`);
      await page.getByLabel("Level", { exact: true }).selectOption("bronze");
      await page.getByRole("button", { name: "Apply" }).click();
      await page.waitForURL((url) => url.searchParams.get("level") === "bronze");
      const matrix = page.getByRole("table", { name: /Components by organisation/ });
      const rows = await rowsOf(matrix);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toContain(a!.name);

      // Choosing the month before keeps the filter: there, A had no level and B gold.
      await page.getByLabel("Reporting period").selectOption(String(f.before.id));
      await page.getByRole("button", { name: "Show" }).click();
      await page.waitForURL((url) => url.searchParams.get("period") === String(f.before.id));
      expect(new URL(page.url()).searchParams.get("level")).toBe("bronze");
      expect(await page.getByLabel("Level", { exact: true }).inputValue()).toBe("bronze");
      await page.getByText("No organisation matches these filters.").waitFor();

      await page.goto(`${f.app.url}/places/${f.place}/comparison?period=${f.month.id}`);
      await page.getByLabel(`Compare ${a!.name}`).check();
      await page.getByLabel(`Compare ${b!.name}`).check();
      await page
        .getByRole("button", { name: "Compare the chosen organisations side by side" })
        .click();
      await page.waitForURL((url) => url.pathname === `/places/${f.place}/side-by-side`);
      const side = page.getByRole("table", { name: "Components side by side" });
      const sideRows = await rowsOf(side);
      expect(squash(await side.locator("thead").innerText())).toContain(`${a!.name}`);
      expect(squash(await side.locator("thead").innerText())).toContain(`${b!.name}`);
      expect(sideRows.find((row) => row.startsWith("1.2 "))).toMatch(
        /In progress.*Fulfilled, self-assessed/,
      );
      await expectAccessible(page);
      expect(problems).toEqual([]);
      await close();
    });

    it("pages of another place, or above one's scope, are refused and name nothing of it", async () => {
      const steering = await signedIn("steering@example.com", js);
      const elsewhere = await steering.page.goto(`${f.app.url}/places/${otherPlace.id}`);
      expect([403, 404]).toContain(elsewhere?.status());
      const body = await steering.page.content();
      expect(otherPlace.names.length).toBeGreaterThan(0);
      for (const name of otherPlace.names) expect(body).not.toContain(name);
      const rollup = await steering.page.goto(`${f.app.url}/systems/${systemId}`);
      expect([403, 404]).toContain(rollup?.status());
      await steering.close();

      const [a] = f.organisations;
      const champion = await signedIn("champion.blackpool@example.com", js);
      for (const path of [
        `/places/${f.place}`,
        `/places/${f.place}/comparison`,
        `/organisations/${a!.id}`,
      ]) {
        const response = await champion.page.goto(`${f.app.url}${path}`);
        expect({ path, status: response?.status() }).toEqual({
          path,
          status: expect.toSatisfy((s: number) => s === 403 || s === 404),
        });
        const html = await champion.page.content();
        for (const o of f.organisations) expect(html).not.toContain(o.name);
      }
      await champion.close();
    });
  });
}

describe("charts and motion", () => {
  it("are drawn without animation for a reader who prefers reduced motion, and animated otherwise", async () => {
    for (const [preference, animation] of [
      ["reduce", "off"],
      ["no-preference", "on"],
    ] as const) {
      const { page, problems, close } = await signedIn("place.lead@example.com", true, preference);
      await page.goto(`${f.app.url}/places/${f.place}?period=${f.month.id}`);
      expect(await chartsDrawn(page)).toBe(2);
      for (const canvas of await page.locator("figure.app-chart canvas").all()) {
        expect(await canvas.getAttribute("data-chart-animation")).toBe(animation);
      }
      expect(problems).toEqual([]);
      await close();
    }
  });
});
