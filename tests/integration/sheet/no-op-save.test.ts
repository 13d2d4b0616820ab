import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCharter } from "~/charter/content";
import type { Visitor } from "../../support/http";
import { singleFetchData } from "../../support/single-fetch";
import { downloadTemplate, upload } from "../excel/support";
import { type SheetApp, startSheetApp } from "./fixture";

/**
 * A save that changes nothing is no change (issue 20, ADR 039): no new
 * version, no audit entry, and the steering group's reviews stay as they
 * were, whether it comes from the form, an autosave or the Excel import.
 */
let s: SheetApp;
let champion: Visitor;
let steering: Visitor;
let assessmentId: number;
/** One fulfilled component in each domain of the month: verified, they make Bronze. */
let firstFulfilled: string[];

const charter = loadCharter();
const ids = charter.domains.flatMap((d) => d.components.map((c) => c.id));

beforeAll(async () => {
  s = await startSheetApp();
  // The month starts with no verification carried into it, so every one is this test's.
  await s.read.run(
    `delete from component_review where component_answer_id in (select c.id from component_answer c
     join assessment a on a.id = c.assessment_id where a.organisation_id = ?)`,
    s.uhmb,
  );
  champion = await s.signInAs("champion@example.com");
  steering = await s.signInAs("steering@example.com");
  expect((await s.post(champion, s.sheetOf(s.uhmb), { intent: "start" })).status).toBe(302);
  assessmentId = (await s.assessmentOf(s.uhmb))!.id;
  const fulfilled = await answers();
  firstFulfilled = charter.domains.map(
    (d) => d.components.find((c) => fulfilled.get(c.id)?.status === "fulfilled")!.id,
  );
}, 60_000);

afterAll(async () => {
  await s?.stop();
});

type Row = {
  component_id: string;
  status: string;
  opportunities: string;
  practices_in_place: string;
  version: number;
};
async function answers() {
  const rows = await s.read.all<Row>(
    "select component_id, status, opportunities, practices_in_place, version from component_answer where assessment_id = ?",
    assessmentId,
  );
  return new Map(rows.map((r) => [r.component_id, r]));
}
const auditRows = async () =>
  (
    await s.read.row<{ n: number }>(
      "select count(*) as n from audit_event where action = 'component.saved'",
    )
  ).n;
const reviewRows = async () =>
  (await s.read.row<{ n: number }>("select count(*) as n from component_review")).n;

/** The form as the component's page sends it: the answer exactly as shown. */
function asShown(row: Row): Record<string, string> {
  return {
    intent: "save",
    componentId: row.component_id,
    version: String(row.version),
    status: row.status,
    opportunities: row.opportunities,
    practices: (JSON.parse(row.practices_in_place) as number[]).join(","),
  };
}

async function verify(componentId: string) {
  const answer = (await answers()).get(componentId)!;
  const evidence = await s.read.all<{ id: number }>(
    `select ce.evidence_item_id as id from component_evidence ce join component_answer c
     on c.id = ce.component_answer_id where c.assessment_id = ? and c.component_id = ? order by 1`,
    assessmentId,
    componentId,
  );
  const response = await s.post(steering, `${s.sheetOf(s.uhmb)}/review/${componentId}`, {
    verdict: "verified",
    comment: "",
    answerVersion: String(answer.version),
    evidenceKey: evidence.map((e) => e.id).join(","),
  });
  expect(response.status, componentId).toBe(302);
}

async function verifiedLevel() {
  const html = await (await s.get(champion, s.sheetOf(s.uhmb))).text();
  const panel = /Verified level, counting only[\s\S]*?<\/strong>/.exec(html)?.[0] ?? "";
  return panel.replace(/<[^>]+>/g, "").replace(/<!-- -->/g, "");
}

