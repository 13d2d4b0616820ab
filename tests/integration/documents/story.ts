import { expect } from "vitest";
import type { Visitor } from "../../support/http";
import { type SheetApp, startSheetApp } from "../sheet/fixture";

/**
 * The month the document tests read back: UHMB's champion starts it, says
 * where 1.1 stands and adds evidence (`startDocumentStory`); later the month
 * is submitted, reopened by the place lead and changed
 * (`submitReopenAndChange`), so a submission can be told from the month now.
 */

export const BEFORE = "Before reopening: apprenticeships with the college in Barrow";
export const AFTER = "After reopening: a jobs fair every spring";
export const EVIDENCE = "Jobs fair in Barrow, spring 2026";
export const statusWords: Record<string, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  fulfilled: "Fulfilled",
};

export async function startDocumentStory() {
  const s: SheetApp = await startSheetApp();
  const champion = await s.signInAs("champion@example.com");
  const placeLead = await s.signInAs("place.lead@example.com");
  const blackpoolChampion = await s.signInAs("champion.blackpool@example.com");
  const admin = await s.signInAs("admin@example.com");
  const sheet = () => s.sheetOf(s.uhmb);
  expect((await s.post(champion, sheet(), { intent: "start" })).status).toBe(302);
  const assessmentId = (await s.assessmentOf(s.uhmb))!.id;
  const version = async (componentId: string) =>
    String((await s.answer(assessmentId, componentId)).version);
  const saved = await s.post(champion, sheet(), {
    intent: "save",
    componentId: "1.1",
    version: await version("1.1"),
    status: "in_progress",
    opportunities: BEFORE,
  });
  expect(saved.status).toBe(302);
  const added = await s.post(champion, sheet(), {
    intent: "addEvidence",
    componentId: "1.1",
    kind: "narrative",
    title: EVIDENCE,
    body: "Forty local people met six employers.",
  });
  expect(added.status).toBe(302);

  return {
    s,
    champion,
    placeLead,
    blackpoolChampion,
    admin,
    assessmentId,
    sheet,
    version,
    /** A page's HTML without the comments React writes between adjacent pieces of text. */
    html: async (visitor: Visitor, path: string) => {
      const response = await s.get(visitor, path);
      expect(response.status).toBe(200);
      return (await response.text()).replaceAll("<!-- -->", "");
    },
    /** What the database holds for the month: each component's status and its evidence titles. */
    held: async () => {
      const answers = await s.read.all<{
        component_id: string;
        status: string;
        opportunities: string;
      }>(
        "select component_id, status, opportunities from component_answer where assessment_id = ? order by id",
        assessmentId,
      );
      const evidence = await s.read.all<{ title: string }>(
        `select distinct e.title from evidence_item e
         join component_evidence ce on ce.evidence_item_id = e.id
         join component_answer ca on ca.id = ce.component_answer_id
         where ca.assessment_id = ?`,
        assessmentId,
      );
      return { answers, evidenceTitles: evidence.map((e) => e.title) };
    },
  };
}

export type DocumentStory = Awaited<ReturnType<typeof startDocumentStory>>;

/** Submits the month, has the place lead reopen it and the champion change 1.1: the submission's id. */
export async function submitReopenAndChange(story: DocumentStory): Promise<number> {
  const { s, champion, placeLead, sheet, version, assessmentId } = story;
  const notStarted = await s.read.all<{ component_id: string; version: number }>(
    "select component_id, version from component_answer where assessment_id = ? and status = 'not_started'",
    assessmentId,
  );
  for (const row of notStarted) {
    const response = await s.post(champion, sheet(), {
      intent: "save",
      componentId: row.component_id,
      version: String(row.version),
      status: "in_progress",
      opportunities: "",
    });
    expect(response.status).toBe(302);
  }
  expect((await s.post(champion, sheet(), { intent: "submit" })).status).toBe(302);
  const submissionId = (
    await s.read.row<{ id: number }>(
      "select id from assessment_submission where assessment_id = ?",
      assessmentId,
    )
  ).id;
  // Reopened and changed: the submission must still show what was sent.
  expect(
    (await s.post(placeLead, `${sheet()}/reopen`, { reason: "A figure was wrong" })).status,
  ).toBe(302);
  const changed = await s.post(champion, sheet(), {
    intent: "save",
    componentId: "1.1",
    version: await version("1.1"),
    status: "in_progress",
    opportunities: AFTER,
  });
  expect(changed.status).toBe(302);
  return submissionId;
}
