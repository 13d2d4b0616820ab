import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeSince, standings } from "~/charter/aggregation";
import { loadCharter } from "~/charter/content";
import { annualReportRows } from "~/models/annual-report.server";
import { buildAnnualReport } from "~/reports/build.server";
import { seedDemoData } from "../../../db/seed/demo-data";
import { migrateToLatest } from "../../../db/migrator";
import type { Database } from "../../../db/schema";
import { createTestDatabase, type TestDatabase } from "../../setup/database";
import { headingsAtPageFoot } from "../../support/pdf";

/**
 * The Morecambe Bay place's annual report for 2026, built as PDF from the
 * demo data and read back with poppler: its words, its tagging, and its
 * figures against the aggregation layer (counted here independently).
 */
const charter = loadCharter();
const now = new Date("2026-11-25T10:42:00Z");
let database: TestDatabase;
let db: Kysely<Database>;
let placeId: number;
let file: string;
let text: string;

const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: "utf8" });

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.open();
  await migrateToLatest(db);
  await seedDemoData(db, {
    charter,
    today: new Date("2026-11-15T09:00:00Z"),
    demoPasswordHash: "scrypt$test-placeholder",
    evidenceDir: path.join(database.dir, "evidence"),
  });
  placeId = (
    await db
      .selectFrom("place")
      .select("id")
      .where("name", "=", "Morecambe Bay")
      .executeTakeFirstOrThrow()
  ).id;
  const progress: number[] = [];
  const built = await buildAnnualReport(db, {
    scope: { kind: "place", id: placeId },
    year: { kind: "calendar", start: 2026 },
    format: "pdf",
    now,
    onProgress: (share) => progress.push(share),
  });
  expect(built?.fileName).toBe("annual-report-2026-morecambe-bay.pdf");
  expect(progress.at(-1)).toBe(1);
  file = path.join(database.dir, built!.fileName);
  fs.writeFileSync(file, built!.bytes);
  if (process.env.REPORT_OUT) fs.copyFileSync(file, process.env.REPORT_OUT);
  text = run("pdftotext", ["-layout", file, "-"]);
}, 120_000);

afterAll(async () => {
  await db?.destroy();
  await database?.cleanup();
});

describe("the annual report as PDF", () => {
  it("is a tagged PDF in British English with its title", () => {
    const info = run("pdfinfo", [file]);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Title:\s+Anchor charter annual report 2026: Morecambe Bay/);
    const raw = fs.readFileSync(file, "latin1");
    expect(raw).toContain("/Lang (en-GB)");
    expect(raw).toContain("/DisplayDocTitle true");
  });

  it("has a structure tree with headings, tables with column headers and figures with alt text", () => {
    const tree = run("pdfinfo", ["-struct", file]);
    for (const tag of [
      "Document",
      "H1",
      "H2",
      "H3",
      "P",
      "L",
      "LI",
      "Table",
      "TH",
      "TD",
      "Figure",
      "TOC",
      "TOCI",
    ]) {
      expect(tree, tag).toMatch(new RegExp(`^\\s*${tag}\\b`, "m"));
    }
    const raw = fs.readFileSync(file, "latin1");
    const figures = raw.match(/\/S \/Figure/g) ?? [];
    const alts = raw.match(/\/S \/Figure[\s\S]{0,400}?\/Alt \(/g) ?? [];
    expect(figures.length).toBeGreaterThan(3);
    expect(alts.length).toBe(figures.length);
    expect(raw).toContain("/Scope /Column");
  });

  it("reads as a board paper: cover, contents with pages, sections, page numbers", () => {
    expect(text).toContain("Place: Morecambe Bay");
    expect(text).toContain("Prepared on 25 November 2026.");
    for (const section of [
      "Summary",
      "Findings by domain",
      "Most common gaps",
      "Notable shared practice",
      "Verified against self-assessed",
      "Open and overdue actions",
      "Appendix: each organisation",
    ]) {
      expect(text).toMatch(new RegExp(`${section}\\s+Page \\d+`));
    }
    const pages = Number(run("pdfinfo", [file]).match(/Pages:\s+(\d+)/)![1]);
    expect(text).toContain(`Page ${pages} of ${pages}`);
  });

  it("states the aggregation layer's figures: who moved up or down, and an appendix page each", async () => {
    const rows = (await annualReportRows(db, {
      scope: { kind: "place", id: placeId },
      year: { kind: "calendar", start: 2026 },
      provisional: false,
      today: "2026-11-25",
      sharedLimit: 10,
    }))!;
    const nowS = standings(charter, rows.organisations, rows.returnsNow);
    const beforeS = standings(charter, rows.organisations, rows.returnsBefore);
    const answersOf = (list: typeof rows.returnsNow, id: number) =>
      list.find((r) => r.organisationId === id)?.answers ?? [];
    const moves = rows.organisations.map(
      (o, i) =>
        changeSince(
          charter,
          { standing: nowS[i]!, answers: answersOf(rows.returnsNow, o.id) },
          { standing: beforeS[i]!, answers: answersOf(rows.returnsBefore, o.id) },
        ).movement,
    );
    const up = moves.filter((m) => m === "up").length;
    const down = moves.filter((m) => m === "down").length;
    expect(up + down).toBeGreaterThan(0);
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain(`${up} organisation${up === 1 ? "" : "s"} moved up a level`);
    expect(flat).toContain(`${down} organisation${down === 1 ? "" : "s"} moved down`);
    expect(rows.organisations.length).toBeGreaterThan(3);
    // A submitted return has its sheet in short; any other says so in a sentence (issue 19, item 10).
    for (const [i, o] of rows.organisations.entries()) {
      if (nowS[i]!.returnState === "submitted")
        expect(flat).toContain(`${o.name}: reporting sheet in short`);
      else expect(flat).not.toContain(`${o.name}: reporting sheet in short`);
    }
    expect(nowS.some((s) => s.returnState === "submitted")).toBe(true);
    expect(nowS.some((s) => s.returnState !== "submitted")).toBe(true);
  });

  it("keeps every heading with what follows it: none at a page's foot, each domain's on its chart's page", async () => {
    const bytes = fs.readFileSync(file);
    expect(await headingsAtPageFoot(bytes)).toEqual([]);
    const pages = text.split("\f");
    const pageOf = (words: string) => pages.findIndex((page) => page.includes(words));
    let charted = 0;
    for (const domain of charter.domains) {
      const heading = pageOf(`Domain ${domain.number}: ${domain.title}`);
      const chartTable = pageOf(`Domain ${domain.number}: returns fulfilling each component`);
      expect(heading, `domain ${domain.number}`).toBeGreaterThan(0);
      if (chartTable < 0) continue;
      charted++;
      expect(chartTable, `domain ${domain.number}`).toBe(heading);
    }
    expect(charted).toBe(charter.domains.length);
  });
});
