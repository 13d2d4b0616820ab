import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadCharter } from "~/charter/content";
import { saveAnswer } from "~/models/component-answers.server";
import { reopenAssessment } from "~/models/reopening.server";
import { loadAnswers } from "~/models/sheet.server";
import { formatDateTimeWithSeconds } from "~/utils/dates";
import { databaseConfig } from "../../db/config";
import { createDatabase } from "../../db/dialect";
import { launchBrowser } from "./support/browser";
import {
  expectAccessible,
  forgetOpenMonth,
  newContext,
  openStartedSheet,
  UHMB,
  withDatabase,
} from "./support/sheet";

/**
 * A past submission in the browser: it opens from the month's history and
 * shows what was sent, even after the month was reopened and changed; the
 * month as it stands is its own page. JavaScript on and off.
 */

const baseUrl = inject("baseUrl");
const databaseUrl = inject("databaseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await forgetOpenMonth(databaseUrl);
});

/** The place lead reopens the month and a champion changes 1.1, through the app's own models. */
async function reopenAndChange(opportunities: string) {
  const db = createDatabase(databaseConfig(databaseUrl));
  try {
    const { assessmentId, placeLead, champion } = await withDatabase(databaseUrl, async (sql) => ({
      assessmentId: (
        await sql.one<{ id: number }>(
          `select a.id from assessment a join assessment_period p on p.id = a.period_id
           join organisation o on o.id = a.organisation_id where p.status = 'open' and o.name = ?`,
          UHMB,
        )
      ).id,
      placeLead: (
        await sql.one<{ id: number }>(
          "select id from app_user where email = 'place.lead@example.com'",
        )
      ).id,
      champion: (
        await sql.one<{ id: number }>(
          "select id from app_user where email = 'champion@example.com'",
        )
      ).id,
    }));
    const reopened = await reopenAssessment(db, {
      assessmentId: Number(assessmentId),
      reason: "A figure was wrong",
      actor: { userId: Number(placeLead), ip: null, now: new Date() },
    });
    expect(reopened.outcome).toBe("reopened");
    const answer = (await loadAnswers(db, { assessmentId: Number(assessmentId) })).get("1.1")!;
    const saved = await saveAnswer(db, {
      assessmentId: Number(assessmentId),
      componentId: "1.1",
      expectedVersion: answer.version,
      status: "in_progress",
      opportunities,
      actor: { userId: Number(champion), ip: null, now: new Date() },
    });
    expect("refused" in saved && saved.refused).toBeFalsy();
  } finally {
    await db.destroy();
  }
}

describe.each([true, false])("a past submission (JavaScript %s)", (javaScriptEnabled) => {
  it("opens from the month's history and shows what was sent after the month was reopened and changed", async () => {
    const { periodLabel } = await forgetOpenMonth(databaseUrl);
    const sent = `What was sent (${javaScriptEnabled ? "with" : "without"} JavaScript): a jobs fair`;
    const later = "Changed after reopening: two jobs fairs";
    const context = await newContext(browser, javaScriptEnabled);
    const title = `1.1 ${loadCharter().domains[0]!.components[0]!.title}`;
    const page = await openStartedSheet(context, baseUrl, periodLabel, title);
    const block = page.getByRole("region", { name: title });
    await block.getByRole("group", { name: "Status" }).getByLabel("In progress").check();
    await block.getByLabel("Opportunities for progression").fill(sent);
    await block.getByRole("button", { name: "Save", exact: true }).click();
    await expect
      .poll(() =>
        withDatabase(
          databaseUrl,
          async (sql) =>
            (
              await sql.one<{ opportunities: string }>(
                `select ca.opportunities from component_answer ca join assessment a on a.id = ca.assessment_id
               join assessment_period p on p.id = a.period_id where p.status = 'open'
               and a.organisation_id = (select id from organisation where name = ?) and ca.component_id = '1.1'`,
                UHMB,
              )
            ).opportunities,
        ),
      )
      .toBe(sent);
    // Every status was copied forward from last month's submission, so the month can be sent.
    await page.getByRole("link", { name: "Back to the month's overview" }).first().click();
    await page.getByRole("button", { name: "Submit self-assessment" }).click();
    const history = page.getByRole("table", {
      name: "Submissions of this month's self-assessment",
    });
    await history.waitFor();

    await reopenAndChange(later);
    await page.reload();
    const submitted = await withDatabase(databaseUrl, (sql) =>
      sql.one<{ submitted_at: string }>(
        "select submitted_at from assessment_submission order by id desc limit 1",
      ),
    );
    const when = formatDateTimeWithSeconds(submitted.submitted_at);
    await history.getByRole("link", { name: new RegExp(`^${when}`) }).click();
    await page.getByRole("heading", { level: 1, name: /Reporting sheet as submitted/ }).waitFor();
    await expect
      .poll(() => page.locator(".nhsuk-inset-text").innerText())
      .toContain(`This is what Demo Champion submitted on ${when}.`);
    const row = page.getByRole("row", { name: new RegExp(`^${title}`) });
    expect(await row.innerText()).toContain(sent);
    expect(await page.locator("main").innerText()).not.toContain(later);
    expect(await page.getByRole("heading", { name: "Other submissions" }).count()).toBe(1);
    expect(await page.getByRole("link", { name: "Download this submission (PDF)" }).count()).toBe(
      1,
    );
    await expectAccessible(page);

    // The month as it stands now holds the change; the submission does not.
    const sheetLink = await withDatabase(databaseUrl, async (sql) => {
      const row = await sql.one<{ organisation_id: number; period_id: number }>(
        `select a.organisation_id, a.period_id from assessment a join assessment_period p
         on p.id = a.period_id where p.status = 'open' and a.organisation_id = (select id from organisation where name = ?)`,
        UHMB,
      );
      return `/organisations/${row.organisation_id}/periods/${row.period_id}`;
    });
    await page.goto(`${baseUrl}${sheetLink}`);
    await page.getByRole("link", { name: "Read this month as a reporting sheet" }).click();
    await page.getByRole("heading", { level: 1, name: /Reporting sheet/ }).waitFor();
    expect(await page.getByRole("row", { name: new RegExp(`^${title}`) }).innerText()).toContain(
      later,
    );
    await expectAccessible(page);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".nhsuk-header").isVisible()).toBe(false);
    await context.close();
  });
});
