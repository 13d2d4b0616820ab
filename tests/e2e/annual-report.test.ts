import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed/demo-ics";
import { accessibilityViolations, launchBrowser } from "./support/browser";

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("a place lead asks for their place's annual report", () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`and downloads it once built, the page following the build by itself (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const context = await browser.newContext({ javaScriptEnabled, acceptDownloads: true });
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      await page.goto(`${baseUrl}/sign-in`);
      await page.getByLabel("Email address").fill("place.lead@example.com");
      await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));

      await page.goto(`${baseUrl}/reports`);
      await page.getByRole("heading", { level: 1, name: "Annual report" }).waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      // A place lead is offered their place, and nothing of the whole system.
      const offered = await page.getByLabel("Whose report").locator("option").allTextContents();
      expect(offered).toEqual(["Morecambe Bay (place)"]);
      await page.getByLabel(javaScriptEnabled ? "Word" : "PDF").check();
      await page.getByRole("button", { name: "Build the report" }).click();
      await page.waitForURL(/\/reports\/\d+$/);
      await page.getByRole("heading", { level: 1, name: /Annual report 2026/ }).waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);

      // Nobody reloads: with JavaScript the page asks again in place, without it the page refreshes itself.
      const download = page.getByRole("link", { name: /^Download the report/ });
      await download.waitFor({ timeout: 60_000 });
      expect(await accessibilityViolations(page)).toEqual([]);
      const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
      expect(file.suggestedFilename()).toBe(
        `annual-report-2026-27-morecambe-bay.${javaScriptEnabled ? "docx" : "pdf"}`,
      );
      const bytes = await new Response(
        (await file.createReadStream()) as unknown as ReadableStream,
      ).arrayBuffer();
      const head = Buffer.from(bytes).subarray(0, 4).toString("latin1");
      expect(head).toBe(javaScriptEnabled ? "PK\u0003\u0004" : "%PDF");
      await context.close();
    }, 90_000);
  }
});
