import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDateTimeWithSeconds } from "~/utils/dates";
import type { Visitor } from "../../support/http";
import { headingsAtPageFoot, pdfHeadings, pdfInfo, pdfSource, pdfText } from "../../support/pdf";
import { type SheetApp, UHMB } from "../sheet/fixture";
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
 * The reporting sheet as a page and a PDF, the month as it stands and each
 * past submission from its snapshot, read back over HTTP from the running app.
 */

let story: DocumentStory;
let s: SheetApp;
let champion: Visitor;
let blackpoolChampion: Visitor;
let admin: Visitor;
let assessmentId: number;
let submissionId: number;

const sheet = () => s.sheetOf(s.uhmb);
const html = (visitor: Visitor, path: string) => story.html(visitor, path);
const held = () => story.held();

beforeAll(async () => {
  story = await startDocumentStory();
  ({ s, champion, blackpoolChampion, admin, assessmentId } = story);
}, 60_000);

afterAll(async () => {
  await s?.stop();
});

describe("the month as it stands", () => {
  it("a month nobody has started reads as sixteen components not answered, and says so", async () => {
    const path = s.sheetOf(s.blackpool);
    const page = await html(admin, `${path}/reporting-sheet`);
    expect(page).toContain("No component has been answered yet");
    expect(page.match(/>Not answered<\/strong>/g)).toHaveLength(16);
    const pdf = await s.get(admin, `${path}/reporting-sheet.pdf`);
    expect(pdf.status).toBe(200);
    const text = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    expect(text.match(/Not answered/g)).toHaveLength(17);
  });

  it("the page lays out every component with the status, evidence and opportunities the database holds", async () => {
    const page = await html(champion, `${sheet()}/reporting-sheet`);
    const { answers, evidenceTitles } = await held();
    expect(answers).toHaveLength(16);
    expect(page).toContain("Component</th>");
    expect(page).toContain("Opportunities for progression</th>");
    for (const a of answers) {
      const row = new RegExp(
        `<th scope="row"[^>]*>${a.component_id.replace(".", "\\.")} [\\s\\S]*?</tr>`,
      ).exec(page)?.[0];
      expect(row, a.component_id).toBeDefined();
      expect(row).toContain(`>${statusWords[a.status]}</strong>`);
    }
    for (const title of evidenceTitles) expect(page).toContain(title.replaceAll("'", "&#x27;"));
    expect(page).toContain(BEFORE);
    expect(page).toContain(`href="${sheet()}/reporting-sheet.pdf"`);
  });

  it("the PDF names every component, status and evidence title the database holds, tagged and titled", async () => {
    const response = await s.get(champion, `${sheet()}/reporting-sheet.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="University Hospitals of Morecambe Bay NHS Foundation Trust reporting sheet [^"]+\.pdf"/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = await pdfText(bytes);
    const { answers, evidenceTitles } = await held();
    const titles = await s.read.all<{ component_id: string }>(
      "select component_id from component_answer where assessment_id = ?",
      assessmentId,
    );
    expect(titles).toHaveLength(16);
    for (const a of answers) {
      expect(text).toMatch(
        new RegExp(`${a.component_id.replace(".", "\\.")} [^]*?${statusWords[a.status]}`),
      );
    }
    for (const title of evidenceTitles) expect(text).toContain(title);
    expect(text).toContain(BEFORE);
    expect(text).toContain(`Reporting sheet: ${UHMB}`);
    const source = pdfSource(bytes);
    for (const key of ["/StructTreeRoot", "/Lang (en-GB)", "/MarkInfo", "/DisplayDocTitle true"]) {
      expect(source).toContain(key);
    }
    expect(source).toContain("/S /Table");
    expect(await pdfInfo(bytes)).toMatchObject({
      Tagged: "yes",
      Title: expect.stringContaining(`${UHMB}: reporting sheet`),
    });
  });

  it("the PDF leaves no heading at a page's foot", async () => {
    const response = await s.get(champion, `${sheet()}/reporting-sheet.pdf`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect((await pdfHeadings(bytes)).length).toBe(1 + 6 * 3);
    expect(await headingsAtPageFoot(bytes)).toEqual([]);
  });
});

describe("a past submission", () => {
  beforeAll(async () => {
    submissionId = await submitReopenAndChange(story);
  });

  const submissionPath = () => `/organisations/${s.uhmb}/submissions/${submissionId}`;

  it("the month's history links to it, and it shows what was sent, not what the month holds now", async () => {
    const month = await (await s.get(champion, sheet())).text();
    expect(month).toContain(`href="${submissionPath()}"`);
    // The organisation's overview lists its submissions, each opening too.
    expect(await html(champion, `/organisations/${s.uhmb}`)).toContain(
      `href="${submissionPath()}"`,
    );
    const submitted = await s.read.row<{ submitted_at: string }>(
      "select submitted_at from assessment_submission where id = ?",
      submissionId,
    );
    const page = await html(champion, submissionPath());
    expect(page).toContain(
      // To the second, so two submissions in one minute are told apart (issue 20, item 7).
      `This is what Demo Champion submitted on ${formatDateTimeWithSeconds(submitted.submitted_at)}.`,
    );
    expect(page).toContain(BEFORE);
    expect(page).toContain(EVIDENCE);
    expect(page).not.toContain(AFTER);
    const now = await html(champion, `${sheet()}/reporting-sheet`);
    expect(now).toContain(AFTER);
    expect(now).not.toContain(BEFORE);
  });

  it("its PDF is the snapshot too", async () => {
    const response = await s.get(champion, `${submissionPath()}.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(" submitted ");
    const text = await pdfText(new Uint8Array(await response.arrayBuffer()));
    expect(text).toContain("This is what Demo Champion submitted on");
    expect(text).toContain(BEFORE);
    expect(text).toContain(EVIDENCE);
    expect(text).not.toContain(AFTER);
  });

  it("another organisation's people, and ids of another organisation or none, learn nothing (404)", async () => {
    const paths = [submissionPath(), `${submissionPath()}.pdf`];
    for (const path of paths) {
      expect((await s.get(blackpoolChampion, path)).status).toBe(404);
    }
    const underBlackpool = `/organisations/${s.blackpool}/submissions/${submissionId}`;
    for (const visitor of [admin, blackpoolChampion]) {
      expect((await s.get(visitor, underBlackpool)).status).toBe(404);
      expect((await s.get(visitor, `${underBlackpool}.pdf`)).status).toBe(404);
    }
    for (const junk of ["999999", "abc", "1e3", "-1", "0x10"]) {
      const base = `/organisations/${s.uhmb}/submissions/${junk}`;
      expect((await s.get(champion, base)).status).toBe(404);
      expect((await s.get(champion, `${base}.pdf`)).status).toBe(404);
    }
  });
});
