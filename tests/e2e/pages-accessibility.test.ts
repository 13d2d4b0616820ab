import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed/demo-ics";
import { lookup } from "../support/http";
import { accessibilityViolations, chartsDrawn, launchBrowser } from "./support/browser";

const baseUrl = inject("baseUrl");
let browser: Browser;
let ids: {
  uhmb: number;
  morecambeBay: number;
  lancaster: number;
  champion: number;
  openPeriod: number;
  latestUhmbPeriod: number;
  system: number;
  /** UHMB's latest submission and a month of UHMB's that stands submitted. */
  uhmbSubmission: number;
  uhmbSubmittedPeriod: number;
};

beforeAll(async () => {
  browser = await launchBrowser();
  const db = lookup(inject("databaseUrl"));
  ids = {
    uhmb: await db.organisationId("University Hospitals of Morecambe Bay NHS Foundation Trust"),
    lancaster: await db.organisationId("Lancaster District Council"),
    morecambeBay: await db.placeId("Morecambe Bay"),
    champion: await db.userId("champion@example.com"),
    openPeriod: (
      await db.row<{ id: number }>("select id from assessment_period where status = 'open'")
    ).id,
    latestUhmbPeriod: 0,
    system: (await db.row<{ id: number }>("select id from system order by id limit 1")).id,
    uhmbSubmission: 0,
    uhmbSubmittedPeriod: 0,
  };
  const submitted = await db.row<{ id: number; period_id: number }>(
    `select s.id, a.period_id from assessment_submission s join assessment a on a.id = s.assessment_id
     where a.organisation_id = ? and a.status = 'submitted' order by s.id desc limit 1`,
    ids.uhmb,
  );
  ids.uhmbSubmission = submitted.id;
  ids.uhmbSubmittedPeriod = submitted.period_id;
  ids.latestUhmbPeriod = (
    await db.row<{ id: number }>(
      "select max(period_id) as id from assessment where organisation_id = ?",
      ids.uhmb,
    )
  ).id;
  await db.close();
});
afterAll(async () => {
  await browser?.close();
});

const signedOutPages = [
  "/",
  "/charter",
  "/sign-in",
  "/forgot-password",
  "/invitations/not-a-real-token",
];

/** Pages that draw charts: axe must see them drawn, so each is checked to have some. */
const chartedPaths = /^\/(systems|places)\/\d+(\?|$)|^\/organisations\/\d+(\?|$)/;

const pagesByAccount: Record<string, () => string[]> = {
  "admin@example.com": () => [
    "/admin",
    "/admin/places",
    "/admin/periods",
    "/admin/organisations",
    "/admin/organisations/new",
    `/admin/organisations/${ids.lancaster}`,
    "/admin/people",
    "/admin/people/invite",
    `/admin/people/${ids.champion}`,
    "/admin/audit",
    "/admin/outbox",
    "/account",
    "/account/two-factor",
    `/systems/${ids.system}`,
    `/systems/${ids.system}?level=gold`,
  ],
  "place.lead@example.com": () => [
    `/places/${ids.morecambeBay}`,
    `/places/${ids.morecambeBay}/reminders`,
    "/organisations",
    "/admin/people/invite",
  ],
  "system.reader@example.com": () => [
    `/systems/${ids.system}`,
    "/places",
    `/places/${ids.morecambeBay}`,
    `/places/${ids.morecambeBay}/comparison`,
    `/organisations/${ids.uhmb}`,
    `/organisations/${ids.uhmb}/periods/${ids.uhmbSubmittedPeriod}/reporting-sheet`,
    `/organisations/${ids.uhmb}/submissions/${ids.uhmbSubmission}`,
  ],
  "steering@example.com": () => [
    `/places/${ids.morecambeBay}`,
    `/places/${ids.morecambeBay}/comparison`,
    `/places/${ids.morecambeBay}/comparison?domain=3&sort=type`,
    `/places/${ids.morecambeBay}/side-by-side?org=${ids.uhmb}&org=${ids.lancaster}`,
    `/places/${ids.morecambeBay}/side-by-side?org=${ids.uhmb}`,
    `/organisations/${ids.uhmb}?period=${ids.latestUhmbPeriod}`,
    `/places/${ids.morecambeBay}/good-practice`,
    `/organisations/${ids.uhmb}/periods/${ids.openPeriod}`,
    // A component's page read-only, as a reviewer sees it.
    `/organisations/${ids.uhmb}/periods/${ids.latestUhmbPeriod}/components/1.1`,
    // Every component has an answer on a started sheet: the review page renders for any.
    `/organisations/${ids.uhmb}/periods/${ids.latestUhmbPeriod}/review/1.1`,
  ],
  "champion@example.com": () => [
    `/organisations/${ids.uhmb}`,
    `/organisations/${ids.uhmb}/periods/${ids.openPeriod}`,
    `/organisations/${ids.uhmb}/periods/${ids.openPeriod}/reporting-sheet`,
    // A component's page with its forms, each step of adding evidence, and a search of the library.
    `/organisations/${ids.uhmb}/periods/${ids.openPeriod}/components/1.1`,
    `/organisations/${ids.uhmb}/periods/${ids.openPeriod}/components/1.1?addEvidence=narrative`,
    `/organisations/${ids.uhmb}/periods/${ids.openPeriod}/components/1.1?addEvidence=link`,
    `/organisations/${ids.uhmb}/periods/${ids.openPeriod}/components/1.1?addEvidence=measure`,
    `/organisations/${ids.uhmb}/periods/${ids.openPeriod}/components/1.1?addEvidence=file`,
    `/organisations/${ids.uhmb}/periods/${ids.openPeriod}/components/3.2?evidenceSearch=report`,
    "/sign-out",
  ],
};

describe("every page passes axe-core's WCAG 2.2 A and AA rules", () => {
  it("signed out", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const path of signedOutPages) {
      await page.goto(`${baseUrl}${path}`);
      expect({ path, violations: await accessibilityViolations(page) }).toEqual({
        path,
        violations: [],
      });
    }
    await context.close();
  });

  for (const [email, pages] of Object.entries(pagesByAccount)) {
    it(`signed in as ${email}`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${baseUrl}/sign-in`);
      await page.getByLabel("Email address").fill(email);
      await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
      for (const path of pages()) {
        const response = await page.goto(`${baseUrl}${path}`);
        expect({ path, status: response?.status() }).toEqual({ path, status: 200 });
        const charts = await chartsDrawn(page);
        if (chartedPaths.test(path)) expect(charts, path).toBeGreaterThan(0);
        expect({ path, violations: await accessibilityViolations(page) }).toEqual({
          path,
          violations: [],
        });
      }
      await context.close();
    });
  }
});
