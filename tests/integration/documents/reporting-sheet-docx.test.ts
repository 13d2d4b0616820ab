import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCharter } from "~/charter/content";
import { contentTypes } from "~/documents/formats";
import { formatDateTime } from "~/utils/dates";
import { docxPart, paragraphsOf, styled, textOf } from "../../support/docx";
import type { Visitor } from "../../support/http";
import { UHMB } from "../sheet/fixture";
import {
  AFTER,
  BEFORE,
  type DocumentStory,
  EVIDENCE,
  startDocumentStory,
  statusWords,
  submitReopenAndChange,
} from "./story";

/**
 * The reporting sheet as Word, the month as it stands and a past submission,
 * fetched over HTTP from the running app and read back from the document's
 * XML against what the database holds: the same block model as the PDF,
 * drawn by the one Word renderer.
 */

let story: DocumentStory;
let submissionId: number;

beforeAll(async () => {
  story = await startDocumentStory();
}, 60_000);

afterAll(async () => {
  await story?.s.stop();
});

async function word(visitor: Visitor, path: string) {
  const response = await story.s.get(visitor, path);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe(contentTypes.docx);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { response, bytes, xml: docxPart(bytes) };
}

/** Each table row of the document as the text of its cells. */
const rowsOf = (xml: string) =>
  [...xml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((row) =>
    [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) =>
      paragraphsOf(cell[0]).map(textOf).join("\n"),
    ),
  );

describe("the month as it stands, as Word", () => {
  it("is linked beside the PDF, and holds every component's status, evidence and opportunities the database holds", async () => {
    const { champion, sheet, held } = story;
    expect(await story.html(champion, `${sheet()}/reporting-sheet`)).toContain(
      `href="${sheet()}/reporting-sheet.docx"`,
    );
    expect(await story.html(champion, sheet())).toContain(`href="${sheet()}/reporting-sheet.docx"`);
    const { response, xml } = await word(champion, `${sheet()}/reporting-sheet.docx`);
    expect(response.headers.get("content-disposition")).toMatch(
      new RegExp(`^attachment; filename="${UHMB} reporting sheet [^"]+\\.docx"`),
    );
    const { answers, evidenceTitles } = await held();
    expect(answers).toHaveLength(16);
    const rows = rowsOf(xml);
    for (const a of answers) {
      const row = rows.find((cells) => cells[0]!.startsWith(`${a.component_id} `));
      expect(row, a.component_id).toBeDefined();
      expect(row![1]).toBe(statusWords[a.status]);
      expect(row![3]).toBe(a.opportunities || "None recorded");
    }
    const evidenceCells = rows.map((cells) => cells[2] ?? "").join("\n");
    expect(evidenceTitles).toContain(EVIDENCE);
    for (const title of evidenceTitles) expect(evidenceCells).toContain(title);
    expect(rows.find((cells) => cells[0]!.startsWith("1.1 "))![3]).toBe(BEFORE);
  });

  it("uses Word's headings, repeats each table's header row, and is landscape and in British English", async () => {
    const { s, champion, sheet } = story;
    const { bytes, xml } = await word(champion, `${sheet()}/reporting-sheet.docx`);
    const period = await s.read.row<{ label: string }>(
      "select label from assessment_period where status = 'open'",
    );
    expect(styled(xml, "Heading1")).toEqual([`Reporting sheet: ${UHMB}, ${period.label}`]);
    expect(styled(xml, "Heading2")).toEqual(
      loadCharter().domains.map((d) => `Domain ${d.number}: ${d.title}`),
    );
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(6);
    expect((xml.match(/<w:tblHeader\/>/g) ?? []).length).toBe(6);
    expect(xml).toContain('w:orient="landscape"');
    expect(docxPart(bytes, "word/styles.xml")).toContain('<w:lang w:val="en-GB"/>');
    // Each domain's heading is kept with its introduction, and that with the domain's table.
    const paragraphs = paragraphsOf(xml);
    const domainOne = paragraphs.findIndex((p) => textOf(p).startsWith("Domain 1: "));
    expect(paragraphs[domainOne]).toContain("<w:keepNext/>");
    expect(textOf(paragraphs[domainOne + 1]!)).toMatch(/^\d+ of 3 components fulfilled\.$/);
    expect(paragraphs[domainOne + 1]).toContain("<w:keepNext/>");
  });

  it("a month nobody has started says Not answered in each of its sixteen rows", async () => {
    const { s, admin } = story;
    const { xml } = await word(admin, `${s.sheetOf(s.blackpool)}/reporting-sheet.docx`);
    const rows = rowsOf(xml).filter((cells) => /^\d\.\d /.test(cells[0]!));
    expect(rows).toHaveLength(16);
    expect(rows.every((cells) => cells[1] === "Not answered")).toBe(true);
    expect(paragraphsOf(xml).map(textOf)).toContain(
      "No component has been answered yet, so every row below says Not answered.",
    );
  });
});

describe("a past submission, as Word", () => {
  beforeAll(async () => {
    submissionId = await submitReopenAndChange(story);
  });

  const submissionPath = () => `/organisations/${story.s.uhmb}/submissions/${submissionId}`;

  it("is linked beside its PDF and holds what was sent, not what the month holds now", async () => {
    const { s, champion } = story;
    expect(await story.html(champion, submissionPath())).toContain(
      `href="${submissionPath()}.docx"`,
    );
    const { response, xml } = await word(champion, `${submissionPath()}.docx`);
    expect(response.headers.get("content-disposition")).toContain(" submitted ");
    const submitted = await s.read.row<{ submitted_at: string }>(
      "select submitted_at from assessment_submission where id = ?",
      submissionId,
    );
    const text = paragraphsOf(xml).map(textOf);
    expect(text).toContain(
      `This is what Demo Champion submitted on ${formatDateTime(submitted.submitted_at)}.`,
    );
    expect(text).toContain(BEFORE);
    expect(text.join("\n")).toContain(EVIDENCE);
    expect(text).not.toContain(AFTER);
    // The month as it stands now has the change.
    const now = await word(champion, `${story.sheet()}/reporting-sheet.docx`);
    expect(paragraphsOf(now.xml).map(textOf)).toContain(AFTER);
  });

  it("another organisation's people, and ids of another organisation or none, learn nothing (404)", async () => {
    const { s, champion, admin, blackpoolChampion } = story;
    expect((await s.get(blackpoolChampion, `${submissionPath()}.docx`)).status).toBe(404);
    expect((await s.get(blackpoolChampion, `${story.sheet()}/reporting-sheet.docx`)).status).toBe(
      404,
    );
    const underBlackpool = `/organisations/${s.blackpool}/submissions/${submissionId}.docx`;
    for (const visitor of [admin, blackpoolChampion]) {
      expect((await s.get(visitor, underBlackpool)).status).toBe(404);
    }
    for (const junk of ["999999", "abc", "1e3", "-1", "0x10"]) {
      const path = `/organisations/${s.uhmb}/submissions/${junk}.docx`;
      expect((await s.get(champion, path)).status).toBe(404);
    }
  });
});
