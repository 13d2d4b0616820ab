import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadCharter } from "~/charter/content";
import { DEMO_PASSWORD } from "../../db/seed/demo-ics";
import { launchBrowser } from "./support/browser";
import {
  chooseEvidenceKind,
  expectAccessible,
  forgetOpenMonth,
  openComponent,
  withDatabase,
} from "./support/sheet";

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

/** What another champion's save does to the row: new text, next version. */
async function someoneElseSaves(componentId: string, opportunities: string) {
  await withDatabase(databaseUrl, (db) =>
    db.run(
      `update component_answer set opportunities = ?, version = version + 1
       where component_id = ? and assessment_id = (
         select a.id from assessment a join assessment_period p on p.id = a.period_id
         join organisation o on o.id = a.organisation_id
         where p.status = 'open' and o.name = ?)`,
      opportunities,
      componentId,
      UHMB,
    ),
  );
}

async function signInAsChampion(page: Page) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("Email address").fill("champion@example.com");
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { level: 1, name: new RegExp(UHMB) }).waitFor();
}

describe("a champion completes a component of the reporting sheet", () => {
  const component = loadCharter().domains[0]!.components[1]!;
  const title = `${component.id} ${component.title}`;

  for (const javaScriptEnabled of [true, false]) {
    it(`starts the month, saves the component and sees it after reloading (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const { periodLabel } = await forgetOpenMonth(databaseUrl);
      const context = await browser.newContext({ javaScriptEnabled });
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      await signInAsChampion(page);

      await page.getByRole("link", { name: periodLabel }).click();
      const start = page.getByRole("button", { name: "Start this month's self-assessment" });
      await start.waitFor();
      await expectAccessible(page);
      await start.click();
      await openComponent(page, title);
      await expectAccessible(page);

      const block = page.getByRole("region", { name: title });
      const status = block.getByRole("group", { name: "Status" });
      await status.waitFor();
      const plan = `Demonstration plan saved ${javaScriptEnabled ? "with" : "without"} JavaScript`;
      await status.getByLabel("In progress").check();
      await block.getByLabel("Opportunities for progression").fill(plan);
      await block.getByRole("button", { name: "Save", exact: true }).click();
      // With JavaScript the Save button saves through autosave, which says when.
      await block.getByText(javaScriptEnabled ? /^Saved at \d\d:\d\d$/ : "Saved.").waitFor();
      await expectAccessible(page);

      await page.reload();
      if (!javaScriptEnabled)
        await page.getByRole("region", { name: title }).getByText("Saved.").waitFor();
      const reloaded = page.getByRole("region", { name: title });
      expect(await reloaded.getByLabel("In progress").isChecked()).toBe(true);
      expect(await reloaded.getByLabel("Opportunities for progression").inputValue()).toBe(plan);
      await expectAccessible(page);

      // Evidence with no title is refused with the error summary; the narrative typed is kept.
      const narrative = "Demonstration narrative: work placements with the local college.";
      await chooseEvidenceKind(page, "A narrative");
      await reloaded.getByLabel("Narrative", { exact: true }).fill(narrative);
      await reloaded.getByRole("button", { name: /^Add evidence/ }).click();
      await page.getByRole("heading", { name: "There is a problem" }).waitFor();
      await page.getByRole("link", { name: "Enter a title for the evidence" }).waitFor();
      const retry = page.getByRole("region", { name: title });
      expect(await retry.getByLabel("Narrative", { exact: true }).inputValue()).toBe(narrative);
      await expectAccessible(page);
      await retry.getByLabel("Title", { exact: true }).fill("Placements report");
      await retry.getByRole("button", { name: /^Add evidence/ }).click();
      await page
        .getByRole("region", { name: title })
        .getByRole("listitem")
        .filter({ hasText: "Placements report" })
        .waitFor();
      // Added, the form is back at its first step and empty: nothing invites a duplicate.
      await page.getByRole("group", { name: "What kind of evidence?" }).waitFor();
      expect(await page.getByLabel("Narrative", { exact: true }).count()).toBe(0);
      await context.close();
    });
  }
});

describe("two champions save the same component", () => {
  const component = loadCharter().domains[0]!.components[0]!;
  const title = `${component.id} ${component.title}`;

  for (const javaScriptEnabled of [true, false]) {
    it(`the later one sees both versions and may save their own over it (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const { periodLabel } = await forgetOpenMonth(databaseUrl);
      const context = await browser.newContext({ javaScriptEnabled });
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      await signInAsChampion(page);
      await page.getByRole("link", { name: periodLabel }).click();
      await page.getByRole("button", { name: "Start this month's self-assessment" }).click();
      await openComponent(page, title);
      const block = page.getByRole("region", { name: title });
      await block.getByRole("group", { name: "Status" }).waitFor();

      await someoneElseSaves(component.id, "Demonstration: the other champion's plan");
      const mine = "Demonstration: my plan";
      await block.getByRole("group", { name: "Status" }).getByLabel("In progress").check();
      await block.getByLabel("Opportunities for progression").fill(mine);
      await block.getByRole("button", { name: "Save", exact: true }).click();
      await page.getByText("Someone else saved this component while you were editing").waitFor();
      await page.getByRole("cell", { name: "Demonstration: the other champion's plan" }).waitFor();
      await page.getByRole("cell", { name: mine }).waitFor();
      await expectAccessible(page);

      await page.getByRole("button", { name: "Save mine over theirs" }).click();
      await page.getByRole("region", { name: title }).getByText("Saved.").waitFor();
      expect(
        await page
          .getByRole("region", { name: title })
          .getByLabel("Opportunities for progression")
          .inputValue(),
      ).toBe(mine);
      await context.close();
    });
  }
});
