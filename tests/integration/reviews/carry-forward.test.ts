import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Visitor } from "../../support/http";
import { type SheetApp, startSheetApp } from "../sheet/fixture";

/**
 * A verification carries forward (issue 20, ADR 039): starting a month from
 * the last keeps each verified component verified while its status and
 * evidence are unchanged, marked "verified in <month>, unchanged since";
 * verifying last month after this one was started carries it too; any change
 * ends it. Over HTTP, on the demo data with UHMB's open month not started
 * and no review of UHMB's left (the sheet fixture).
 */
let s: SheetApp;
let champion: Visitor;
let steering: Visitor;
let lastMonth: { id: number; label: string };

beforeAll(async () => {
  s = await startSheetApp();
  champion = await s.signInAs("champion@example.com");
  steering = await s.signInAs("steering@example.com");
  lastMonth = await s.read.row<{ id: number; label: string }>(
    `select p.id, p.label from assessment a join assessment_period p on p.id = a.period_id
     where a.organisation_id = ? order by p.starts_on desc limit 1`,
    s.uhmb,
  );
}, 60_000);

afterAll(async () => {
  await s?.stop();
});

async function fulfilledIn(periodId: number) {
  return s.read.all<{ id: number; component_id: string; version: number }>(
    `select c.id, c.component_id, c.version from component_answer c join assessment a on a.id = c.assessment_id
     where a.organisation_id = ? and a.period_id = ? and c.status = 'fulfilled' order by c.component_id`,
    s.uhmb,
    periodId,
  );
}
const evidenceKeyOf = async (answerId: number) =>
  (
    await s.read.all<{ id: number }>(
      "select evidence_item_id as id from component_evidence where component_answer_id = ? order by 1",
      answerId,
    )
  )
    .map((e) => e.id)
    .join(",");

async function verify(
  periodId: number,
  answer: { id: number; component_id: string; version: number },
) {
  const response = await s.post(
    steering,
    `/organisations/${s.uhmb}/periods/${periodId}/review/${answer.component_id}`,
    {
      verdict: "verified",
      comment: "",
      answerVersion: String(answer.version),
      evidenceKey: await evidenceKeyOf(answer.id),
    },
  );
  expect(response.status).toBe(302);
}

const tagOf = (html: string, componentId: string) =>
  (
    new RegExp(`id="task-${componentId.replace(".", "\\.")}-status">([\\s\\S]*?)</div>`).exec(
      html,
    )?.[1] ?? ""
  )
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

describe("a verification carried into the next month", () => {
  let verified: string[];
  let later: string;

  it("keeps what was verified last month verified when the month starts, and says since when", async () => {
    const fulfilled = await fulfilledIn(lastMonth.id);
    expect(fulfilled.length).toBeGreaterThan(3);
    // All but the last verified before the month starts; the last only afterwards.
    for (const answer of fulfilled.slice(0, -1)) await verify(lastMonth.id, answer);
    verified = fulfilled.slice(0, -1).map((a) => a.component_id);
    later = fulfilled.at(-1)!.component_id;

    expect((await s.post(champion, s.sheetOf(s.uhmb), { intent: "start" })).status).toBe(302);
    const overview = await (await s.get(champion, s.sheetOf(s.uhmb))).text();
    for (const componentId of verified) expect(tagOf(overview, componentId)).toContain("Verified");
    expect(tagOf(overview, later)).not.toContain("Verified");
    const page = await (await s.get(champion, s.componentOf(s.uhmb, verified[0]!))).text();
    expect(page.replace(/<!-- -->/g, "")).toMatch(
      new RegExp(`Verified</strong> in ${lastMonth.label} by [^<]+, unchanged since`),
    );
    const audit = await s.read.row<{ detail: string }>(
      "select detail from audit_event where action = 'assessment.started' order by id desc limit 1",
    );
    expect(JSON.parse(audit.detail).carriedVerifications).toEqual(verified);
  });

  it("carries a verification made after the month started, when that month still holds the same", async () => {
    const answer = (await fulfilledIn(lastMonth.id)).find((a) => a.component_id === later)!;
    await verify(lastMonth.id, answer);
    const overview = await (await s.get(champion, s.sheetOf(s.uhmb))).text();
    expect(tagOf(overview, later)).toContain("Verified");
    const audit = await s.read.row<{ detail: string }>(
      "select detail from audit_event where action = 'component.reviewed' order by id desc limit 1",
    );
    expect(JSON.parse(audit.detail).carriedInto).toHaveLength(1);
  });

  it("ends when the evidence changes, though the answer's version does not move", async () => {
    const componentId = verified[0]!;
    const response = await s.post(champion, s.componentOf(s.uhmb, componentId), {
      intent: "addEvidence",
      componentId,
      kind: "narrative",
      title: "A new note",
      body: "Something the reviewer has not seen",
    });
    expect(response.status).toBe(302);
    const overview = await (await s.get(champion, s.sheetOf(s.uhmb))).text();
    expect(tagOf(overview, componentId)).toContain("Changed since review");
    // Another carried component, untouched, stays verified.
    expect(tagOf(overview, verified[1]!)).toContain("Verified");
  });

  it("ends when the status changes", async () => {
    const componentId = verified[1]!;
    const answer = await s.answer((await s.assessmentOf(s.uhmb))!.id, componentId);
    const response = await s.post(champion, s.componentOf(s.uhmb, componentId), {
      intent: "save",
      componentId,
      version: String(answer.version),
      status: "in_progress",
      opportunities: answer.opportunities,
    });
    expect(response.status).toBe(302);
    const overview = await (await s.get(champion, s.sheetOf(s.uhmb))).text();
    expect(tagOf(overview, componentId)).not.toContain("Verified");
  });
});
