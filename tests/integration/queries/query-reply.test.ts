import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { exeBytes, pdfBytes } from "../../fixtures/files";
import { fakeNotifyTemplates, notifyFailsWith, notifyRequests } from "../../mocks/notify";
import { serveNotifyMock } from "../../mocks/notify-server";
import type { Visitor } from "../../support/http";
import { pageText } from "../readers/fixture";
import { SECOND_CHAMPION, type SheetApp, startSheetApp } from "../sheet/fixture";

/**
 * A steering group member queries a component of a submitted month; the
 * organisation's champions are emailed (GOV.UK Notify, the msw mock over
 * HTTP) and see the query on their pages; one replies with a new document
 * without the month being reopened; the reviewer reads the reply and
 * verifies. Every step is in the audit log. Runs over HTTP against the built
 * app, on SQLite and (with DATABASE_URL) on PostgreSQL.
 */
let notify: Awaited<ReturnType<typeof serveNotifyMock>>;
let s: SheetApp;
let champion: Visitor;
let steering: Visitor;
let blackpoolChampion: Visitor;
let systemReader: Visitor;
let assessmentId: number;
let reviewId: number;
let snapshotBefore: string;
let versionBefore: number;

const count = async (sql: string, ...args: unknown[]) =>
  Number((await s.read.row<{ n: number | string }>(sql, ...args)).n);
const queryPath = () => `${s.sheetOf(s.uhmb)}/queries/${reviewId}`;
const reviewPath = () => `${s.sheetOf(s.uhmb)}/review/1.1`;
const stored = async () => ({
  replies: await count("select count(*) as n from query_reply"),
  items: await count("select count(*) as n from evidence_item"),
  files: await count("select count(*) as n from evidence_file"),
});

function reply(
  visitor: Visitor,
  fields: Record<string, string>,
  file?: { name: string; bytes: Uint8Array },
) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  if (file) form.set("file", new File([new Uint8Array(file.bytes)], file.name));
  return fetch(`${s.app.url}${queryPath()}`, {
    method: "POST",
    body: form,
    headers: { cookie: visitor.cookie ?? "", origin: s.app.url },
    redirect: "manual",
  });
}

beforeAll(async () => {
  notify = await serveNotifyMock();
  s = await startSheetApp(notify.env);
  champion = await s.signInAs("champion@example.com");
  steering = await s.signInAs("steering@example.com");
  blackpoolChampion = await s.signInAs("champion.blackpool@example.com");
  systemReader = await s.signInAs("system.reader@example.com");
  // The champion starts the month, backs 1.1 with evidence, marks it fulfilled and submits.
  expect((await s.post(champion, s.sheetOf(s.uhmb), { intent: "start" })).status).toBe(302);
  assessmentId = (await s.assessmentOf(s.uhmb))!.id;
  const added = await s.post(champion, s.sheetOf(s.uhmb), {
    intent: "addEvidence",
    componentId: "1.1",
    kind: "narrative",
    title: "Recruitment from local postcodes",
    body: "We recruit from our most deprived postcodes first.",
  });
  expect(added.status).toBe(302);
  const answer = await s.answer(assessmentId, "1.1");
  const saved = await s.post(champion, s.sheetOf(s.uhmb), {
    intent: "save",
    componentId: "1.1",
    version: String(answer.version),
    status: "fulfilled",
    opportunities: "",
  });
  expect(saved.status).toBe(302);
  // Every other component has a status carried from last month; make sure of it, then submit.
  await s.read.run(
    "update component_answer set status = 'in_progress' where assessment_id = ? and component_id != '1.1' and status = 'fulfilled' and id not in (select component_answer_id from component_evidence)",
    assessmentId,
  );
  const submitted = await s.post(champion, s.sheetOf(s.uhmb), { intent: "submit" });
  expect(submitted.status).toBe(302);
  expect((await s.assessmentOf(s.uhmb))!.status).toBe("submitted");
  snapshotBefore = (
    await s.read.row<{ snapshot: string }>(
      "select snapshot from assessment_submission where assessment_id = ? order by id desc limit 1",
      assessmentId,
    )
  ).snapshot;
  versionBefore = (await s.answer(assessmentId, "1.1")).version;
}, 120_000);

afterAll(async () => {
  await s?.stop();
  await notify?.close();
});

beforeEach(() => {
  notify.reset();
});

