import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadCharter } from "~/charter/content";
import { DEMO_PASSWORD } from "../../db/seed/demo-ics";
import { launchBrowser } from "./support/browser";
import { expectAccessible, forgetOpenMonth, openComponent } from "./support/sheet";

const baseUrl = inject("baseUrl");
const databaseUrl = inject("databaseUrl");
const UHMB = "University Hospitals of Morecambe Bay NHS Foundation Trust";
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("a champion uses the sheet as an improvement plan", () => {
  const component = loadCharter().domains[0]!.components[2]!;
  const title = `${component.id} ${component.title}`;

  for (const javaScriptEnabled of [true, false]) {
    it(`ticks a cross-cutting principle and adds a progression action (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const { periodLabel } = await forgetOpenMonth(databaseUrl);
      const context = await browser.newContext({ javaScriptEnabled });
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      await page.goto(`${baseUrl}/sign-in`);
      await page.getByLabel("Email address").fill("champion@example.com");
      await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("heading", { level: 1, name: new RegExp(UHMB) }).waitFor();
      await page.getByRole("link", { name: periodLabel }).click();
      await page.getByRole("button", { name: "Start this month's self-assessment" }).click();

      // Principles: domain 1's own form and Save, folded under the domain's task list.
      await page.getByText(/^Cross-cutting principles in domain 1 \(0 of 6 in place\)$/).click();
      const principles = page.getByRole("region", { name: "Cross-cutting principles in domain 1" });
      await principles.getByRole("group", { name: "Principles in place in domain 1" }).waitFor();
      await principles.getByLabel("Clear and visible leadership").check();
      const note = `Board lead named (${javaScriptEnabled ? "with" : "without"} JavaScript)`;
      await principles.getByLabel("Note on the principles (optional)").fill(note);
      await principles.getByRole("button", { name: "Save principles in domain 1" }).click();
      await principles.getByText("Saved.").waitFor();
      await expectAccessible(page);
      await page.reload();
      const reloaded = page.getByRole("region", { name: "Cross-cutting principles in domain 1" });
      await reloaded.getByLabel("Clear and visible leadership").waitFor();
      expect(await reloaded.getByLabel("Clear and visible leadership").isChecked()).toBe(true);
      expect(await reloaded.getByLabel("Metrics and evaluation of impact").isChecked()).toBe(false);
      expect(await reloaded.getByLabel("Note on the principles (optional)").inputValue()).toBe(
        note,
      );

      // An action with an impossible date is refused, keeping what was typed; then it is added.
      await page.getByText(/^Cross-cutting principles in domain 1 \(1 of 6 in place\)$/).waitFor();
      await openComponent(page, title);
      const block = page.getByRole("region", { name: title });
      await block.getByText(`Add an action to ${title}`).click();
      const action = "Publish the gender pay gap action plan";
      await block.getByLabel("Action", { exact: true }).fill(action);
      await block.getByLabel("Owner (optional)").fill("Director of people");
      const target = block.getByRole("group", { name: "Target date (optional)" });
      await target.getByLabel("Day").fill("30");
      await target.getByLabel("Month").fill("2");
      await target.getByLabel("Year").fill("2027");
      await block.getByRole("button", { name: `Add action to ${title}` }).click();
      await page.getByRole("heading", { name: "There is a problem" }).waitFor();
      await page.getByRole("link", { name: /The target date must be a real date/ }).waitFor();
      const retry = page.getByRole("region", { name: title });
      expect(await retry.getByLabel("Action", { exact: true }).inputValue()).toBe(action);
      const retryTarget = retry.getByRole("group", { name: "Target date (optional)" });
      expect(await retryTarget.getByLabel("Day").inputValue()).toBe("30");
      await expectAccessible(page);
      await retryTarget.getByLabel("Day").fill("31");
      await retryTarget.getByLabel("Month").fill("3");
      await retry.getByRole("button", { name: `Add action to ${title}` }).click();
      const row = page
        .getByRole("region", { name: title })
        .getByRole("row", { name: /31 March 2027/ });
      await row.waitFor();
      expect(await row.textContent()).toContain(action);
      expect(await row.textContent()).toContain("Director of people");
      await expectAccessible(page);
      await context.close();
    });
  }
});
