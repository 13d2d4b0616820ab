import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDateTime } from "~/utils/dates";
import { docxPart, docxParts, textOf } from "../../support/docx";
import { pdfInfo, pdfText } from "../../support/pdf";
import { type DocumentStory, startDocumentStory } from "./story";

/**
 * Issue 19, point 8: the live month's sheet, its print view, its PDF and its
 * Word file say whether it is a draft, submitted (when and by whom) or
 * reopened, on every rendering and on every page of the documents, so a
 * draft never reads "Level: Gold" exactly as a submitted month would.
 */
let story: DocumentStory;

beforeAll(async () => {
  story = await startDocumentStory();
}, 90_000);

afterAll(async () => {
  await story?.s.stop();
});

/** The page, the print view, every page of the PDF and the Word file's header and body. */
async function everyRendering(): Promise<Array<[string, string]>> {
  const { s, champion, html, sheet } = story;
  const pdf = new Uint8Array(
    await (await s.get(champion, `${sheet()}/reporting-sheet.pdf`)).arrayBuffer(),
  );
  const pages = Number((await pdfInfo(pdf)).Pages);
  const docx = new Uint8Array(
    await (await s.get(champion, `${sheet()}/reporting-sheet.docx`)).arrayBuffer(),
  );
  const headers = docxParts(docx).filter((p) => /^word\/header\d+\.xml$/.test(p));
  const text = (h: string) =>
    h
      .replace(/<[^>]+>/g, " ")
      .replace(/&#x27;/g, "'")
      .replace(/\s+/g, " ");
  return [
    ["the sheet", text(await html(champion, sheet()))],
    ["the print view", text(await html(champion, `${sheet()}/reporting-sheet`))],
    ...(await Promise.all(
      Array.from(
        { length: pages },
        async (_, i) =>
          [`PDF page ${i + 1}`, await pdfText(pdf, { page: i + 1 })] as [string, string],
      ),
    )),
    ["the Word body", textOf(docxPart(docx))],
    ...headers
      .map((h) => [h, textOf(docxPart(docx, h))] as [string, string])
      // The cover's first-page header holds the marking alone; these sheets have no cover.
      .filter(([, t]) => t.length > 0),
  ];
}

const nameOf = async (email: string) =>
  (await story.s.read.row<{ name: string }>("select name from app_user where email = ?", email))
    .name;

describe("the live month's state", () => {
  it("says draft on every rendering while it is one", async () => {
    const renderings = await everyRendering();
    expect(renderings.length).toBeGreaterThan(4);
    for (const [where, text] of renderings) {
      expect({ where, says: text.includes("Draft, not submitted") }).toEqual({ where, says: true });
    }
    const [, page] = renderings[0]!;
    expect(page).toContain("Self-assessed level from the statuses saved so far (not submitted)");
  });

  it("says submitted, when and by whom, then reopened and by whom", async () => {
    const { s, champion, placeLead, sheet, assessmentId } = story;
    const notStarted = await s.read.all<{ component_id: string; version: number }>(
      "select component_id, version from component_answer where assessment_id = ? and answered_at is null",
      assessmentId,
    );
    for (const row of notStarted) {
      const saved = await s.post(champion, sheet(), {
        intent: "save",
        componentId: row.component_id,
        version: String(row.version),
        status: "not_started",
        opportunities: "",
      });
      expect(saved.status).toBe(302);
    }
    expect((await s.post(champion, sheet(), { intent: "submit" })).status).toBe(302);
    const { submitted_at } = await s.read.row<{ submitted_at: string }>(
      "select submitted_at from assessment_submission where assessment_id = ?",
      assessmentId,
    );
    const submitted = `Submitted ${formatDateTime(String(submitted_at))} by ${await nameOf("champion@example.com")}`;
    for (const [where, text] of await everyRendering()) {
      const says =
        text.includes(submitted) || text.includes(submitted.replace("Submitted ", "Submitted on "));
      expect({ where, says }).toEqual({ where, says: true });
    }

    expect(
      (await s.post(placeLead, `${sheet()}/reopen`, { reason: "A figure was wrong" })).status,
    ).toBe(302);
    const lead = await nameOf("place.lead@example.com");
    for (const [where, text] of await everyRendering()) {
      const says =
        text.includes("Reopened, not submitted again") ||
        text.includes(`by ${lead}, and not submitted again`);
      expect({ where, says }).toEqual({ where, says: true });
    }
  }, 120_000);
});
