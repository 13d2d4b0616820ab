import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { watchForPageProblems } from "../integration/security/page-problems";
import { DEMO_PASSWORD } from "../../db/seed/demo-ics";
import { lookup } from "../support/http";
import { chartsDrawn, launchBrowser } from "./support/browser";

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the Content-Security-Policy lets the app run and nothing else", () => {
  it("the home page comes to life with no CSP violation or script error", async () => {
    // No bypassCSP here: the policy the server sends is the one under test.
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const problems = await watchForPageProblems(page);
      const response = await page.goto(baseUrl);
      expect(response?.headers()["content-security-policy"]).toContain("script-src 'self' 'nonce-");
      await page.waitForFunction(
        () =>
          (window as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter?.state
            .initialized,
      );
      // Following a link fetches the next page's data from script: connect-src must allow it.
      const data = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith(".data"));
      await page.getByRole("link", { name: "Anchor Charter homepage" }).click();
      expect((await data).status()).toBe(200);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("an inline script without the nonce is refused, and the refusal is seen", async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const problems = await watchForPageProblems(page);
      await page.goto(baseUrl);
      await page.evaluate(() => {
        const script = document.createElement("script");
        script.textContent = "document.title = 'injected'";
        document.body.append(script);
      });
      await expect.poll(() => problems.join("\n")).toContain("CSP violation: script-src");
      expect(await page.title()).not.toBe("injected");
    } finally {
      await context.close();
    }
  });

  it("chart.js fetches and draws the readers' charts under the policy, with no eval or inline style", async () => {
    const db = lookup(inject("databaseUrl"));
    const place = await db.placeId("Morecambe Bay");
    await db.close();
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const problems = await watchForPageProblems(page);
      const scripts: string[] = [];
      page.on("response", (r) => {
        if (r.request().resourceType() === "script") scripts.push(new URL(r.url()).pathname);
      });
      await page.goto(`${baseUrl}/sign-in`);
      await page.getByLabel("Email address").fill("place.lead@example.com");
      await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
      await page.goto(`${baseUrl}/places/${place}`);
      expect(await chartsDrawn(page)).toBeGreaterThan(0);
      // Drawn from a script of the app's own, fetched for this page.
      expect(scripts.some((s) => /^\/assets\/auto-.*\.js$/.test(s))).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("no page asks another host for anything, fonts included", async () => {
    // Many NHS networks block outside hosts: a request there left pages waiting for seconds.
    const db = lookup(inject("databaseUrl"));
    const place = await db.placeId("Morecambe Bay");
    await db.close();
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const elsewhere: string[] = [];
      const origin = new URL(baseUrl).origin;
      page.on("request", (r) => {
        const url = new URL(r.url());
        if (url.protocol !== "data:" && url.origin !== origin) elsewhere.push(r.url());
      });
      await page.goto(`${baseUrl}/sign-in`);
      await page.getByLabel("Email address").fill("place.lead@example.com");
      await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
      await page.goto(`${baseUrl}/places/${place}`, { waitUntil: "networkidle" });
      // The page's text asked for its fonts: had any come from elsewhere, it would be listed.
      expect(await page.evaluate(() => document.fonts.status)).toBe("loaded");
      expect(elsewhere).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("stays on in every browser test: none switches it off", () => {
    // axe-core is injected through DevTools (support/browser.ts), so nothing needs it off;
    // a test with it off would pass a policy that breaks autosave or navigation.
    const files = fs
      .readdirSync("tests/e2e", { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts"));
    const switchingOff = files.filter((f) =>
      /bypassCSP\s*:/.test(fs.readFileSync(path.join("tests/e2e", f), "utf8")),
    );
    expect(switchingOff).toEqual([]);
  });
});
