import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadCharter } from "~/charter/content";
import { DEMO_PASSWORD } from "../../db/seed/demo-ics";
import { exeBytes, pdfBytes } from "../fixtures/files";
import { launchBrowser } from "./support/browser";
import {
  chooseEvidenceKind,
  expectAccessible,
  forgetOpenMonth,
  openComponent,
} from "./support/sheet";

const baseUrl = inject("baseUrl");
const databaseUrl = inject("databaseUrl");
// Blackpool's sheet, so this file and the sheet tests (UHMB's) never meet.
const BLACKPOOL = "Blackpool Teaching Hospitals NHS Foundation Trust";
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("a champion uploads a document as evidence", () => {
  const component = loadCharter().domains[1]!.components[0]!;
  const title = `${component.id} ${component.title}`;

  for (const javaScriptEnabled of [true, false]) {
    it(`sees it listed to download, and a renamed program refused with a message (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const { periodLabel } = await forgetOpenMonth(databaseUrl, BLACKPOOL);
      const context = await browser.newContext({ javaScriptEnabled });
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      await page.goto(`${baseUrl}/sign-in`);
      await page.getByLabel("Email address").fill("champion.blackpool@example.com");
      await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("link", { name: periodLabel }).click();
      await page.getByRole("button", { name: "Start this month's self-assessment" }).click();

      await openComponent(page, title);
      const documentKind = "A document or image (PDF, Word, Excel, PowerPoint, picture)";
      const upload = async (name: string, bytes: Uint8Array) => {
        const here = page.getByRole("region", { name: title });
        // The kind is chosen first; after a refusal the form comes back at the document's fields.
        const fileField = here.getByLabel("Document or image", { exact: true });
        if (!(await fileField.isVisible())) await chooseEvidenceKind(page, documentKind);
        expect(await here.getByLabel("Narrative", { exact: true }).count()).toBe(0);
        await here.getByLabel("Title", { exact: true }).fill("Local spend report");
        await fileField.setInputFiles({
          name,
          mimeType: "application/pdf",
          buffer: Buffer.from(bytes),
        });
        await here.getByRole("button", { name: /^Add evidence/ }).click();
      };

      if (javaScriptEnabled) {
        // Checked in the browser with the form's own schema: nothing is sent until it passes.
        const posts: string[] = [];
        page.on("request", (request) => {
          if (request.method() === "POST") posts.push(request.url());
        });
        const here = page.getByRole("region", { name: title });
        await chooseEvidenceKind(page, "A narrative");
        posts.length = 0;
        await here.getByRole("button", { name: /^Add evidence/ }).click();
        await here.getByRole("heading", { name: "There is a problem" }).waitFor();
        await here.getByRole("link", { name: "Enter a title for the evidence" }).waitFor();
        await here.getByRole("link", { name: "Enter the narrative" }).waitFor();
        expect(posts).toEqual([]);
        await expectAccessible(page);
        await here.getByRole("link", { name: /^Choose another kind/ }).click();
      }
      await upload("spend.pdf", exeBytes);
      await page.getByRole("heading", { name: "There is a problem" }).waitFor();
      await page.getByRole("link", { name: /content is not a \.pdf file/ }).waitFor();
      await expectAccessible(page);

      await upload("Local spend 2026.pdf", pdfBytes);
      const link = page
        .getByRole("region", { name: title })
        .getByRole("link", { name: "Local spend 2026.pdf" });
      await link.waitFor();
      await expectAccessible(page);
      const href = await link.getAttribute("href");
      const download = await context.request.get(`${baseUrl}${href}`);
      expect(download.status()).toBe(200);
      expect(new Uint8Array(await download.body())).toEqual(pdfBytes);
      await context.close();
    });
  }
});
