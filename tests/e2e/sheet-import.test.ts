import fs from "node:fs";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed/demo-ics";
import { lookup } from "../support/http";
import { accessibilityViolations, launchBrowser } from "./support/browser";
import { newContext } from "./support/sheet";

/**
 * The import page in the browser, with JavaScript and without: Blackpool's
 * champion downloads the template from the sheet, uploads it unchanged (nothing
 * to save) and with a bad row (refused, the row and column named); axe finds
 * nothing on any state of the page.
 */
const baseUrl = inject("baseUrl");
let browser: Browser;
let sheetPath: string;

beforeAll(async () => {
  browser = await launchBrowser();
  const db = lookup(inject("databaseUrl"));
  const organisation = await db.organisationId("Blackpool Teaching Hospitals NHS Foundation Trust");
  const open = await db.row<{ id: number }>(
    "select id from assessment_period where status = 'open'",
  );
  await db.close();
  sheetPath = `/organisations/${organisation}/periods/${open.id}`;
});
afterAll(async () => {
  await browser?.close();
});

async function signInAndOpenSheet(page: Page) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("Email address").fill("champion.blackpool@example.com");
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  await page.goto(`${baseUrl}${sheetPath}`);
  const start = page.getByRole("button", { name: "Start this month's self-assessment" });
  const offline = page.getByRole("link", { name: "Fill it in offline and upload it" });
  await start.or(offline).waitFor();
  if (await start.isVisible()) await start.click();
  await offline.click();
  await page.getByRole("heading", { level: 1, name: /Fill in .* offline/ }).waitFor();
}

async function downloadTemplate(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: /as an Excel template/ }).click(),
  ]);
  return fs.readFileSync((await download.path())!);
}

for (const javaScriptEnabled of [true, false]) {
  describe(`the import page, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    it("uploads a template, and names the row and column of a bad one", async () => {
      const context = await newContext(browser, javaScriptEnabled);
      const page = await context.newPage();
      await signInAndOpenSheet(page);
      expect(await accessibilityViolations(page)).toEqual([]);
      const template = await downloadTemplate(page);

      await page.getByLabel("The filled-in template").setInputFiles({
        name: "unchanged.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: template,
      });
      await page.getByRole("button", { name: "Upload and check" }).click();
      await page.getByRole("heading", { name: "The file was uploaded" }).waitFor();
      await expect(page.getByRole("status").textContent()).resolves.toContain(
        "Nothing in the file differed from the sheet",
      );
      expect(await accessibilityViolations(page)).toEqual([]);

      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(new Uint8Array(template).buffer);
      // Row 4: the demonstration marking is row 1, the headings row 2, 1.1 row 3.
      workbook.getWorksheet("Components")!.getRow(4).getCell(4).value = "Finished";
      const bad = Buffer.from(await workbook.xlsx.writeBuffer());
      await page.getByLabel("The filled-in template").setInputFiles({
        name: "bad.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: bad,
      });
      await page.getByRole("button", { name: "Upload and check" }).click();
      const summary = page.getByRole("alert");
      await summary.getByText("There is a problem").waitFor();
      await expect(summary.textContent()).resolves.toMatch(
        /Sheet "Components", row 4, column D \(Status\): Choose the status of 1\.2/,
      );
      await expect(summary.textContent()).resolves.toContain("Nothing from the file was saved.");
      expect(await accessibilityViolations(page)).toEqual([]);
      await context.close();
    });
  });
}
