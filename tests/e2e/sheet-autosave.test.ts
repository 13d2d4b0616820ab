import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadCharter } from "~/charter/content";
import { launchBrowser } from "./support/browser";
import {
  expectAccessible,
  fillSignIn,
  forgetOpenMonth,
  newContext,
  openStartedSheet,
  savedAnswer,
} from "./support/sheet";

const baseUrl = inject("baseUrl");
const databaseUrl = inject("databaseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const component = loadCharter().domains[1]!.components[0]!;
const title = `${component.id} ${component.title}`;
const blockOf = (page: Page) => page.getByRole("region", { name: title });
const statusOf = (page: Page) =>
  page.locator(`#c${component.id.replace(/[^a-z0-9]/gi, "-")}-save-status`);

const draftKeys = (page: Page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("anchor-draft:")));

describe("with JavaScript, a component saves itself", () => {
  it("typing into opportunities is saved without pressing Save, and is there after reloading", async () => {
    const { periodLabel } = await forgetOpenMonth(databaseUrl);
    const context = await newContext(browser);
    const page = await openStartedSheet(context, baseUrl, periodLabel, title);
    const before = await savedAnswer(databaseUrl, component.id);

    const plan = "Demonstration: autosaved plan for local recruitment";
    await blockOf(page).getByLabel("Opportunities for progression").fill(plan);
    await statusOf(page)
      .getByText(/^Saved at \d\d:\d\d$/)
      .waitFor();
    expect(await savedAnswer(databaseUrl, component.id)).toMatchObject({
      opportunities: plan,
      version: before.version + 1,
    });
    await expectAccessible(page);

    // The form now carries the new version: typing on saves again instead of conflicting.
    await blockOf(page).getByLabel("Opportunities for progression").fill(`${plan}, phase two`);
    await expect
      .poll(() => savedAnswer(databaseUrl, component.id), { timeout: 10_000 })
      .toMatchObject({ opportunities: `${plan}, phase two`, version: before.version + 2 });
    await statusOf(page)
      .getByText(/^Saved at/)
      .waitFor();
    expect(await page.getByText("Someone else saved this component").count()).toBe(0);

    await page.reload();
    expect(await blockOf(page).getByLabel("Opportunities for progression").inputValue()).toBe(
      `${plan}, phase two`,
    );
    await context.close();
  });

  it("a stale tab's autosave shows both versions instead of overwriting the newer one", async () => {
    const { periodLabel } = await forgetOpenMonth(databaseUrl);
    const first = await newContext(browser);
    const second = await newContext(browser);
    const mine = await openStartedSheet(first, baseUrl, periodLabel, title);
    const theirs = await openStartedSheet(second, baseUrl, periodLabel, title);

    const theirText = "Demonstration: the other tab's plan";
    await blockOf(theirs).getByLabel("Opportunities for progression").fill(theirText);
    await statusOf(theirs)
      .getByText(/^Saved at/)
      .waitFor();

    const myText = "Demonstration: my plan typed on the stale tab";
    await blockOf(mine).getByLabel("Opportunities for progression").fill(myText);
    await mine.getByText("Someone else saved this component while you were editing").waitFor();
    await mine.getByRole("cell", { name: theirText }).waitFor();
    await mine.getByRole("cell", { name: myText }).waitFor();
    await statusOf(mine)
      .getByText(/^Not saved: someone else saved/)
      .waitFor();
    // Nothing was overwritten, and what was typed is still in the form.
    expect((await savedAnswer(databaseUrl, component.id)).opportunities).toBe(theirText);
    expect(await blockOf(mine).getByLabel("Opportunities for progression").inputValue()).toBe(
      myText,
    );
    await expectAccessible(mine);

    await mine.getByRole("button", { name: "Save mine over theirs" }).click();
    await blockOf(mine).getByText("Saved.").waitFor();
    expect((await savedAnswer(databaseUrl, component.id)).opportunities).toBe(myText);
    await first.close();
    await second.close();
  });
});

describe("a save that fails keeps what was typed", () => {
  it("the session ends while typing; after signing in again the draft is filled in and saved", async () => {
    const { periodLabel } = await forgetOpenMonth(databaseUrl);
    const context = await newContext(browser);
    const page = await openStartedSheet(context, baseUrl, periodLabel, title);
    const saved = "Demonstration: saved before the session ended";
    await blockOf(page).getByLabel("Opportunities for progression").fill(saved);
    await statusOf(page)
      .getByText(/^Saved at/)
      .waitFor();

    await context.clearCookies();
    const typed = "Demonstration: typed after the session ended";
    await blockOf(page).getByLabel("Opportunities for progression").fill(typed);
    await statusOf(page)
      .getByText(/You have been signed out, so this was not saved/)
      .waitFor();
    expect(await blockOf(page).getByLabel("Opportunities for progression").inputValue()).toBe(
      typed,
    );
    expect((await savedAnswer(databaseUrl, component.id)).opportunities).toBe(saved);
    await expectAccessible(page);

    await statusOf(page).getByRole("link", { name: "Sign in again" }).click();
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    await fillSignIn(page);
    await page.getByText(/^You have unsaved changes from \d\d:\d\d/).waitFor();
    expect(await blockOf(page).getByLabel("Opportunities for progression").inputValue()).toBe(
      typed,
    );
    await expectAccessible(page);

    await blockOf(page).getByRole("button", { name: "Save", exact: true }).click();
    await statusOf(page)
      .getByText(/^Saved at/)
      .waitFor();
    expect((await savedAnswer(databaseUrl, component.id)).opportunities).toBe(typed);
    expect(await page.getByText(/^You have unsaved changes/).count()).toBe(0);

    // Saved, so the draft is gone: reloading shows no notice.
    await page.reload();
    await blockOf(page).getByLabel("Opportunities for progression").waitFor();
    expect(await page.getByText(/^You have unsaved changes/).count()).toBe(0);

    // Signing out forgets any draft, so the next person on this browser finds none.
    await blockOf(page).getByLabel("Opportunities for progression").fill("Typed, then signed out");
    expect(await draftKeys(page)).toHaveLength(1);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("button", { name: "Sign out" }).waitFor({ state: "detached" });
    expect(await draftKeys(page)).toEqual([]);
    await context.close();
  });
});
