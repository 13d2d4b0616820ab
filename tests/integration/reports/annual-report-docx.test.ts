import fs from "node:fs";
import path from "node:path";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bucketLabels, levelCounts, standings } from "~/charter/aggregation";
import { loadCharter } from "~/charter/content";
import { annualReportRows } from "~/models/annual-report.server";
import { buildAnnualReport } from "~/reports/build.server";
import { migrateToLatest } from "../../../db/migrator";
import type { Database } from "../../../db/schema";
import { seedDemoData } from "../../../db/seed/demo-data";
import { createTestDatabase, type TestDatabase } from "../../setup/database";
import { docxPart, paragraphsOf, styled as styledIn, textOf } from "../../support/docx";

/**
 * The whole demo system's annual report for 2026 as Word, unzipped and its
 * document.xml read: real heading styles, header rows that repeat, charts
 * with alt text, and the levels table against the aggregation layer.
 */
const charter = loadCharter();
let database: TestDatabase;
let db: Kysely<Database>;
let systemId: number;
let xml: string;
let paragraphs: string[];

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
  systemId = (await db.selectFrom("system").select("id").executeTakeFirstOrThrow()).id;
  const built = (await buildAnnualReport(db, {
    scope: { kind: "system", id: systemId },
    year: { kind: "calendar", start: 2026 },
    format: "docx",
    now: new Date("2026-11-25T10:42:00Z"),
  }))!;
  expect(built.fileName).toMatch(/^annual-report-2026-[a-z0-9-]+\.docx$/);
  const file = path.join(database.dir, built.fileName);
  fs.writeFileSync(file, built.bytes);
  if (process.env.REPORT_OUT) fs.copyFileSync(file, process.env.REPORT_OUT);
  xml = docxPart(built.bytes);
  paragraphs = paragraphsOf(xml);
}, 120_000);

afterAll(async () => {
  await db?.destroy();
  await database?.cleanup();
});

const styled = (style: string) => styledIn(xml, style);

describe("the annual report as Word", () => {
  it("uses Word's heading styles, so the navigation pane and the contents work", () => {
    expect(styled("Heading1")).toEqual(["Anchor charter annual report 2026"]);
    // Issue 19's board paper: contents first, a summary by place; issue 23's outcome measures.
    expect(styled("Heading2")).toEqual([
      "Contents",
      "How to read this report",
      "Summary",
      "Summary by place",
      "Findings by domain",
      "Outcome measures",
      "Most common gaps",
      "Notable shared practice",
      "Verified against self-assessed",
      "Open and overdue actions",
      "Appendix: each organisation",
    ]);
    expect(xml).toContain("TOC \\h \\o &quot;2-2&quot;");
  });

  it("repeats every table's header row and gives every chart alt text", () => {
    const tables = xml.match(/<w:tbl>/g) ?? [];
    const headerRows = xml.match(/<w:tblHeader\/>/g) ?? [];
    expect(tables.length).toBeGreaterThan(20);
    expect(headerRows.length).toBe(tables.length);
    const drawings = [...xml.matchAll(/<wp:docPr [^>]*>/g)].map((m) => m[0]);
    expect(drawings.length).toBeGreaterThan(3);
    for (const d of drawings)
      expect(d).toMatch(/descr="[^"]*The same figures are in the table that follows/);
  });

  it("gives the system's levels as the aggregation layer counts them, and a page per organisation", async () => {
    const rows = (await annualReportRows(db, {
      scope: { kind: "system", id: systemId },
      year: { kind: "calendar", start: 2026 },
      provisional: false,
      today: "2026-11-25",
      sharedLimit: 10,
    }))!;
    const labels = bucketLabels(charter);
    const counts = levelCounts(charter, standings(charter, rows.organisations, rows.returnsNow));
    const body = paragraphs.map(textOf);
    // Every chart names its period with the reporting year (issue 19, item 5).
    const start = body.indexOf(`Levels held, ${rows.now!.label} (2026)`);
    expect(start).toBeGreaterThan(0);
    const expected = counts.flatMap((c) => [labels.get(c.bucket)!, String(c.count)]);
    expect(body.slice(start + 3, start + 3 + expected.length)).toEqual(expected);
    // A heading of its own for each organisation in the appendix, once (other sections have
    // headings of their own at this level too: places, measures, domains).
    const third = styled("Heading3");
    expect(rows.organisations.map((o) => third.filter((h) => h === o.name).length)).toEqual(
      rows.organisations.map(() => 1),
    );
  });
});
