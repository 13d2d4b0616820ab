import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCharter } from "~/charter/content";
import { computeLevel } from "~/charter/scoring";
import { pdfBytes } from "../../fixtures/files";
import type { Visitor } from "../../support/http";
import { SECOND_CHAMPION, type SheetApp, startSheetApp } from "./fixture";

let s: SheetApp;
let champion: Visitor;
let secondChampion: Visitor;
let steering: Visitor;
let blackpoolChampion: Visitor;
let assessmentId: number;

beforeAll(async () => {
  s = await startSheetApp();
  champion = await s.signInAs("champion@example.com");
  secondChampion = await s.signInAs(SECOND_CHAMPION);
  steering = await s.signInAs("steering@example.com");
  blackpoolChampion = await s.signInAs("champion.blackpool@example.com");
}, 60_000);

afterAll(async () => {
  await s?.stop();
});

const sheet = () => s.sheetOf(s.uhmb);
const auditCount = async () =>
  (await s.read.row<{ n: number }>("select count(*) as n from audit_event")).n;
const componentPage = (componentId: string) => s.componentOf(s.uhmb, componentId);
const save = (visitor: Visitor, componentId: string, fields: Record<string, string>) =>
  s.post(visitor, componentPage(componentId), { intent: "save", componentId, ...fields });

/** The reuse form's radio for an item (its input tag), or undefined. */
const radioOf = (html: string, id: number) =>
  new RegExp(`<input[^>]*name="evidenceId" type="radio"[^>]*value="${id}"/>`).exec(html)?.[0];

/** The reuse form's radio for an item, labelled with its title. */
const radioFor = (id: number, title: string) =>
  new RegExp(
    `<input[^>]*name="evidenceId" type="radio"[^>]*value="${id}"/><label[^>]*>${title}</label>`,
  );

/** The hint under an item's radio in the reuse form: what tells it apart. */
function hintOf(html: string, id: number): string | undefined {
  const describedBy = /aria-describedby="([^"]+)"/.exec(radioOf(html, id) ?? "")?.[1];
  if (!describedBy) return undefined;
  return new RegExp(`id="${describedBy}">([^<]*)</div>`).exec(html)?.[1];
}

/** A component of the new assessment with no evidence and not fulfilled. */
async function bareComponent(): Promise<string> {
  return (
    await s.read.row<{ component_id: string }>(
      `select component_id from component_answer ca where assessment_id = ? and status != 'fulfilled'
     and not exists (select 1 from component_evidence where component_answer_id = ca.id)
     order by component_id limit 1`,
      assessmentId,
    )
  ).component_id;
}

describe("starting a month", () => {
  it("a reader sees the month read-only and cannot start it", async () => {
    const page = await s.get(steering, sheet());
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("No self-assessment has been started for this month");
    expect(html).not.toContain("Start this month");
    const refused = await s.post(steering, sheet(), { intent: "start" });
    expect(refused.status).toBe(403);
    expect(await s.assessmentOf(s.uhmb)).toBeUndefined();
  });

  it("opening the page creates nothing; the champion's Start copies last month's answers forward", async () => {
    const page = await s.get(champion, sheet());
    expect(await page.text()).toContain("Start this month&#x27;s self-assessment");
    expect(await s.assessmentOf(s.uhmb)).toBeUndefined();

    const started = await s.post(champion, sheet(), { intent: "start" });
    expect(started.status).toBe(302);
    const assessment = await s.assessmentOf(s.uhmb);
    expect(assessment?.status).toBe("draft");
    assessmentId = assessment!.id;

    const previous = (
      await s.read.row<{ id: number }>(
        `select a.id from assessment a join assessment_period p on p.id = a.period_id
       where a.organisation_id = ? and a.id != ? order by p.starts_on desc limit 1`,
        s.uhmb,
        assessmentId,
      )
    ).id;
    const answers = async (id: number) =>
      await s.read.all<{
        component_id: string;
        status: string;
        opportunities: string;
        items: number;
        answered: number;
      }>(
        `select component_id, status, opportunities,
           (select count(*) from component_evidence where component_answer_id = ca.id) as items,
           case when answered_at is null then 0 else 1 end as answered
         from component_answer ca where assessment_id = ? order by component_id`,
        id,
      );
    // An answer carried forward stays answered (ADR 026), so a month's update starts where the last left off.
    expect(await answers(assessmentId)).toEqual(await answers(previous));
    expect(await answers(assessmentId)).toHaveLength(16);
    expect((await answers(assessmentId)).every((a) => Number(a.answered) === 1)).toBe(true);
    const overview = await (await s.get(champion, sheet())).text();
    expect(overview).toContain("16 of 16 components answered");

    // Starting again (a second tab, a double click) keeps the one assessment.
    expect((await s.post(champion, sheet(), { intent: "start" })).status).toBe(302);
    expect(
      (
        await s.read.row<{ n: number }>(
          "select count(*) as n from assessment where organisation_id = ? and period_id = ?",
          s.uhmb,
          s.openPeriod,
        )
      ).n,
    ).toBe(1);
  });
});

