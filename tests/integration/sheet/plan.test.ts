import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Visitor } from "../../support/http";
import { SECOND_CHAMPION, type SheetApp, startSheetApp } from "./fixture";

/** The sheet as an improvement plan: practices, principles, actions, reopening, changes. */

let s: SheetApp;
let champion: Visitor;
let secondChampion: Visitor;
let steering: Visitor;
let placeLead: Visitor;
let admin: Visitor;
let blackpoolChampion: Visitor;
let assessmentId: number;

beforeAll(async () => {
  s = await startSheetApp();
  champion = await s.signInAs("champion@example.com");
  secondChampion = await s.signInAs(SECOND_CHAMPION);
  steering = await s.signInAs("steering@example.com");
  placeLead = await s.signInAs("place.lead@example.com");
  admin = await s.signInAs("admin@example.com");
  blackpoolChampion = await s.signInAs("champion.blackpool@example.com");
  expect((await s.post(champion, sheet(), { intent: "start" })).status).toBe(302);
  assessmentId = (await s.assessmentOf(s.uhmb))!.id;
}, 60_000);

afterAll(async () => {
  await s?.stop();
});

const sheet = () => s.sheetOf(s.uhmb);
/** A component's own page of the month, where its forms post (ADR 026). */
const page = (componentId: string) => s.componentOf(s.uhmb, componentId);
const auditCount = async () =>
  (await s.read.row<{ n: number }>("select count(*) as n from audit_event")).n;
const lastAudit = async () =>
  await s.read.row<{ action: string; detail: string; actor_user_id: number }>(
    "select action, detail, actor_user_id from audit_event order by id desc limit 1",
  );
const practicesOf = async (componentId: string) =>
  (
    await s.read.row<{ practices_in_place: string }>(
      "select practices_in_place from component_answer where assessment_id = ? and component_id = ?",
      assessmentId,
      componentId,
    )
  ).practices_in_place;
const principlesRow = async (domain: number) =>
  (
    await s.read.all<{ principles_in_place: string; note: string; version: number }>(
      "select principles_in_place, note, version from domain_principles where assessment_id = ? and domain_number = ?",
      assessmentId,
      domain,
    )
  )[0];
const actionsOf = async (componentId: string) =>
  await s.read.all<{
    id: number;
    description: string;
    owner: string | null;
    target_date: string | null;
  }>(
    `select pa.id, pa.description, pa.owner, pa.target_date from progression_action pa
     join component_answer ca on ca.id = pa.component_answer_id
     where ca.assessment_id = ? and ca.component_id = ? order by pa.id`,
    assessmentId,
    componentId,
  );
