import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed/demo-ics";
import { openSql } from "../setup/database";
import { accessibilityViolations, launchBrowser } from "./support/browser";

const baseUrl = inject("baseUrl");
const databaseUrl = inject("databaseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Fulfilled components of UHMB's latest closed month (the sheet tests use only the open one). */
async function fulfilledInClosedMonth(): Promise<{ sheet: string; componentIds: string[] }> {
  const db = openSql(databaseUrl);
  try {
    const rows = await db.all<{ org: number; period: number; component: string }>(
      `select a.organisation_id as org, a.period_id as period, c.component_id as component
       from component_answer c join assessment a on a.id = c.assessment_id
       join assessment_period p on p.id = a.period_id join organisation o on o.id = a.organisation_id
       where o.name = 'University Hospitals of Morecambe Bay NHS Foundation Trust'
         and p.status = 'closed' and c.status = 'fulfilled'
       order by p.starts_on desc, c.component_id`,
    );
    const latest = rows.filter((r) => r.period === rows[0]?.period);
    return {
      sheet: `/organisations/${latest[0]?.org}/periods/${latest[0]?.period}`,
      componentIds: latest.map((r) => r.component),
    };
  } finally {
    await db.close();
  }
}

describe("a steering group member reviews a fulfilled component", () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`queries it with a comment the champion then sees (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const { sheet, componentIds } = await fulfilledInClosedMonth();
      // One component per run, so the two runs do not meet.
      const componentId = componentIds[javaScriptEnabled ? 0 : 1];
      expect(componentId).toBeDefined();
      const context = await browser.newContext({ javaScriptEnabled });
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      await page.goto(`${baseUrl}/sign-in`);
      await page.getByLabel("Email address").fill("steering@example.com");
      await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));

      await page.goto(`${baseUrl}${sheet}/review/${componentId}`);
      const posts: string[] = [];
      page.on("request", (request) => {
        if (request.method() === "POST") posts.push(request.url());
      });
      // Query, with no comment yet.
      await page.getByRole("button", { name: "Query" }).click();
      await page
        .getByRole("link", { name: "Enter what you are querying, so the champion can answer it" })
        .waitFor();
      // With JavaScript the form's own schema refused it in the browser; without, the server did.
      expect(posts.length).toBe(javaScriptEnabled ? 0 : 1);
      expect(await accessibilityViolations(page)).toEqual([]);

      const comment = `Demonstration query: which staff groups does this cover? (${javaScriptEnabled ? "JS" : "no JS"})`;
      await page.getByLabel("Comment for the champion").fill(comment);
      await page.getByRole("button", { name: "Query" }).click();
      await page.waitForURL((url) => url.pathname === sheet);
      // The month's task list tags it; the component's own page shows the comment.
      await page
        .locator(`[id="task-${componentId}-status"]`)
        .getByText("Queried", { exact: true })
        .waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.goto(`${baseUrl}${sheet}/components/${componentId}`);
      const block = page.locator(`#c${componentId!.replace(".", "-")}-block`);
      await block.getByText("Queried", { exact: true }).waitFor();
      await block.getByText(comment).waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await context.close();
    });
  }
});