describe("saving a component", () => {
  it("saves status and opportunities, bumps the version and records it in the audit log", async () => {
    const id = await bareComponent();
    const before = await s.answer(assessmentId, id);
    const response = await save(champion, id, {
      version: String(before.version),
      status: "in_progress",
      opportunities: "Talk to the college about apprenticeships",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toContain(`saved=${id}`);
    expect(await s.answer(assessmentId, id)).toMatchObject({
      status: "in_progress",
      opportunities: "Talk to the college about apprenticeships",
      version: before.version + 1,
    });
    const audit = await s.read.row<{ action: string; detail: string }>(
      "select action, detail from audit_event order by id desc limit 1",
    );
    expect(audit.action).toBe("component.saved");
    expect(JSON.parse(audit.detail)).toMatchObject({ component: id, to: "in_progress" });
    const page = await (await s.get(champion, componentPage(id))).text();
    expect(page).toContain("Talk to the college about apprenticeships");
    const overview = await (await s.get(champion, sheet())).text();
    expect(overview).toContain(
      "Self-assessed level from the statuses saved so far (not submitted)",
    );

    // A steering group member reads the same answers, with no form to change them.
    const read = await (await s.get(steering, componentPage(id))).text();
    expect(read).toContain("Talk to the college about apprenticeships");
    expect(read).not.toContain('name="intent"');
  });

  it("refuses Fulfilled without evidence with a clear message, keeping what was typed", async () => {
    const id = await bareComponent();
    const before = await s.answer(assessmentId, id);
    const audits = await auditCount();
    const response = await save(champion, id, {
      version: String(before.version),
      status: "fulfilled",
      opportunities: "Typed but refused",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("There is a problem");
    expect(html).toContain("Add at least one piece of evidence before marking this component");
    expect(html).toContain("Typed but refused");
    expect(await s.answer(assessmentId, id)).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it("refuses over-long text and an unknown component with 400, storing nothing", async () => {
    const id = await bareComponent();
    const before = await s.answer(assessmentId, id);
    const audits = await auditCount();
    const long = await save(champion, id, {
      version: String(before.version),
      status: "in_progress",
      opportunities: "x".repeat(5001),
    });
    expect(long.status).toBe(400);
    expect(await long.text()).toContain("must be 5,000 characters or fewer");
    const unknown = await save(champion, "9.9", {
      version: "1",
      status: "in_progress",
      opportunities: "Nowhere",
    });
    expect(unknown.status).toBe(400);
    const evidence = await s.post(champion, sheet(), {
      intent: "addEvidence",
      componentId: "9.9",
      kind: "narrative",
      title: "Ghost",
      body: "Nowhere",
    });
    expect(evidence.status).toBe(400);
    expect(await s.answer(assessmentId, id)).toEqual(before);
    expect(
      (
        await s.read.row<{ n: number }>(
          "select count(*) as n from component_answer where assessment_id = ? and component_id = '9.9'",
          assessmentId,
        )
      ).n,
    ).toBe(0);
    expect(
      (
        await s.read.row<{ n: number }>(
          "select count(*) as n from evidence_item where title = 'Ghost'",
        )
      ).n,
    ).toBe(0);
    expect(await auditCount()).toBe(audits);
  });

  it("with evidence added, Fulfilled is accepted; the last item of a fulfilled component stays", async () => {
    const id = await bareComponent();
    const bad = await s.post(champion, sheet(), {
      intent: "addEvidence",
      componentId: id,
      kind: "link",
      title: "Our policy",
      url: "javascript:alert(1)",
    });
    expect(bad.status).toBe(400);
    const added = await s.post(champion, sheet(), {
      intent: "addEvidence",
      componentId: id,
      kind: "link",
      title: "Our policy",
      url: "https://example.org/policy",
    });
    expect(added.status).toBe(302);
    const item = await s.read.row<{ id: number; url: string; organisation_id: number }>(
      "select id, url, organisation_id from evidence_item where title = 'Our policy'",
    );
    expect(item).toMatchObject({ url: "https://example.org/policy", organisation_id: s.uhmb });

    const before = await s.answer(assessmentId, id);
    const fulfilled = await save(champion, id, {
      version: String(before.version),
      status: "fulfilled",
      opportunities: "",
    });
    expect(fulfilled.status).toBe(302);
    expect((await s.answer(assessmentId, id)).status).toBe("fulfilled");

    const remove = await s.post(champion, sheet(), {
      intent: "removeEvidence",
      componentId: id,
      evidenceId: String(item.id),
    });
    expect(remove.status).toBe(400);
    expect(await remove.text()).toContain("A fulfilled component needs at least one piece");
    expect(
      (
        await s.read.row<{ n: number }>(
          "select count(*) as n from component_evidence where component_answer_id = ?",
          before.id,
        )
      ).n,
    ).toBe(1);
  });
});

describe("two champions editing the same component", () => {
  it("the second save answers 409 with both versions; saving over it needs the newer version", async () => {
    const id = await bareComponent();
    const loaded = (await s.answer(assessmentId, id)).version;
    const first = await save(champion, id, {
      version: String(loaded),
      status: "in_progress",
      opportunities: "First champion's plan",
    });
    expect(first.status).toBe(302);

    const second = await save(secondChampion, id, {
      version: String(loaded),
      status: "in_progress",
      opportunities: "Second champion's plan",
    });
    expect(second.status).toBe(409);
    const html = await second.text();
    expect(html).toContain("Someone else saved this component while you were editing");
    expect(html).toContain("First champion&#x27;s plan");
    expect(html).toContain("Second champion&#x27;s plan");
    expect(await s.answer(assessmentId, id)).toMatchObject({
      opportunities: "First champion's plan",
      version: loaded + 1,
    });

    const over = await save(secondChampion, id, {
      version: String(loaded + 1),
      status: "in_progress",
      opportunities: "Second champion's plan",
    });
    expect(over.status).toBe(302);
    expect(await s.answer(assessmentId, id)).toMatchObject({
      opportunities: "Second champion's plan",
      version: loaded + 2,
    });
  });
});

describe("a component's own page", () => {
  it("Save and continue goes to the next component, and after the last to the overview", async () => {
    const ids = loadCharter().domains.flatMap((d) => d.components.map((c) => c.id));
    const [first, second] = [ids[0]!, ids[1]!];
    const last = ids[ids.length - 1]!;
    const page = await (await s.get(champion, componentPage(first))).text();
    expect(page).toContain("Save and continue");
    expect(page).toContain(`href="${componentPage(second)}"`);
    expect(page).toContain(`href="${sheet()}"`);
    const on = await save(champion, first, {
      version: String((await s.answer(assessmentId, first)).version),
      status: "in_progress",
      opportunities: "Onwards",
      then: "next",
    });
    expect(on.status).toBe(302);
    expect(on.headers.get("location")).toBe(componentPage(second));
    const end = await save(champion, last, {
      version: String((await s.answer(assessmentId, last)).version),
      status: "in_progress",
      opportunities: "The last one",
      then: "next",
    });
    expect(end.headers.get("location")).toBe(`${sheet()}#check-before-submit`);
    expect((await s.answer(assessmentId, last)).opportunities).toBe("The last one");
  });

  it("refuses a post naming another component, and answers 404 for one the charter lacks", async () => {
    const ids = loadCharter().domains.flatMap((d) => d.components.map((c) => c.id));
    const before = await s.answer(assessmentId, ids[1]!);
    const refused = await s.post(champion, componentPage(ids[0]!), {
      intent: "save",
      componentId: ids[1]!,
      version: String(before.version),
      status: "in_progress",
      opportunities: "Sent from the wrong page",
    });
    expect(refused.status).toBe(400);
    expect(await s.answer(assessmentId, ids[1]!)).toEqual(before);
    expect((await s.get(champion, componentPage("9.9"))).status).toBe(404);
    expect((await s.get(champion, componentPage("1.1' or 1=1"))).status).toBe(404);
  });

  it("offers the organisation's evidence only on a component's page, found by a search on the server", async () => {
    const id = await bareComponent();
    const title = `Findable report ${Date.now()}`;
    const added = await s.post(champion, componentPage(id), {
      intent: "addEvidence",
      componentId: id,
      kind: "narrative",
      title,
      body: "Searchable narrative",
    });
    expect(added.status).toBe(302);
    const item = await s.read.row<{ id: number }>(
      "select id from evidence_item where title = ?",
      title,
    );
    expect(added.headers.get("location")).toContain(
      `#c${id.replace(".", "-")}-evidence-item-${item.id}`,
    );
    expect(await (await s.get(champion, sheet())).text()).not.toContain(
      "Use evidence your organisation",
    );
    const other = loadCharter()
      .domains.flatMap((d) => d.components.map((c) => c.id))
      .find((c) => c !== id)!;
    const found = await (
      await s.get(
        champion,
        `${componentPage(other)}?evidenceSearch=${encodeURIComponent("FINDABLE report")}`,
      )
    ).text();
    expect(found).toMatch(radioFor(item.id, title));
    const none = await (
      await s.get(
        champion,
        `${componentPage(other)}?evidenceSearch=${encodeURIComponent("no such 100%_")}`,
      )
    ).text();
    expect(radioOf(none, item.id)).toBeUndefined();
    // Already on the component, it is not offered there again.
    const own = await (
      await s.get(champion, `${componentPage(id)}?evidenceSearch=Findable`)
    ).text();
    expect(radioOf(own, item.id)).toBeUndefined();
  });

  it("tells apart evidence of the same title by what it is, the month it was added and where it is", async () => {
    const [first, second, elsewhere] = loadCharter()
      .domains.flatMap((d) => d.components.map((c) => c.id))
      .slice(-3) as [string, string, string];
    const title = `Share of spend with local suppliers ${Date.now()}`;
    const add = async (componentId: string, fields: Record<string, string>) => {
      const response = await s.post(champion, componentPage(componentId), {
        intent: "addEvidence",
        componentId,
        title,
        ...fields,
      });
      expect(response.status).toBe(302);
    };
    await add(first, {
      kind: "measure",
      measureValue: "42",
      measureUnit: "%",
      measureDate: "2026-11-30",
    });
    await add(second, {
      kind: "measure",
      measureValue: "38.5",
      measureUnit: "%",
      measureDate: "2026-11-30",
    });
    await add(first, { kind: "narrative", body: "How we count local spend" });
    const upload = new FormData();
    for (const [k, v] of Object.entries({ intent: "addEvidence", componentId: second })) {
      upload.set(k, v);
    }
    upload.set("kind", "file");
    upload.set("title", title);
    upload.set("file", new File([new Uint8Array(pdfBytes)], "spend.pdf"));
    const uploaded = await fetch(`${s.app.url}${componentPage(second)}`, {
      method: "POST",
      body: upload,
      headers: { cookie: champion.cookie ?? "", origin: s.app.url },
      redirect: "manual",
    });
    expect(uploaded.status).toBe(302);
    const items = await s.read.all<{ id: number; kind: string; measure_value: number | null }>(
      "select id, kind, measure_value from evidence_item where title = ? order by id",
      title,
    );
    expect(items.map((i) => i.kind)).toEqual(["measure", "measure", "narrative", "file"]);
    const [measure42, measure38, narrative, file] = items as [
      (typeof items)[0],
      (typeof items)[0],
      (typeof items)[0],
      (typeof items)[0],
    ];
    // One added in an earlier month (a UK summer day, so BST); the rest now.
    await s.read.run(
      "update evidence_item set created_at = ? where id = ?",
      "2026-07-31T23:30:00.000Z",
      measure42.id,
    );
    // The narrative is on a second component too: both are named.
    const reused = await s.post(champion, componentPage(elsewhere), {
      intent: "reuseEvidence",
      componentId: elsewhere,
      evidenceId: String(narrative.id),
    });
    expect(reused.status).toBe(302);
    const now = new Intl.DateTimeFormat("en-GB", {
      month: "long",
      year: "numeric",
      timeZone: "Europe/London",
    }).format(new Date());
    const page = `${componentPage(await bareComponent())}?evidenceSearch=${encodeURIComponent(title)}`;
    const html = await (await s.get(champion, page)).text();
    const hints = Object.fromEntries(
      items.map((item) => [item.kind + (item.measure_value ?? ""), hintOf(html, item.id)]),
    );
    expect(hints).toEqual({
      measure42: `Measure: 42 %. Added in August 2026, on component ${first}.`,
      "measure38.5": `Measure: 38.5 %. Added in ${now}, on component ${second}.`,
      narrative: `Narrative. Added in ${now}, on components ${first} and ${elsewhere}.`,
      file: `File: spend.pdf. Added in ${now}, on component ${second}.`,
    });
    // On its component, a measure's date is in words too (issue 22, item 9).
    const onFirst = (await (await s.get(champion, componentPage(first))).text()).replace(
      /<!-- -->/g,
      "",
    );
    expect(onFirst).toContain(`<strong>${title}</strong>: 42 % (30 November 2026)`);
    for (const item of [measure42, measure38, narrative, file]) {
      expect(html).toMatch(radioFor(item.id, title));
    }
  });
});

describe("posting to a sheet that is not yours", () => {
  it("a champion of another trust, or one guessing ids, is refused and nothing changes", async () => {
    const id = await bareComponent();
    const before = await s.answer(assessmentId, id);
    const audits = await auditCount();
    const attempts = [
      s.post(blackpoolChampion, sheet(), {
        intent: "save",
        componentId: id,
        version: String(before.version),
        status: "in_progress",
        opportunities: "Taken over",
      }),
      s.post(blackpoolChampion, sheet(), { intent: "start" }),
      s.post(blackpoolChampion, sheet(), { intent: "submit" }),
      s.post(steering, sheet(), {
        intent: "save",
        componentId: id,
        version: String(before.version),
        status: "in_progress",
        opportunities: "Taken over",
      }),
    ];
    const statuses = (await Promise.all(attempts)).map((r) => r.status);
    expect(statuses).toEqual([404, 404, 404, 403]);

    // UHMB's champion on a period that does not exist.
    const guessed = await s.post(champion, s.sheetOf(s.uhmb, 999999), { intent: "start" });
    expect(guessed.status).toBe(404);

    expect(await s.answer(assessmentId, id)).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it("UHMB's champion cannot change Blackpool's started sheet, which stays as it was", async () => {
    const otherSheet = s.sheetOf(s.blackpool);
    expect((await s.post(blackpoolChampion, otherSheet, { intent: "start" })).status).toBe(302);
    const blackpoolAssessment = (await s.assessmentOf(s.blackpool))!.id;
    const everything = async () =>
      await s.read.all(
        `select ca.component_id, ca.status, ca.opportunities, ca.version,
           (select count(*) from component_evidence where component_answer_id = ca.id) as items
         from component_answer ca where assessment_id = ? order by component_id`,
        blackpoolAssessment,
      );
    const before = await everything();
    const audits = await auditCount();
    const target = await s.answer(blackpoolAssessment, "1.1");
    const attempts: Array<Record<string, string>> = [
      {
        intent: "save",
        componentId: "1.1",
        version: String(target.version),
        status: "in_progress",
        opportunities: "Taken over",
      },
      {
        intent: "addEvidence",
        componentId: "1.1",
        kind: "narrative",
        title: "Planted",
        body: "Planted",
      },
      { intent: "removeEvidence", componentId: "1.1", evidenceId: "1" },
      { intent: "submit" },
      { intent: "start" },
    ];
    for (const form of attempts) {
      expect((await s.post(champion, otherSheet, form)).status).toBe(404);
    }
    expect(await everything()).toEqual(before);
    expect((await s.assessmentOf(s.blackpool))?.status).toBe("draft");
    expect(await auditCount()).toBe(audits);
  });
});

describe("submitting", () => {
  it("names the components not answered, accepts Not started, then records one submission however often it is sent", async () => {
    // A component nobody has answered yet, as in a first month (starting makes such rows).
    const unanswered = await bareComponent();
    await s.read.run(
      "update component_answer set status = 'not_started', answered_at = null where assessment_id = ? and component_id = ?",
      assessmentId,
      unanswered,
    );
    const overview = await (await s.get(champion, sheet())).text();
    expect(overview).toContain("15 of 16 components answered");
    expect(overview).toContain("Check before you submit");
    expect(overview).toContain(`href="${componentPage(unanswered)}"`);
    const incomplete = await s.post(champion, sheet(), { intent: "submit" });
    expect(incomplete.status).toBe(400);
    const html = await incomplete.text();
    expect(html).toContain(`href="#check-${unanswered}"`);
    expect(html).toContain(`${unanswered} `);
    expect((await s.assessmentOf(s.uhmb))?.status).toBe("draft");

    // Saving opportunities without a status leaves it not answered.
    const typed = await save(champion, unanswered, {
      version: String((await s.answer(assessmentId, unanswered)).version),
      opportunities: "Thinking about it",
    });
    expect(typed.status).toBe(302);
    expect((await s.post(champion, sheet(), { intent: "submit" })).status).toBe(400);

    // Not started is an honest answer, and enough to submit.
    const answered = await save(champion, unanswered, {
      version: String((await s.answer(assessmentId, unanswered)).version),
      status: "not_started",
      opportunities: "Not begun this year",
    });
    expect(answered.status).toBe(302);
    expect(
      (await (await s.get(champion, sheet())).text()).includes("16 of 16 components answered"),
    ).toBe(true);
    const [first, second] = await Promise.all([
      s.post(champion, sheet(), { intent: "submit" }),
      s.post(secondChampion, sheet(), { intent: "submit" }),
    ]);
    expect([first.status, second.status]).toEqual([302, 302]);
    expect((await s.post(champion, sheet(), { intent: "submit" })).status).toBe(302);

    const submissions = await s.read.all<{ level: string | null; snapshot: string }>(
      "select level, snapshot from assessment_submission where assessment_id = ?",
      assessmentId,
    );
    expect(submissions).toHaveLength(1);
    const snapshot = JSON.parse(submissions[0]!.snapshot) as {
      answers: Array<{ componentId: string; status: string }>;
    };
    expect(snapshot.answers).toHaveLength(16);
    expect(snapshot.answers.find((a) => a.componentId === unanswered)?.status).toBe("not_started");
    const fulfilled = snapshot.answers.filter((a) => a.status === "fulfilled");
    const expected = computeLevel(
      loadCharter(),
      fulfilled.map((a) => a.componentId),
    );
    expect(submissions[0]!.level).toBe(expected.level);
    expect((await s.assessmentOf(s.uhmb))?.status).toBe("submitted");
  });

  it("a submitted sheet is read-only, refuses changes, and shows its submission", async () => {
    const id = await bareComponent();
    const before = await s.answer(assessmentId, id);
    const refused = await save(champion, id, {
      version: String(before.version),
      status: "in_progress",
      opportunities: "Too late",
    });
    expect(refused.status).toBe(403);
    expect(await s.answer(assessmentId, id)).toEqual(before);
    const page = await (await s.get(champion, sheet())).text();
    expect(page).toContain("It can no longer be changed");
    expect(page).not.toContain('name="intent" value="save"');
    const by = (
      await s.read.row<{ name: string }>(
        `select u.name from assessment_submission s join app_user u on u.id = s.submitted_by
       where s.assessment_id = ?`,
        assessmentId,
      )
    ).name;
    expect(page).toContain("Submissions");
    expect(page).toContain(`<td class="nhsuk-table__cell">${by}</td>`);
  });
});
