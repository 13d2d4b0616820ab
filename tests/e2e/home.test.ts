import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { accessibilityViolations, launchBrowser } from "./support/browser";

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function withContext<T>(
  options: { javaScriptEnabled: boolean },
  run: (context: BrowserContext) => Promise<T>,
) {
  const context = await browser.newContext(options);
  try {
    return await run(context);
  } finally {
    await context.close();
  }
}

describe("the charter page presents the charter", () => {
  it("shows all six domains and 16 components, with no accessibility violations", async () => {
    await withContext({ javaScriptEnabled: true }, async (context) => {
      const page = await context.newPage();
      const response = await page.goto(`${baseUrl}/charter`);
      expect(response?.status()).toBe(200);
      await expect(page.locator("h1").innerText()).resolves.toContain(
        "The NHS Anchor Collaborative Charter",
      );
      const domains = await page.locator("section[id^=domain-] > h2").allInnerTexts();
      expect(domains).toHaveLength(6);
      expect(domains[2]).toContain("Expanding community access to NHS property");
      const components = await page.locator(".app-component h3").allInnerTexts();
      expect(components).toHaveLength(16);
      expect(components[8]).toContain("Component 3.4");
      expect(components[8]).toContain("Developing accessible community green spaces");
      await expect(page.getByRole("region", { name: "Demonstration data" }).count()).resolves.toBe(
        1,
      );
      expect(await accessibilityViolations(page)).toEqual([]);
    });
  });

  it("works with JavaScript disabled: the same content and a working contents list", async () => {
    await withContext({ javaScriptEnabled: false }, async (context) => {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/charter`);
      await expect(page.locator(".app-component").count()).resolves.toBe(16);
      await page.getByRole("link", { name: "Status levels" }).click();
      expect(page.url()).toMatch(/#levels$/);
      const silverRow = await page
        .getByRole("row", { name: /Expanding community access/ })
        .allInnerTexts();
      // Gold needs 3 of 4 in domain 3, silver 2: the one place they differ.
      expect(silverRow.join(" ")).toMatch(/1 of 4\s+2 of 4\s+3 of 4\s+4 of 4/);
    });
  });
});

describe("the start page", () => {
  it("says what the service is for, who uses it, how to sign in and get an account, and leads to the charter", async () => {
    await withContext({ javaScriptEnabled: false }, async (context) => {
      const page = await context.newPage();
      const response = await page.goto(baseUrl);
      expect(response?.status()).toBe(200);
      await expect(page.locator("h1").innerText()).resolves.toContain(
        "Anchor Charter self-assessment",
      );
      const text = await page.locator("main").innerText();
      // Not the 2021 board paper.
      expect(text).not.toContain("The purpose of this paper");
      expect(text).toContain("Use this service to record, each month, how far your organisation");
      for (const heading of ["Who uses it", "Sign in", "How to get an account", "The charter"]) {
        await expect(
          page.getByRole("heading", { name: heading, exact: true }).count(),
        ).resolves.toBe(1);
      }
      expect(text).toContain(
        "Accounts are by invitation only. Ask your place lead or your system administrator",
      );
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByRole("link", { name: "Read the Anchor Charter" }).click();
      expect(new URL(page.url()).pathname).toBe("/charter");
      await expect(page.locator(".app-component").count()).resolves.toBe(16);
      await page.goto(baseUrl);
      await page.getByRole("main").getByRole("button", { name: "Sign in" }).click();
      expect(new URL(page.url()).pathname).toBe("/sign-in");
      await expect(page.locator("main").innerText()).resolves.toContain(
        "Accounts are by invitation only. Ask your place lead or your system administrator to invite you",
      );
    });
  });
});