describe("a query answered without reopening the month", () => {
  it("a query emails every champion of the organisation through Notify, and is audited", async () => {
    notifyRequests.length = 0;
    const queried = await s.post(steering, reviewPath(), {
      verdict: "queried",
      comment: "Which postcodes?\nPlease show the recruitment figures.",
      answerVersion: String(versionBefore),
    });
    expect(queried.status).toBe(302);
    reviewId = (
      await s.read.row<{ id: number }>(
        "select max(r.id) as id from component_review r join component_answer c on c.id = r.component_answer_id where c.assessment_id = ?",
        assessmentId,
      )
    ).id;
    const queryEmails = notifyRequests.filter(
      (r) => r.body.template_id === fakeNotifyTemplates.query,
    );
    expect(queryEmails.map((r) => String(r.body.email_address)).sort()).toEqual(
      ["champion@example.com", SECOND_CHAMPION].sort(),
    );
    const personalisation = queryEmails[0]!.body.personalisation as Record<string, string>;
    expect(personalisation.component).toMatch(/^1\.1 /);
    expect(personalisation.reviewer).toBe("Demo Steering Group Member");
    expect(personalisation.link).toBe(`${s.app.url}${queryPath()}`);
    const notified = await s.read.row<{ actor: string; detail: string }>(
      "select u.email as actor, e.detail from audit_event e join app_user u on u.id = e.actor_user_id where e.action = 'query.notified' and e.target_type = 'assessment' and e.target_id = ?",
      String(assessmentId),
    );
    expect(notified.actor).toBe("steering@example.com");
    const detail = JSON.parse(notified.detail) as { emails: Array<{ status: string }> };
    expect(detail.emails.map((e) => e.status)).toEqual(["sent", "sent"]);
  });

  it("the champions see the open query on the organisation's page and on the month's page", async () => {
    const overview = pageText(await (await s.get(champion, `/organisations/${s.uhmb}`)).text());
    expect(overview).toContain("The steering group has queried 1 component");
    expect(overview).toMatch(/Reply to the query on 1\.1 .+\(.+\)/);
    const month = pageText(await (await s.get(champion, s.sheetOf(s.uhmb))).text());
    expect(month).toContain("Reply to the query on 1.1");
    expect(month).toContain("No reply yet.");
    const page = await s.get(champion, queryPath());
    expect(page.status).toBe(200);
    const text = pageText(await page.text());
    expect(text).toContain("Which postcodes?");
    expect(text).toContain("No one has replied to this query yet.");
    expect(text).toContain("Send reply");
  });

  it("refuses a reply from anyone but the organisation's champions, storing nothing", async () => {
    const before = await stored();
    const fields = { body: "Not mine to answer", evidence: "none" };
    expect((await reply(blackpoolChampion, fields)).status).toBe(404);
    expect((await s.get(blackpoolChampion, queryPath())).status).toBe(404);
    expect((await reply(steering, fields)).status).toBe(403);
    expect((await reply(systemReader, fields)).status).toBe(403);
    // A system reader reads a submitted month, and so its query, but has no reply form.
    const readerPage = await s.get(systemReader, queryPath());
    expect(readerPage.status).toBe(200);
    expect(pageText(await readerPage.text())).not.toContain("Send reply");
    expect(await stored()).toEqual(before);
  });

  it("answers hostile replies with 400 and a message, and stores nothing", async () => {
    const before = await stored();
    const cases: Array<[Record<string, string>, string, { name: string; bytes: Uint8Array }?]> = [
      [{ body: "", evidence: "none" }, "Enter your reply to the query"],
      [{ body: "   ", evidence: "none" }, "Enter your reply to the query"],
      [
        { body: "Bell \u0007 rings", evidence: "none" },
        "must not contain hidden control characters",
      ],
      [{ body: "x".repeat(5001), evidence: "none" }, "5,000 characters or fewer"],
      [{ body: "Here", evidence: "everything" }, "Select whether you are adding evidence"],
      [{ body: "Here" }, "Select whether you are adding evidence"],
      [
        { body: "Here", evidence: "link", title: "Ours", url: "javascript:alert(1)" },
        "Enter a link starting with https:// or http://",
      ],
      [
        { body: "Here", evidence: "link", title: "", url: "https://example.org" },
        "Enter a title for the evidence",
      ],
      [
        { body: "Here", evidence: "link", title: "Two\nlines", url: "https://example.org" },
        "must be on one line",
      ],
      [{ body: "Here", evidence: "file", title: "Figures" }, "Select a file to upload"],
      [
        { body: "Here", evidence: "file", title: "Figures" },
        "content is not a .pdf file",
        { name: "figures.pdf", bytes: exeBytes },
      ],
    ];
    for (const [fields, message, file] of cases) {
      const response = await reply(champion, fields, file);
      expect(response.status, JSON.stringify(fields).slice(0, 80)).toBe(400);
      expect(await response.text()).toContain(message);
    }
    const json = await fetch(`${s.app.url}${queryPath()}`, {
      method: "POST",
      body: JSON.stringify({ body: "Here", evidence: "none" }),
      headers: {
        cookie: champion.cookie ?? "",
        origin: s.app.url,
        "content-type": "application/json",
      },
      redirect: "manual",
    });
    expect(json.status).toBe(415);
    const notANumber = await s.get(champion, `${s.sheetOf(s.uhmb)}/queries/abc`);
    expect(notANumber.status).toBe(404);
    expect(await stored()).toEqual({ ...before, files: before.files });
    expect(await count("select count(*) as n from query_reply")).toBe(before.replies);
  });

  it("a champion replies with a new document on the submitted month, which stays as it was sent", async () => {
    const response = await reply(
      champion,
      {
        body: "Lancaster and Barrow postcodes.\nThe figures are attached.",
        evidence: "file",
        title: "Recruitment figures 2026",
      },
      { name: "recruitment figures.pdf", bytes: pdfBytes },
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(
      new RegExp(`^${queryPath()}\\?replied=1#reply-\\d+$`),
    );
    const row = await s.read.row<{ body: string; evidence_item_id: number; author: string }>(
      "select q.body, q.evidence_item_id, u.email as author from query_reply q join app_user u on u.id = q.author_id where q.review_id = ?",
      reviewId,
    );
    expect(row.author).toBe("champion@example.com");
    // A form sends line breaks as CRLF, as a browser does; they are kept.
    expect(row.body).toMatch(/^Lancaster and Barrow postcodes\.\r?\nThe figures are attached\.$/);
    const item = await s.read.row<{ kind: string; title: string; file_name: string }>(
      "select kind, title, file_name from evidence_item where id = ?",
      row.evidence_item_id,
    );
    expect(item).toEqual({
      kind: "file",
      title: "Recruitment figures 2026",
      file_name: "recruitment figures.pdf",
    });
    // Not put on the month's answer: the month, its answer and its snapshot are as they were.
    expect(
      await count(
        "select count(*) as n from component_evidence where evidence_item_id = ?",
        row.evidence_item_id,
      ),
    ).toBe(0);
    expect((await s.assessmentOf(s.uhmb))!.status).toBe("submitted");
    expect((await s.answer(assessmentId, "1.1")).version).toBe(versionBefore);
    expect(
      await count(
        "select count(*) as n from assessment_submission where assessment_id = ?",
        assessmentId,
      ),
    ).toBe(1);
    const snapshotAfter = (
      await s.read.row<{ snapshot: string }>(
        "select snapshot from assessment_submission where assessment_id = ?",
        assessmentId,
      )
    ).snapshot;
    expect(snapshotAfter).toBe(snapshotBefore);
    const replied = await s.read.row<{ detail: string }>(
      "select detail from audit_event where action = 'query.replied' and target_type = 'assessment' and target_id = ?",
      String(assessmentId),
    );
    expect(JSON.parse(replied.detail)).toMatchObject({
      component: "1.1",
      review: Number(reviewId),
      evidenceItem: Number(row.evidence_item_id),
      kind: "file",
    });
    const landing = (response.headers.get("location") ?? "").split("#")[0]!;
    const page = pageText(await (await s.get(champion, landing)).text());
    expect(page).toContain("Your reply has been sent to the steering group.");
    expect(page).toMatch(/Demo Champion replied on \d{1,2} \w+ \d{4} at \d\d:\d\d/);
    const month = pageText(await (await s.get(champion, s.sheetOf(s.uhmb))).text());
    expect(month).toMatch(/1 reply, the last on \d{1,2} \w+ \d{4} at \d\d:\d\d/);
  });

  it("the reviewer reads the reply and its document on the review page, and verifies", async () => {
    const page = await (await s.get(steering, reviewPath())).text();
    const text = pageText(page);
    expect(text).toContain("The open query");
    expect(text).toContain("Lancaster and Barrow postcodes.");
    expect(text).toContain("New evidence: Recruitment figures 2026");
    const itemId = (
      await s.read.row<{ evidence_item_id: number }>(
        "select evidence_item_id from query_reply where review_id = ?",
        reviewId,
      )
    ).evidence_item_id;
    const href = `/organisations/${s.uhmb}/evidence/${itemId}`;
    expect(page).toContain(`href="${href}"`);
    const download = await s.get(steering, href);
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdfBytes);
    // The month stands submitted, so those who read it read the reply's document too.
    expect((await s.get(systemReader, href)).status).toBe(200);
    expect((await s.get(blackpoolChampion, href)).status).toBe(404);

    const verified = await s.post(steering, reviewPath(), {
      verdict: "verified",
      comment: "",
      answerVersion: String(versionBefore),
    });
    expect(verified.status).toBe(302);
    const overview = pageText(await (await s.get(champion, `/organisations/${s.uhmb}`)).text());
    expect(overview).not.toContain("The steering group has queried");
    const closed = pageText(await (await s.get(champion, queryPath())).text());
    expect(closed).toContain("this query is closed");
    expect(closed).not.toContain("Send reply");
    const late = await reply(champion, { body: "One more thing", evidence: "none" });
    expect(late.status).toBe(409);
    expect(await count("select count(*) as n from query_reply where review_id = ?", reviewId)).toBe(
      1,
    );
  });

  it("the audit trail tells the whole story in order", async () => {
    const trail = await s.read.all<{ action: string; actor: string }>(
      `select e.action, u.email as actor from audit_event e join app_user u on u.id = e.actor_user_id
       where e.action in ('component.reviewed', 'query.notified', 'query.replied', 'assessment.submitted')
         and ((e.target_type = 'assessment' and e.target_id = ?) or (e.target_type = 'organisation' and e.target_id = ?))
       order by e.id`,
      String(assessmentId),
      String(s.uhmb),
    );
    expect(trail.slice(-5)).toEqual([
      { action: "assessment.submitted", actor: "champion@example.com" },
      { action: "component.reviewed", actor: "steering@example.com" },
      { action: "query.notified", actor: "steering@example.com" },
      { action: "query.replied", actor: "champion@example.com" },
      { action: "component.reviewed", actor: "steering@example.com" },
    ]);
  });

  it("a reopened month says on its page who reopened it, when and why, until it is submitted again", async () => {
    const before = pageText(await (await s.get(champion, s.sheetOf(s.uhmb))).text());
    expect(before).not.toContain("reopened this month");
    const placeLead = await s.signInAs("place.lead@example.com");
    const reopened = await s.post(placeLead, `${s.sheetOf(s.uhmb)}/reopen`, {
      reason: "The spend figures were for the wrong quarter",
    });
    expect(reopened.status).toBe(302);
    const month = pageText(await (await s.get(champion, s.sheetOf(s.uhmb))).text());
    expect(month).toMatch(
      /Demo Place Lead reopened this month on \d{1,2} \w+ \d{4} at \d\d:\d\d, saying: “The spend figures were for the wrong quarter”/,
    );
    const resubmitted = await s.post(champion, s.sheetOf(s.uhmb), { intent: "submit" });
    expect(resubmitted.status).toBe(302);
    const after = pageText(await (await s.get(champion, s.sheetOf(s.uhmb))).text());
    expect(after).not.toContain("reopened this month");
  });

  it("a query stands when Notify fails: the failure is audited and the champions still see it", async () => {
    notify.use(notifyFailsWith(500));
    const version = (await s.answer(assessmentId, "1.1")).version;
    const queried = await s.post(steering, reviewPath(), {
      verdict: "queried",
      comment: "One more question about the postcodes",
      answerVersion: String(version),
    });
    expect(queried.status).toBe(302);
    const notified = await s.read.row<{ detail: string }>(
      "select detail from audit_event where action = 'query.notified' order by id desc limit 1",
    );
    const detail = JSON.parse(notified.detail) as { emails: Array<{ status: string }> };
    expect(detail.emails.map((e) => e.status)).toEqual(["failed", "failed"]);
    const overview = pageText(await (await s.get(champion, `/organisations/${s.uhmb}`)).text());
    expect(overview).toContain("The steering group has queried 1 component");
    expect(overview).toContain("One more question about the postcodes");
  });
});