describe("paging through the month with Save and continue", () => {
  it("leaves every version, the audit log and the verified level as they were", async () => {
    for (const componentId of firstFulfilled) await verify(componentId);
    expect(await verifiedLevel()).toContain("Bronze");
    const before = await answers();
    const audits = await auditRows();
    const reviews = await reviewRows();

    // Without JavaScript: each component's form as shown, "Save and continue" to the next.
    for (const componentId of ids) {
      const row = before.get(componentId)!;
      const response = await s.post(champion, s.componentOf(s.uhmb, componentId), {
        ...asShown(row),
        then: "next",
      });
      expect(response.status, componentId).toBe(302);
      const next = ids[ids.indexOf(componentId) + 1];
      expect(response.headers.get("location"), componentId).toBe(
        next ? `${s.componentOf(s.uhmb, next)}` : `${s.sheetOf(s.uhmb)}#check-before-submit`,
      );
    }
    // With JavaScript: the same saves as autosaves, answered as data with the version unchanged.
    for (const componentId of ids) {
      const row = before.get(componentId)!;
      // What the browser's fetcher sends: the form's fields, to the single-fetch data URL.
      const response = await s.post(
        champion,
        `${s.componentOf(s.uhmb, componentId)}.data?autosave=1`,
        asShown(row),
      );
      expect(response.status, componentId).toBe(200);
      const answer = await singleFetchData<{
        saved?: { version: number; changesSummary: boolean };
      }>(response);
      // The page keeps the version it has: nothing moved it.
      expect(answer?.saved, componentId).toMatchObject({
        version: row.version,
        changesSummary: false,
      });
    }

    const after = await answers();
    for (const componentId of ids) {
      expect(after.get(componentId)!.version, componentId).toBe(before.get(componentId)!.version);
    }
    expect(await auditRows()).toBe(audits);
    expect(await reviewRows()).toBe(reviews);
    expect(await verifiedLevel()).toContain("Bronze");
    const tags = await (await s.get(champion, s.sheetOf(s.uhmb))).text();
    expect(tags).not.toContain("Changed since review");
  });
});

describe("saving twice with the same values", () => {
  it("makes one version and one audit entry, and the review of the first stands", async () => {
    const componentId = firstFulfilled[0]!;
    const row = (await answers()).get(componentId)!;
    const audits = await auditRows();
    const changed = { ...asShown(row), opportunities: "Agree the next step with the board" };

    expect((await s.post(champion, s.componentOf(s.uhmb, componentId), changed)).status).toBe(302);
    expect((await answers()).get(componentId)!.version).toBe(row.version + 1);
    expect(await auditRows()).toBe(audits + 1);
    await verify(componentId);

    // The same values again, as the form now shows them.
    const again = { ...changed, version: String(row.version + 1) };
    expect((await s.post(champion, s.componentOf(s.uhmb, componentId), again)).status).toBe(302);
    expect((await answers()).get(componentId)!.version).toBe(row.version + 1);
    expect(await auditRows()).toBe(audits + 1);
    // Even sent from a page read before the first save: nothing to overwrite, so no conflict.
    const stale = await s.post(champion, s.componentOf(s.uhmb, componentId), {
      ...changed,
      version: String(row.version),
    });
    expect(stale.status).toBe(302);
    expect((await answers()).get(componentId)!.version).toBe(row.version + 1);
    expect(await auditRows()).toBe(audits + 1);
    expect(await verifiedLevel()).toContain("Bronze");

    // A real change is still a change, and the review no longer covers it.
    const real = { ...again, opportunities: "Something else" };
    expect((await s.post(champion, s.componentOf(s.uhmb, componentId), real)).status).toBe(302);
    expect((await answers()).get(componentId)!.version).toBe(row.version + 2);
    expect(await auditRows()).toBe(audits + 2);
    expect(await (await s.get(champion, s.sheetOf(s.uhmb))).text()).toContain(
      "Changed since review",
    );
    await verify(componentId);
  });
});

describe("uploading the Excel template unchanged", () => {
  it("applies nothing, writes no audit entry and leaves the reviews", async () => {
    const before = await answers();
    const audits = await auditRows();
    const template = await downloadTemplate(s.app.url, champion, s.sheetOf(s.uhmb));
    const result = await upload(s.app.url, champion, s.sheetOf(s.uhmb), {
      bytes: template,
      name: "template.xlsx",
    });
    expect(result.problems).toEqual([]);
    expect(result.status).toBe(200);
    expect(result.text).toContain(`${ids.length} unchanged`);
    const after = await answers();
    for (const componentId of ids) {
      expect(after.get(componentId)!.version, componentId).toBe(before.get(componentId)!.version);
    }
    expect(await auditRows()).toBe(audits);
    expect(await verifiedLevel()).toContain("Bronze");
  });
});
