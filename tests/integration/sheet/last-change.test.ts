import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvRecords } from "../../support/spreadsheets";
import type { Visitor } from "../../support/http";
import { editTemplate, downloadTemplate, upload } from "../excel/support";
import { type SheetApp, startSheetApp } from "./fixture";

/**
 * Issue 19, point 7: a month's "last change" moves with every save and
 * import, not only when it is started or submitted, so the place summary's
 * "last change" and the exports' last_changed_at say when it last changed.
 * Each write below is made as the champion makes it, over HTTP; after each,
 * the assessment's updated_at has moved, and the summary CSV and the
 * analysts' export give that moment.
 */
let s: SheetApp;
let champion: Visitor;
let placeLead: Visitor;
let placeId: number;
let assessmentId: number;

beforeAll(async () => {
  s = await startSheetApp();
  champion = await s.signInAs("champion@example.com");
  placeLead = await s.signInAs("place.lead@example.com");
  placeId = await s.read.placeId("Morecambe Bay");
  expect((await s.post(champion, s.sheetOf(s.uhmb), { intent: "start" })).status).toBe(302);
  assessmentId = (await s.assessmentOf(s.uhmb))!.id;
}, 90_000);

afterAll(async () => {
  await s?.stop();
});

/** A stored moment (ISO from the app) as milliseconds. */
const instant = (value: string) => new Date(value).getTime();

const lastChange = async () =>
  instant(
    String(
      (
        await s.read.row<{ updated_at: string }>(
          "select updated_at from assessment where id = ?",
          assessmentId,
        )
      ).updated_at,
    ),
  );

const wait = () => new Promise((resolve) => setTimeout(resolve, 20));

/** Makes a write and checks the month's last change moved to a moment within it. */
async function moves(what: string, write: () => Promise<Response | { status: number }>) {
  const before = await lastChange();
  await wait();
  const started = Date.now();
  const response = await write();
  expect({ what, status: response.status }).toEqual({ what, status: 302 });
  const after = await lastChange();
  expect({ what, moved: after > before }).toEqual({ what, moved: true });
  expect(after).toBeGreaterThanOrEqual(started - 1000);
  return after;
}

const version = async (componentId: string) =>
  String((await s.answer(assessmentId, componentId)).version);

describe("a month's last change", () => {
  it("moves with every save, evidence, principle, action and import", async () => {
    const page = (id: string) => s.componentOf(s.uhmb, id);
    await moves("a saved answer", async () =>
      s.post(champion, page("1.1"), {
        intent: "save",
        componentId: "1.1",
        version: await version("1.1"),
        status: "in_progress",
        opportunities: "A jobs fair with the college",
      }),
    );
    await moves("evidence added", () =>
      s.post(champion, page("1.1"), {
        intent: "addEvidence",
        componentId: "1.1",
        kind: "narrative",
        title: "Jobs fair notes",
        body: "Forty people came.",
      }),
    );
    const item = await s.read.row<{ id: number }>(
      "select id from evidence_item where title = 'Jobs fair notes'",
    );
    await moves("evidence reused on another component", () =>
      s.post(champion, page("1.2"), {
        intent: "reuseEvidence",
        componentId: "1.2",
        evidenceId: String(item.id),
      }),
    );
    await moves("evidence removed", () =>
      s.post(champion, page("1.2"), {
        intent: "removeEvidence",
        componentId: "1.2",
        evidenceId: String(item.id),
      }),
    );
    await moves("principles saved", () =>
      s.post(champion, s.sheetOf(s.uhmb), {
        intent: "savePrinciples",
        domain: "1",
        version: "0",
        principles: "1",
        note: "Baseline agreed",
      }),
    );
    await moves("an action added", () =>
      s.post(champion, page("1.1"), {
        intent: "addAction",
        componentId: "1.1",
        description: "Book the hall",
        owner: "Workforce lead",
        targetDate: "2027-02-28",
      }),
    );
    const action = await s.read.row<{ id: number }>(
      "select id from progression_action where description = 'Book the hall'",
    );
    await moves("an action removed", () =>
      s.post(champion, page("1.1"), {
        intent: "removeAction",
        componentId: "1.1",
        actionId: String(action.id),
      }),
    );
    const template = await downloadTemplate(s.app.url, champion, s.sheetOf(s.uhmb));
    const filled = await editTemplate(template, (sheet) => {
      sheet.eachRow((row) => {
        if (row.getCell(1).text === "2.1") row.getCell(5).value = "Spend with local firms, offline";
      });
    });
    const imported = await moves("an import", async () => {
      const result = await upload(s.app.url, champion, s.sheetOf(s.uhmb), {
        bytes: filled,
        name: "sheet.xlsx",
      });
      expect(result.problems).toEqual([]);
      expect(result.text).toContain("Saved 1 component: 2.1");
      return { status: result.status === 200 ? 302 : result.status };
    });

    // The summary's CSV and the analysts' export give the same moment as the database.
    const csv = await (
      await s.get(placeLead, `/places/${placeId}/summary.csv?table=returns&period=${s.openPeriod}`)
    ).text();
    const row = csvRecords(csv).find((r) =>
      (r.organisation ?? "").startsWith("University Hospitals"),
    );
    expect(instant(row!.last_change ?? "")).toBe(imported);
    const exported = await (
      await s.get(champion, `/exports/organisations/${s.uhmb}/returns.csv?period=${s.openPeriod}`)
    ).text();
    const [record] = csvRecords(exported);
    expect(instant(record!.last_changed_at ?? "")).toBe(imported);
  }, 120_000);
});
