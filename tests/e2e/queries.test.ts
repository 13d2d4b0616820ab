import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed/demo-ics";
import { pdfBytes } from "../fixtures/files";
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

type Month = { organisationId: number; periodId: number; label: string; componentIds: string[] };

/**
 * UHMB's latest submitted month with fulfilled components, the components
 * taken from the end of the list (the review test takes the first two).
 */
async function submittedMonth(): Promise<Month> {
  const db = openSql(databaseUrl);
  try {
    const rows = await db.all<{ org: number; period: number; label: string; component: string }>(
      `select a.organisation_id as org, a.period_id as period, p.label, c.component_id as component
       from component_answer c join assessment a on a.id = c.assessment_id
       join assessment_period p on p.id = a.period_id join organisation o on o.id = a.organisation_id
       where o.name = 'University Hospitals of Morecambe Bay NHS Foundation Trust'
         and a.status = 'submitted' and c.status = 'fulfilled'
       order by p.starts_on desc, c.component_id desc`,
    );
    const latest = rows.filter((r) => r.period === rows[0]?.period);
    return {
      organisationId: Number(latest[0]!.org),
      periodId: Number(latest[0]!.period),
      label: latest[0]!.label,
      componentIds: latest.map((r) => r.component),
    };
  } finally {
    await db.close();
  }
}

async function signedIn(email: string, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  return page;
}

describe("a query answered without reopening the month", () => {
  for (const javaScriptEnabled of [true, false]) {
    const mode = javaScriptEnabled ? "JavaScript on" : "JavaScript off";
    it(`query, champions told, reply with new evidence, verified (${mode})`, async () => {
      const month = await submittedMonth();
      const componentId = month.componentIds[javaScriptEnabled ? 0 : 1]!;
      expect(componentId).toBeDefined();
      const sheet = `/organisations/${month.organisationId}/periods/${month.periodId}`;
      const comment = `Which suppliers does this cover? (${mode})`;

      // The steering group member queries the component.
      const steering = await signedIn("steering@example.com", javaScriptEnabled);
      await steering.goto(`${baseUrl}${sheet}/review/${componentId}`);
      await steering.getByLabel("Comment for the champion").fill(comment);
      await steering.getByRole("button", { name: "Query" }).click();
      await steering.waitForURL((url) => url.pathname === sheet);

      // The champions are emailed (no Notify key here: the outbox) with a link to the query.
      const db = openSql(databaseUrl);
      const emails = await db.all<{ to_email: string; outbox_body: string }>(
        "select to_email, outbox_body from message where template = 'query' order by id desc limit 1",
      );
      expect(emails[0]?.to_email).toBe("champion@example.com");
      expect(emails[0]?.outbox_body).toContain(`${sheet}/queries/`);

      // The champion sees the query on the organisation's page and follows it.
      const champion = await signedIn("champion@example.com", javaScriptEnabled);
      await champion.goto(`${baseUrl}/organisations/${month.organisationId}`);
      const link = champion.getByRole("link", {
        name: new RegExp(
          `^Reply to the query on ${componentId.replace(".", "\\.")} .*\\(${month.label}\\)$`,
        ),
      });
      await link.first().waitFor();
      expect(await accessibilityViolations(champion)).toEqual([]);
      // The newest query on this component is ours: the notice lists it first.
      await link.first().click();
      await champion.getByText(comment).waitFor();
      expect(await accessibilityViolations(champion)).toEqual([]);

      // An empty reply is refused with a message, in the browser or by the server.
      await champion.getByRole("button", { name: "Send reply" }).click();
      await champion.getByRole("link", { name: "Enter your reply to the query" }).waitFor();
      expect(await accessibilityViolations(champion)).toEqual([]);

      const replyText = `These are our local suppliers (${mode}).`;
      await champion.getByLabel("Your reply").fill(replyText);
      if (javaScriptEnabled) {
        await champion.getByLabel("A link", { exact: true }).check();
        await champion
          .getByLabel("Title of the evidence (if you are adding some)")
          .fill("Supplier list");
        await champion
          .getByLabel("Link (if you chose a link)")
          .fill("https://example.org/suppliers");
      } else {
        await champion
          .getByLabel("A document or image (PDF, Word, Excel, PowerPoint, picture)", {
            exact: true,
          })
          .check();
        await champion
          .getByLabel("Title of the evidence (if you are adding some)")
          .fill("Supplier list");
        await champion.getByLabel("File (if you chose a document or image)").setInputFiles({
          name: "suppliers.pdf",
          mimeType: "application/pdf",
          buffer: Buffer.from(pdfBytes),
        });
      }
      await champion.getByRole("button", { name: "Send reply" }).click();
      await champion.getByText("Your reply has been sent to the steering group.").waitFor();
      await champion.getByText(replyText).waitFor();
      expect(await accessibilityViolations(champion)).toEqual([]);
      // The month was not reopened.
      const state = await db.one<{ status: string }>(
        "select status from assessment where organisation_id = ? and period_id = ?",
        month.organisationId,
        month.periodId,
      );
      expect(state.status).toBe("submitted");

      // The reviewer reads the reply and its evidence, and verifies.
      await steering.goto(`${baseUrl}${sheet}/review/${componentId}`);
      await steering.getByText(replyText).waitFor();
      await steering.getByText("New evidence: Supplier list").waitFor();
      expect(await accessibilityViolations(steering)).toEqual([]);
      await steering.getByRole("button", { name: "Verify" }).click();
      await steering.waitForURL((url) => url.pathname === sheet);
      // The month's task list tags the component as verified.
      await steering
        .locator(`[id="task-${componentId}-status"]`)
        .getByText("Verified", { exact: true })
        .waitFor();

      const trail = await db.all<{ action: string }>(
        `select action from audit_event where action in ('component.reviewed', 'query.notified', 'query.replied')
         order by id desc limit 4`,
      );
      expect(trail.map((t) => t.action).reverse()).toEqual([
        "component.reviewed",
        "query.notified",
        "query.replied",
        "component.reviewed",
      ]);
      await db.close();
      await steering.context().close();
      await champion.context().close();
    });
  }
});
