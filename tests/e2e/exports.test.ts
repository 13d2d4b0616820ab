import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed/demo-ics";
import { csvRecords } from "../support/spreadsheets";
import { accessibilityViolations, launchBrowser } from "./support/browser";
import { newContext } from "./support/sheet";

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function signIn(page: Page, email: string) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

describe("the data exports page", () => {
  it("without JavaScript, a place lead chooses a period and downloads their place's returns", async () => {
    const context = await newContext(browser, false);
    const page = await context.newPage();
    await signIn(page, "place.lead@example.com");
    await page.getByRole("link", { name: "Data exports" }).click();
    await page.getByRole("heading", { level: 1, name: "Data exports" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    const period = page.getByLabel("Period");
    const options = await period.locator("option").allTextContents();
    const chosen = options[2]!;
    await period.selectOption({ label: chosen });
    await page.getByRole("button", { name: "Show downloads for this period" }).click();
    await page.getByRole("table", { name: `What you can download, ${chosen}` }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "CSV of returns and levels for Morecambe Bay" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`Morecambe Bay returns ${chosen}.csv`);
    const rows = csvRecords(fs.readFileSync((await download.path())!, "utf8"));
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.period_label))).toEqual(new Set([chosen]));
    await context.close();
  });

  it("a champion is offered only their organisation's files", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, "champion@example.com");
    await page.goto(`${baseUrl}/exports`);
    const table = page.getByRole("table", { name: /What you can download/ });
    await expect(table.getByRole("rowheader").allTextContents()).resolves.toEqual([
      expect.stringMatching(/^University Hospitals of Morecambe Bay.*Organisation$/),
    ]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
