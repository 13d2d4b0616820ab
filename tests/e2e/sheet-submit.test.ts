import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadCharter } from "~/charter/content";
import { computeLevel } from "~/charter/scoring";
import { launchBrowser } from "./support/browser";
import {
  expectAccessible,
  forgetOpenMonth,
  newContext,
  openStartedSheet,
  UHMB,
  withDatabase,
} from "./support/sheet";

const baseUrl = inject("baseUrl");
const databaseUrl = inject("databaseUrl");
const charter = loadCharter();
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  // Other files start the month afresh, and cannot delete a submitted one.
  await forgetOpenMonth(databaseUrl);
});

const idOf = (componentId: string, field: string) =>
  `#c${componentId.replace(/[^a-z0-9]/gi, "-")}-${field}`;

/** Gives one component its status, with a narrative evidence item first when Fulfilled. */
async function complete(
  page: Page,
  component: { id: string; title: string },
  fulfilled: boolean,
  javaScriptEnabled: boolean,
) {
  const title = `${component.id} ${component.title}`;
  const block = () => page.getByRole("region", { name: title });
  if (fulfilled) {
    const evidenceTitle = `Demonstration evidence for ${component.id}`;
    await block().getByText(`Add evidence for ${title}`).click();
    await block().getByLabel("A narrative", { exact: true }).check();
    await block().getByLabel("Title", { exact: true }).fill(evidenceTitle);
    await block().getByLabel("Narrative (for a narrative)").fill("Demonstration narrative.");
    await block().getByRole("button", { name: "Add evidence" }).click();
    await block().getByRole("listitem").filter({ hasText: evidenceTitle }).waitFor();
  }
  const status = fulfilled ? "Fulfilled" : "In progress";
  const radio = block().getByRole("group", { name: title }).getByLabel(status);
  // Last month's status is copied forward: one already chosen is saved with the button.
  const unchanged = await radio.isChecked();
  await radio.check();
  if (javaScriptEnabled) {
    // Choosing a status saves it at once.
    if (unchanged)
      await block()
        .getByRole("button", { name: `Save ${title}` })
        .click();
    await page
      .locator(idOf(component.id, "save-status"))
      .getByText(/^Saved at/)
      .waitFor();
  } else {
    await block()
      .getByRole("button", { name: `Save ${title}` })
      .click();
    await block().getByText("Saved.").waitFor();
  }
}

async function submissionsOfOpenMonth() {
  return withDatabase(
    databaseUrl,
    async (db) =>
      (
        await db.one<{ n: number }>(
          `select count(*) as n from assessment_submission s join assessment a on a.id = s.assessment_id
           join assessment_period p on p.id = a.period_id join organisation o on o.id = a.organisation_id
           where p.status = 'open' and o.name = ?`,
          UHMB,
        )
      ).n,
  );
}

describe("a champion completes the whole sheet and submits it", () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`every component has a status, the level submitted is the charter's (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      // Silver with JavaScript, bronze without: the level comes from what was chosen.
      const perDomain = javaScriptEnabled ? 2 : 1;
      const fulfilled = new Set(
        charter.domains.flatMap((d) => d.components.slice(0, perDomain).map((c) => c.id)),
      );
      const expected = computeLevel(charter, fulfilled).level;
      const expectedName = charter.levels.find((l) => l.id === expected)?.name ?? "No level";

      const { periodLabel } = await forgetOpenMonth(databaseUrl);
      const context = await newContext(browser, javaScriptEnabled);
      const page = await openStartedSheet(context, baseUrl, periodLabel);
      await expectAccessible(page);
      for (const domain of charter.domains) {
        for (const component of domain.components) {
          await complete(page, component, fulfilled.has(component.id), javaScriptEnabled);
        }
      }
      await page
        .getByText("Self-assessed level, from the statuses saved so far")
        .getByText(expectedName)
        .waitFor();
      await expectAccessible(page);

      const submits: string[] = [];
      page.on("request", (request) => {
        if (request.method() === "POST" && request.postData()?.includes("intent=submit")) {
          submits.push(request.url());
        }
      });
      const submit = page.getByRole("button", { name: "Submit self-assessment" });
      // A double click (JavaScript on) must send the submission once.
      if (javaScriptEnabled) await submit.dblclick();
      else await submit.click();
      await page
        .getByRole("status")
        .filter({ hasText: /^Submitted on/ })
        .waitFor();
      const row = page.getByRole("table", { name: /Submissions of this month/ }).getByRole("row");
      await row.filter({ hasText: expectedName }).waitFor();
      expect(await row.count()).toBe(2);
      expect(submits).toHaveLength(1);
      expect(await submissionsOfOpenMonth()).toBe(1);
      expect(await page.getByRole("button", { name: /^Save / }).count()).toBe(0);
      await expectAccessible(page);
      await context.close();
    });
  }
});