/** The target date as its GOV.UK date input sends it: day, month and year. */
const typed = (day: string, month: string, year: string) => ({
  "targetDate-day": day,
  "targetDate-month": month,
  "targetDate-year": year,
});
const checkedBoxes = (html: string, idPrefix: string) =>
  [...html.matchAll(/<input[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => tag.includes(`id="${idPrefix}-`) && / checked=""/.test(tag))
    .map((tag) => /value="([^"]*)"/.exec(tag)?.[1]);

describe("practices in place", () => {
  it("the champion ticks practices with the component's save; they show again after reload", async () => {
    const before = await s.answer(assessmentId, "1.2");
    const saved = await s.post(champion, page("1.2"), {
      intent: "save",
      componentId: "1.2",
      version: String(before.version),
      status: "in_progress",
      opportunities: before.opportunities,
      practices: "2,0",
    });
    expect(saved.status).toBe(302);
    expect(await practicesOf("1.2")).toBe("[0,2]");
    expect((await s.answer(assessmentId, "1.2")).version).toBe(before.version + 1);
    expect(JSON.parse((await lastAudit()).detail)).toMatchObject({ practicesInPlace: [0, 2] });
    const html = await (await s.get(champion, page("1.2"))).text();
    expect(checkedBoxes(html, "c1-2-practices")).toEqual(["0", "2"]);
    // Readers see which are in place, without a form.
    const read = await (await s.get(steering, page("1.2"))).text();
    expect(read).toContain("In place");
    expect(checkedBoxes(read, "c1-2-practices")).toEqual([]);
  });

  it("a save without the practices field keeps them; an empty list clears them", async () => {
    const keep = await s.post(champion, page("1.2"), {
      intent: "save",
      componentId: "1.2",
      version: String((await s.answer(assessmentId, "1.2")).version),
      status: "in_progress",
      opportunities: "",
    });
    expect(keep.status).toBe(302);
    expect(await practicesOf("1.2")).toBe("[0,2]");
    const clear = await s.post(champion, page("1.2"), {
      intent: "save",
      componentId: "1.2",
      version: String((await s.answer(assessmentId, "1.2")).version),
      status: "in_progress",
      opportunities: "",
      practices: "",
    });
    expect(clear.status).toBe(302);
    expect(await practicesOf("1.2")).toBe("[]");
  });

  it("refuses a practice the component does not have, and a stale version conflicts", async () => {
    const before = await s.answer(assessmentId, "1.2");
    const audits = await auditCount();
    const unknown = await s.post(champion, page("1.2"), {
      intent: "save",
      componentId: "1.2",
      version: String(before.version),
      status: "in_progress",
      opportunities: "",
      practices: "0,40",
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("Select practices of this component");
    const stale = await s.post(secondChampion, page("1.2"), {
      intent: "save",
      componentId: "1.2",
      version: String(before.version - 1),
      status: "in_progress",
      opportunities: "",
      practices: "1",
    });
    expect(stale.status).toBe(409);
    // Saving over theirs posts the ticks again, from the panel's hidden field.
    expect(await stale.text()).toMatch(/name="practices" value="1"/);
    expect(await s.answer(assessmentId, "1.2")).toEqual(before);
    expect(await practicesOf("1.2")).toBe("[]");
    expect(await auditCount()).toBe(audits);
  });
});

describe("cross-cutting principles per domain", () => {
  it("saves ticks and a note per domain, audited, shown after reload", async () => {
    const saved = await s.post(champion, sheet(), {
      intent: "savePrinciples",
      domain: "2",
      version: "0",
      principles: "3,1",
      note: "Leadership is in the procurement strategy",
    });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toContain("savedPrinciples=2");
    expect(await principlesRow(2)).toEqual({
      principles_in_place: "[1,3]",
      note: "Leadership is in the procurement strategy",
      version: 1,
    });
    expect(await principlesRow(1)).toBeUndefined();
    expect((await lastAudit()).action).toBe("principles.saved");
    const html = await (await s.get(champion, sheet())).text();
    expect(checkedBoxes(html, "d2-principles-principles")).toEqual(["1", "3"]);
    expect(checkedBoxes(html, "d1-principles-principles")).toEqual([]);
    expect(html).toContain("Leadership is in the procurement strategy");
  });

  it("refuses an over-long note with the message, keeping the typing and storing nothing", async () => {
    const audits = await auditCount();
    const response = await s.post(champion, sheet(), {
      intent: "savePrinciples",
      domain: "2",
      version: "1",
      principles: "1,2,3",
      note: `Typed ${"x".repeat(2000)}`,
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("There is a problem");
    expect(html).toContain('href="#d2-principles-note"');
    expect(html).toContain("The note must be 2,000 characters or fewer");
    expect(html).toContain(`Typed ${"x".repeat(50)}`);
    expect((await principlesRow(2))?.version).toBe(1);
    expect((await principlesRow(2))?.principles_in_place).toBe("[1,3]");
    expect(await auditCount()).toBe(audits);
  });

  it("a second champion's stale save answers 409 with both versions; readers may not post", async () => {
    const stale = await s.post(secondChampion, sheet(), {
      intent: "savePrinciples",
      domain: "2",
      version: "0",
      principles: "6",
      note: "Second champion's note",
    });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain("Someone else saved these principles while you were editing");
    expect(html).toContain("Leadership is in the procurement strategy");
    expect(html).toContain("Second champion&#x27;s note");
    expect((await principlesRow(2))?.note).toBe("Leadership is in the procurement strategy");
    const refused = await s.post(steering, sheet(), {
      intent: "savePrinciples",
      domain: "2",
      version: "1",
      principles: "",
      note: "",
    });
    expect(refused.status).toBe(403);
    // Saving again over theirs carries the newer version.
    const over = await s.post(secondChampion, sheet(), {
      intent: "savePrinciples",
      domain: "2",
      version: "1",
      principles: "6",
      note: "Second champion's note",
    });
    expect(over.status).toBe(302);
    expect(await principlesRow(2)).toMatchObject({ principles_in_place: "[6]", version: 2 });
  });
});

describe("progression actions", () => {
  it("refuses a missing description, an unreal date and over-long text, storing nothing", async () => {
    const audits = await auditCount();
    const attempts = [
      [{ description: "  ", owner: "", ...typed("", "", "") }, "Enter the action"],
      [
        { description: "Run a jobs fair", ...typed("30", "2", "2027") },
        "The target date must be a real date",
      ],
      [
        { description: "Run a jobs fair", ...typed("31", "", "2027") },
        "The target date must include a month",
      ],
      // A date typed whole into the day field is not read as some other day.
      [
        { description: "Run a jobs fair", ...typed("01/12/2026", "", "") },
        "The target date must be a real date",
      ],
      [
        { description: "Run a jobs fair", ...typed("31", "12", "9999") },
        "The target date must be between 1 January 2021 and",
      ],
      [{ description: "x".repeat(501) }, "The action must be 500 characters or fewer"],
      [
        { description: "Run a jobs fair", owner: "o".repeat(201) },
        "The owner must be 200 characters or fewer",
      ],
    ] as const;
    for (const [fields, message] of attempts) {
      const response = await s.post(champion, page("1.1"), {
        intent: "addAction",
        componentId: "1.1",
        ...fields,
      });
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain(message);
      expect(html).toContain("There is a problem");
      // What was typed is kept in the three fields.
      if ("targetDate-year" in fields && fields["targetDate-year"]) {
        expect(html).toMatch(
          new RegExp(
            `id="c1-1-action-targetDate-year" name="targetDate-year"[^>]*value="${fields["targetDate-year"]}"`,
          ),
        );
      }
    }
    expect(await actionsOf("1.1")).toEqual([]);
    expect(await auditCount()).toBe(audits);
  });

  it("adds an action with owner and date, shows it, and removes it, each audited", async () => {
    const added = await s.post(champion, page("1.1"), {
      intent: "addAction",
      componentId: "1.1",
      description: "Run a jobs fair with the college",
      owner: "Head of workforce",
      ...typed("31", "3", "2027"),
    });
    expect(added.status).toBe(302);
    const [action] = await actionsOf("1.1");
    expect(action).toMatchObject({
      description: "Run a jobs fair with the college",
      owner: "Head of workforce",
      target_date: "2027-03-31",
    });
    expect((await lastAudit()).action).toBe("action.added");
    const html = await (await s.get(steering, page("1.1"))).text();
    expect(html).toContain("Run a jobs fair with the college");
    // The target date in words in the plan's table (issue 22, item 9), not 2027-03-31.
    expect(html).toContain('<td class="nhsuk-table__cell">31 March 2027</td>');

    // Only through the component it belongs to, and only by the champion.
    const wrong = await s.post(champion, page("1.2"), {
      intent: "removeAction",
      componentId: "1.2",
      actionId: String(action!.id),
    });
    expect(wrong.status).toBe(404);
    const reader = await s.post(steering, page("1.1"), {
      intent: "removeAction",
      componentId: "1.1",
      actionId: String(action!.id),
    });
    expect(reader.status).toBe(403);
    expect(await actionsOf("1.1")).toHaveLength(1);

    const removed = await s.post(champion, page("1.1"), {
      intent: "removeAction",
      componentId: "1.1",
      actionId: String(action!.id),
    });
    expect(removed.status).toBe(302);
    expect(await actionsOf("1.1")).toEqual([]);
    expect((await lastAudit()).action).toBe("action.removed");
  });
});

describe("reopening and what changed since the last submission", () => {
  const reopenPath = () => `${sheet()}/reopen`;
  const submissions = async () =>
    await s.read.all<{ id: number }>(
      "select id from assessment_submission where assessment_id = ?",
      assessmentId,
    );

  async function submitAll() {
    const notStarted = await s.read.all<{ component_id: string; version: number }>(
      "select component_id, version from component_answer where assessment_id = ? and status = 'not_started'",
      assessmentId,
    );
    for (const row of notStarted) {
      const response = await s.post(champion, page(row.component_id), {
        intent: "save",
        componentId: row.component_id,
        version: String(row.version),
        status: "in_progress",
        opportunities: "",
      });
      expect(response.status).toBe(302);
    }
    expect((await s.post(champion, sheet(), { intent: "submit" })).status).toBe(302);
  }

  it("the place lead sees the Reopen form on a submitted sheet; champions and readers do not", async () => {
    await submitAll();
    expect(await submissions()).toHaveLength(1);
    expect(await (await s.get(placeLead, sheet())).text()).toContain("Reopen self-assessment");
    expect(await (await s.get(admin, sheet())).text()).toContain("Reopen self-assessment");
    for (const visitor of [champion, steering]) {
      expect(await (await s.get(visitor, sheet())).text()).not.toContain("Reopen self-assessment");
    }
  });

  it("champions and steering members get 403, another place 404, and nothing changes", async () => {
    const audits = await auditCount();
    const form = { reason: "Taken over" };
    expect((await s.post(champion, reopenPath(), form)).status).toBe(403);
    expect((await s.post(steering, reopenPath(), form)).status).toBe(403);
    expect((await s.post(blackpoolChampion, reopenPath(), form)).status).toBe(404);
    // Blackpool is in another place: its sheet does not exist for this place lead.
    const other = `${s.sheetOf(s.blackpool)}/reopen`;
    expect((await s.post(placeLead, other, form)).status).toBe(404);
    expect((await s.assessmentOf(s.uhmb))?.status).toBe("submitted");
    expect(await auditCount()).toBe(audits);
  });

  it("the place lead must give a reason; with one, the sheet is a draft again, audited", async () => {
    const empty = await s.post(placeLead, reopenPath(), { reason: "  " });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Enter why the self-assessment is reopened");
    expect((await s.assessmentOf(s.uhmb))?.status).toBe("submitted");

    const reopened = await s.post(placeLead, reopenPath(), {
      reason: "The carbon figures were for the wrong year",
    });
    expect(reopened.status).toBe(302);
    expect((await s.assessmentOf(s.uhmb))?.status).toBe("draft");
    const audit = await lastAudit();
    expect(audit.action).toBe("assessment.reopened");
    expect(JSON.parse(audit.detail)).toEqual({
      reason: "The carbon figures were for the wrong year",
    });
    // Reopening twice is refused plainly.
    const again = await s.post(placeLead, reopenPath(), { reason: "Again" });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("not submitted, so there is nothing to reopen");
  });

  it("after an edit, the sheet shows what changed since the submission", async () => {
    let html = await (await s.get(champion, page("4.1"))).text();
    expect(html).not.toContain("Changed since last submission");
    const before = await s.answer(assessmentId, "4.1");
    const was = before.status === "in_progress" ? "In progress" : "Fulfilled";
    const saved = await s.post(champion, page("4.1"), {
      intent: "save",
      componentId: "4.1",
      version: String(before.version),
      status: "not_started",
      opportunities: "Carbon figures to be corrected",
    });
    expect(saved.status).toBe(302);
    html = await (await s.get(steering, page("4.1"))).text();
    const block = /id="c4-1-block"[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
    expect(block).toContain("Changed since last submission");
    expect(block).toContain(`status was: ${was}`);
    expect(block).toContain("opportunities changed");
    expect(html.match(/Changed since last submission/g)).toHaveLength(1);
  });

  it("the champion submits again; both submissions are kept", async () => {
    await submitAll();
    expect(await submissions()).toHaveLength(2);
    expect((await s.assessmentOf(s.uhmb))?.status).toBe("submitted");
    const html = await (await s.get(champion, sheet())).text();
    const rows = /<h2[^>]*>Submissions<\/h2>[\s\S]*?<\/table>/.exec(html)?.[0] ?? "";
    expect(rows.match(/<tr class="nhsuk-table__row">/g)).toHaveLength(3);
    expect(await (await s.get(champion, page("4.1"))).text()).not.toContain(
      "Changed since last submission",
    );
    // The submission keeps the plan as it was sent.
    const latest = await s.read.row<{ snapshot: string }>(
      "select snapshot from assessment_submission where assessment_id = ? order by id desc limit 1",
      assessmentId,
    );
    const snapshot = JSON.parse(latest.snapshot) as {
      answers: Array<{ componentId: string; practicesInPlace: number[] }>;
      principles: Record<string, { principlesInPlace: number[] }>;
    };
    expect(snapshot.principles["2"]?.principlesInPlace).toEqual([6]);
    expect(snapshot.answers.find((a) => a.componentId === "1.2")?.practicesInPlace).toEqual([]);
  });
});

describe("a freshly started month", () => {
  it("carries the plan forward and compares with the previous month's submission", async () => {
    // Blackpool's latest earlier month, submitted with 1.1 at a status it no longer has.
    const db = s.read;
    const previous = await db.one<{ id: number }>(
      `select a.id from assessment a join assessment_period p on p.id = a.period_id
       where a.organisation_id = ? and p.id != ? order by p.starts_on desc limit 1`,
      s.blackpool,
      s.openPeriod,
    );
    const answer = await db.one<{ id: number; status: string }>(
      "select id, status from component_answer where assessment_id = ? and component_id = '1.1'",
      previous.id,
    );
    const submittedStatus = answer.status === "fulfilled" ? "in_progress" : "fulfilled";
    await db.run("update component_answer set practices_in_place = '[1]' where id = ?", answer.id);
    await db.run(
      "insert into progression_action (component_answer_id, description, owner, target_date) values (?, ?, ?, ?)",
      answer.id,
      "Carried-forward action",
      "Workforce lead",
      "2027-01-31",
    );
    await db.run(
      "insert into domain_principles (assessment_id, domain_number, principles_in_place, note) values (?, 5, '[5]', 'Carried note')",
      previous.id,
    );
    const userId = await db.userId("champion.blackpool@example.com");
    const snapshot = {
      answers: [{ componentId: "1.1", status: submittedStatus, opportunities: "", evidence: [] }],
    };
    await db.run(
      "insert into assessment_submission (assessment_id, submitted_by, submitted_at, level, snapshot) values (?, ?, ?, null, ?)",
      previous.id,
      userId,
      "2026-10-31T12:00:00.000Z",
      JSON.stringify(snapshot),
    );

    const blackpoolSheet = s.sheetOf(s.blackpool);
    const started = await s.post(blackpoolChampion, blackpoolSheet, { intent: "start" });
    expect(started.status).toBe(302);
    const current = (await s.assessmentOf(s.blackpool))!.id;
    expect(
      (
        await s.read.row<{ practices_in_place: string }>(
          "select practices_in_place from component_answer where assessment_id = ? and component_id = '1.1'",
          current,
        )
      ).practices_in_place,
    ).toBe("[1]");
    expect(
      await s.read.all(
        "select domain_number, principles_in_place, note, version from domain_principles where assessment_id = ?",
        current,
      ),
    ).toEqual([{ domain_number: 5, principles_in_place: "[5]", note: "Carried note", version: 1 }]);

    const html = await (await s.get(blackpoolChampion, s.componentOf(s.blackpool, "1.1"))).text();
    const block = /id="c1-1-block"[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
    expect(block).toContain("Changed since last submission");
    expect(block).toContain(
      `status was: ${submittedStatus === "fulfilled" ? "Fulfilled" : "In progress"}`,
    );
    expect(block).toContain("Carried-forward action");
    expect(block).toContain("Workforce lead");
  });
});
