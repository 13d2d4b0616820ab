import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed/demo-ics";
import { createTestDatabase } from "../setup/database";
import { startApp } from "../setup/start-app";
import { lookup } from "../support/http";
import { accessibilityViolations, launchBrowser } from "./support/browser";

/**
 * The warning before the idle limit (issue 21, WCAG 2.2.1): with JavaScript a
 * dialog that keeps the session when asked; without, a bar that appears at
 * the warning time and says, once the session has ended, that a save is kept.
 */
const SHOTS = "/work/shots/auth";
const baseUrl = inject("baseUrl");
const databaseUrl = inject("databaseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const email = "steering@example.com";

async function lastSeen(url: string) {
  const l = lookup(url);
  try {
    const { last_seen_at } = await l.row<{ last_seen_at: string }>(
      "select max(last_seen_at) as last_seen_at from session where user_id = ?",
      await l.userId(email),
    );
    return Date.parse(last_seen_at);
  } finally {
    await l.close();
  }
}

describe("the idle warning", () => {
  it("with JavaScript, opens a dialog before the limit, announced, and staying signed in keeps the session", async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    await page.goto(`${baseUrl}/account`);
    await page.getByRole("heading", { name: "Your account" }).waitFor();

    // 26 minutes pass without a request: on the server (its record) and in the page (its clock).
    const l = lookup(databaseUrl);
    await l.run(
      "update session set last_seen_at = ? where user_id = ?",
      new Date(Date.now() - 26 * 60_000).toISOString(),
      await l.userId(email),
    );
    await l.close();
    await page.clock.fastForward("26:00");
    const dialog = page.getByRole("dialog", { name: "You will be signed out soon" });
    await dialog.waitFor();
    await expect
      .poll(() => dialog.locator(".app-idle-dialog__time").innerText())
      .toMatch(/^[34] minutes/);
    expect(await page.locator('[aria-live="polite"]').innerText()).toMatch(
      /You will be signed out in [45] minutes\./,
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/idle-warning.png` });

    await dialog.getByRole("button", { name: "Stay signed in" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(Date.now() - (await lastSeen(databaseUrl))).toBeLessThan(60_000);
    await context.close();
  });

  it("without JavaScript, shows a bar at the warning time with a way to stay signed in, then says a save is kept", async () => {
    // A half-minute limit, so the bar shows after ten seconds (the warning is 20 seconds before).
    const database = await createTestDatabase("anchor-idle-");
    const app = await startApp({ ...database.env, SESSION_IDLE_MINUTES: "0.5" });
    const context = await browser.newContext({ javaScriptEnabled: false });
    context.setDefaultTimeout(40_000);
    try {
      const page = await context.newPage();
      await page.goto(`${app.url}/sign-in`);
      await page.getByLabel("Email address").fill(email);
      await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
      await page.goto(`${app.url}/account`);
      const warning = page.getByRole("heading", { name: "You will be signed out soon" });
      expect(await warning.isVisible()).toBe(false);
      await warning.waitFor();
      const stay = page.getByRole("link", { name: "Stay signed in (opens in a new tab)" });
      expect(await stay.getAttribute("href")).toBe("/session/stay");
      expect(await stay.getAttribute("target")).toBe("_blank");
      await page.screenshot({ path: `${SHOTS}/idle-warning-no-js.png` });
      await page.getByRole("heading", { name: "You have been signed out" }).waitFor();
      await page.getByText("If you save now, what you typed is kept for you").waitFor();
      await page.screenshot({ path: `${SHOTS}/idle-ended-no-js.png` });
    } finally {
      await context.close();
      await app.stop();
      await database.cleanup();
    }
    // Its own server's start and the half-minute limit itself: 60 s was short on a busy machine.
  }, 120_000);
});
