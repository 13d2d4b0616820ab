import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCharter } from "~/charter/content";
import { fakeNotifyTemplates, notifyRequests } from "../../mocks/notify";
import { serveNotifyMock } from "../../mocks/notify-server";
import { generousAttemptLimits, type RunningApp, startApp } from "../../setup/start-app";
import { createTestDatabase, openSql, type TestDatabase, type TestSql } from "../../setup/database";
import { signIn, visit, type Visitor } from "../../support/http";
import { addPerson, signInAsPerson } from "../../support/people";
import { DEMO_PASSWORD } from "../../../db/seed/demo-ics";

/**
 * The steering group's review queue over HTTP, on the demo data (issue 20):
 * what it holds and in which order (checked against a second, plain
 * implementation over the tables), that it holds nothing of another place,
 * that Next and a verdict walk it in that order, that "Verify all unchanged
 * since last verified" verifies only what was shown, and that a champion's
 * reply reaches the reviewer through GOV.UK Notify (the mock) and the queue.
 */
let database: TestDatabase;
let notify: Awaited<ReturnType<typeof serveNotifyMock>>;
let app: RunningApp;
let sql: TestSql;
let steering: Visitor;
let fyldeSteering: Visitor;
let champion: Visitor;
let place: { morecambeBay: number; fyldeCoast: number };

beforeAll(async () => {
  database = await createTestDatabase();
  notify = await serveNotifyMock();
  app = await startApp({ ...database.env, ...generousAttemptLimits, ...notify.env });
  sql = openSql(database.url);
  const placeId = async (name: string) =>
    Number((await sql.one<{ id: number }>("select id from place where name = ?", name)).id);
  place = {
    morecambeBay: await placeId("Morecambe Bay"),
    fyldeCoast: await placeId("Fylde Coast"),
  };
  steering = await signIn(app.url, "steering@example.com", DEMO_PASSWORD);
  champion = await signIn(app.url, "champion@example.com", DEMO_PASSWORD);
  fyldeSteering = await signInAsPerson(
    app.url,
    await addPerson(database.url, {
      email: "fylde.steering@nhs.example",
      grants: [{ role: "steering_member", placeId: place.fyldeCoast }],
    }),
  );
}, 120_000);

afterAll(async () => {
  await sql?.close();
  await app?.stop();
  await notify?.close();
  await database?.cleanup();
});

const order = new Map(
  loadCharter()
    .domains.flatMap((d) => d.components)
    .map((c, i) => [c.id, i]),
);

/** The queue worked out again from the tables, as plainly as it can be said. */
async function expectedQueue(placeId: number) {
  const organisations = await sql.all<{ id: number; name: string }>(
    "select id, name from organisation where place_id = ? or place_id is null",
    placeId,
  );
  const items: Array<{ key: string; submittedAt: string; name: string; component: string }> = [];
  for (const o of organisations) {
    const latest = await sql.all<{ id: number; period_id: number; submitted_at: string }>(
      `select a.id, a.period_id, a.submitted_at from assessment a join assessment_period p on p.id = a.period_id
       where a.organisation_id = ? and a.status = 'submitted' order by p.starts_on desc limit 1`,
      o.id,
    );
    if (!latest[0]) continue;
    const answers = await sql.all<{ id: number; component_id: string; version: number }>(
      "select id, component_id, version from component_answer where assessment_id = ? and status = 'fulfilled'",
      latest[0].id,
    );
    for (const answer of answers) {
      const reviews = await sql.all<{
        answer_version: number;
        evidence_key: string | null;
        verdict: string;
      }>(
        "select answer_version, evidence_key, verdict from component_review where component_answer_id = ? order by id desc limit 1",
        answer.id,
      );
      const evidence = await sql.all<{ id: number }>(
        "select evidence_item_id as id from component_evidence where component_answer_id = ?",
        answer.id,
      );
      const key = evidence
        .map((e) => Number(e.id))
        .sort((a, b) => a - b)
        .join(",");
      const review = reviews[0];
      const replied = await sql.all<{ n: number }>(
        "select count(*) as n from query_reply q join component_review r on r.id = q.review_id where r.component_answer_id = ?",
        answer.id,
      );
      const covered =
        review &&
        review.answer_version === answer.version &&
        (review.evidence_key === null || review.evidence_key === key);
      if (covered || (review?.verdict === "queried" && Number(replied[0]!.n) > 0)) continue;
      items.push({
        key: `/organisations/${o.id}/periods/${latest[0].period_id}/review/${answer.component_id}`,
        submittedAt: latest[0].submitted_at,
        name: o.name,
        component: answer.component_id,
      });
    }
  }
  items.sort(
    (a, b) =>
      a.submittedAt.localeCompare(b.submittedAt) ||
      a.name.localeCompare(b.name) ||
      order.get(a.component)! - order.get(b.component)!,
  );
  const replies = await sql.all<{
    organisation_id: number;
    period_id: number;
    component_id: string;
    last: string;
  }>(
    `select a.organisation_id, a.period_id, c.component_id, max(q.created_at) as last
     from component_review r join component_answer c on c.id = r.component_answer_id
     join assessment a on a.id = c.assessment_id join organisation o on o.id = a.organisation_id
     join query_reply q on q.review_id = r.id
     where r.verdict = 'queried' and (o.place_id = ? or o.place_id is null)
       and r.id = (select max(id) from component_review later where later.component_answer_id = r.component_answer_id)
     group by a.organisation_id, a.period_id, c.component_id order by last`,
    placeId,
  );
  return [
    ...replies.map(
      (r) => `/organisations/${r.organisation_id}/periods/${r.period_id}/review/${r.component_id}`,
    ),
    ...items.map((i) => i.key),
  ];
}

const html = async (visitor: Visitor, path: string) => {
  const response = await visit(app.url, path, { visitor });
  expect(response.status, path).toBe(200);
  return await response.text();
};
const hrefOf = (page: string, text: RegExp) =>
  [...page.matchAll(/<a [^>]*href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g)]
    .find((m) => text.test(m[2]!.replace(/<[^>]+>/g, "")))?.[1]
    ?.replace(/&amp;/g, "&");
const withoutQueue = (path: string) => decodeURIComponent(path.replace(/\?.*$/, ""));

/** The queue as a reviewer walks it: Start reviewing, then Next until there is none. */
async function walk(visitor: Visitor, placeId: number) {
  const start = hrefOf(await html(visitor, `/places/${placeId}/reviews`), /^Start reviewing$/);
  const seen: string[] = [];
  for (let path = start; path && seen.length < 200;) {
    expect(path).toContain(`queue=place-${placeId}`);
    seen.push(withoutQueue(path));
    path = hrefOf(await html(visitor, path), /^Next/);
  }
  return seen;
}

describe("the review queue", () => {
  it("holds what awaits review in the place and the system-wide organisations, in order", async () => {
    const expected = await expectedQueue(place.morecambeBay);
    expect(expected.length).toBeGreaterThan(2);
    expect(await walk(steering, place.morecambeBay)).toEqual(expected);
  });

  it("holds nothing of another place", async () => {
    const inPlace = async (placeId: number) =>
      new Set(
        (
          await sql.all<{ id: number }>(
            "select id from organisation where place_id = ? or place_id is null",
            placeId,
          )
        ).map((o) => Number(o.id)),
      );
    const fylde = await walk(fyldeSteering, place.fyldeCoast);
    expect(fylde).toEqual(await expectedQueue(place.fyldeCoast));
    const fyldeOrganisations = await inPlace(place.fyldeCoast);
    for (const path of fylde) {
      expect(fyldeOrganisations.has(Number(/\/organisations\/(\d+)/.exec(path)![1]))).toBe(true);
    }
    const morecambeBay = await inPlace(place.morecambeBay);
    for (const path of await walk(steering, place.morecambeBay)) {
      expect(morecambeBay.has(Number(/\/organisations\/(\d+)/.exec(path)![1]))).toBe(true);
    }
    // Another place's queue is not theirs: as that place's summary, it does not exist for them.
    const refused = await visit(app.url, `/places/${place.fyldeCoast}/reviews`, {
      visitor: steering,
    });
    expect(refused.status).toBe(404);
  });

  it("goes on to the next item after a verdict, and the item leaves the queue", async () => {
    const [first, second] = await walk(steering, place.morecambeBay);
    const page = await html(steering, `${first}?queue=place-${place.morecambeBay}`);
    const version =
      /name="answerVersion"[^>]*value="(\d+)"|value="(\d+)"[^>]*name="answerVersion"/.exec(page)!;
    const key =
      /name="evidenceKey"[^>]*value="([\d,]*)"|value="([\d,]*)"[^>]*name="evidenceKey"/.exec(page)!;
    const response = await visit(app.url, `${first}?queue=place-${place.morecambeBay}`, {
      visitor: steering,
      method: "POST",
      form: {
        verdict: "verified",
        comment: "",
        answerVersion: version[1] ?? version[2]!,
        evidenceKey: key[1] ?? key[2] ?? "",
      },
    });
    expect(response.status).toBe(302);
    expect(withoutQueue(response.headers.get("location")!)).toBe(second);
    expect(await walk(steering, place.morecambeBay)).not.toContain(first);
  });
});

describe("verifying all unchanged since last verified", () => {
  it("verifies exactly the answers shown, each its own review, and none of another place", async () => {
    const page = await html(steering, `/places/${place.morecambeBay}/reviews`);
    const items = /name="items" value="([^"]*)"/.exec(page)?.[1] ?? "";
    const tokens = items.split(" ").filter(Boolean);
    expect(tokens.length).toBeGreaterThan(0);
    expect(page).toContain("Unchanged since last verified");
    // An answer of another place's organisation, named as if shown: it must be left alone.
    const elsewhere = await sql.one<{ id: number; version: number }>(
      `select c.id, c.version from component_answer c join assessment a on a.id = c.assessment_id
       join organisation o on o.id = a.organisation_id where o.place_id = ? and c.status = 'fulfilled' limit 1`,
      place.fyldeCoast,
    );
    const [answerId, version] = tokens[0]!.split(":");
    const stale = `${answerId}:${Number(version) + 1}:`;
    const reviewsBefore = (
      await sql.one<{ n: number }>("select count(*) as n from component_review")
    ).n;
    const response = await visit(app.url, `/places/${place.morecambeBay}/reviews`, {
      visitor: steering,
      method: "POST",
      form: {
        intent: "verifyUnchanged",
        items: [...tokens, stale, `${elsewhere.id}:${elsewhere.version}:`].join(" "),
      },
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(
      `/places/${place.morecambeBay}/reviews?verified=${tokens.length}&skipped=2`,
    );
    const added = await sql.all<{ component_answer_id: number; comment: string; verdict: string }>(
      "select component_answer_id, comment, verdict from component_review order by id desc limit ?",
      tokens.length,
    );
    expect(
      Number((await sql.one<{ n: number }>("select count(*) as n from component_review")).n),
    ).toBe(Number(reviewsBefore) + tokens.length);
    expect(added.map((r) => Number(r.component_answer_id)).sort()).toEqual(
      tokens.map((t) => Number(t.split(":")[0])).sort(),
    );
    for (const review of added) {
      expect(review.verdict).toBe("verified");
      expect(review.comment).toMatch(/^Unchanged since verified in \w+ \d{4}\.$/);
    }
    const after = (
      await html(
        steering,
        `/places/${place.morecambeBay}/reviews?verified=${tokens.length}&skipped=2`,
      )
    ).replace(/<!-- -->/g, "");
    expect(after).toContain(
      `Verified ${tokens.length === 1 ? "1 component" : `${tokens.length} components`}`,
    );
    expect(after).not.toContain('name="items"');
  });

  it("refuses a form that names nothing it can read, and verifies nothing", async () => {
    const response = await visit(app.url, `/places/${place.morecambeBay}/reviews`, {
      visitor: steering,
      method: "POST",
      form: { intent: "verifyUnchanged", items: "drop table" },
    });
    expect(response.status).toBe(400);
  });
});

describe("a champion's reply to a query", () => {
  it("is emailed to the reviewer who asked, through GOV.UK Notify, and heads their queue", async () => {
    // The steering member queries one of UHMB's fulfilled components in its latest submitted month.
    const uhmb = Number(
      (
        await sql.one<{ id: number }>(
          "select id from organisation where name like 'University Hospitals of Morecambe Bay%'",
        )
      ).id,
    );
    const target = await sql.one<{
      period_id: number;
      component_id: string;
      version: number;
      id: number;
    }>(
      `select a.period_id, c.component_id, c.version, c.id from component_answer c
       join assessment a on a.id = c.assessment_id join assessment_period p on p.id = a.period_id
       where a.organisation_id = ? and a.status = 'submitted' and c.status = 'fulfilled'
       order by p.starts_on desc, c.component_id limit 1`,
      uhmb,
    );
    const evidence = await sql.all<{ id: number }>(
      "select evidence_item_id as id from component_evidence where component_answer_id = ? order by 1",
      target.id,
    );
    const reviewPath = `/organisations/${uhmb}/periods/${target.period_id}/review/${target.component_id}`;
    const queried = await visit(app.url, reviewPath, {
      visitor: steering,
      method: "POST",
      form: {
        verdict: "queried",
        comment: "Which board paper records this?",
        answerVersion: String(target.version),
        evidenceKey: evidence.map((e) => e.id).join(","),
      },
    });
    expect(queried.status).toBe(302);
    // The query's tag on the component says when in words (UK day), not as 2026-12-07.
    const componentPage = await visit(
      app.url,
      `/organisations/${uhmb}/periods/${target.period_id}/components/${target.component_id}`,
      { visitor: champion },
    );
    const today = new Intl.DateTimeFormat("en-GB", {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "Europe/London",
    }).format(new Date());
    const tag = /Queried<\/strong> by ([^<]+)/.exec(
      (await componentPage.text()).replace(/<!-- -->/g, ""),
    )?.[1];
    expect(tag).toBe(`Demo Steering Group Member on ${today}: `);
    const review = await sql.one<{ id: number }>(
      "select max(id) as id from component_review where component_answer_id = ?",
      target.id,
    );
    notifyRequests.length = 0;
    const replied = await visit(
      app.url,
      `/organisations/${uhmb}/periods/${target.period_id}/queries/${review.id}`,
      {
        visitor: champion,
        method: "POST",
        form: { body: "The July board paper, item 4.", evidence: "none" },
      },
    );
    expect(replied.status).toBe(302);
    const emails = notifyRequests.filter(
      (r) => r.body.template_id === fakeNotifyTemplates.query_reply,
    );
    expect(emails).toHaveLength(1);
    expect(emails[0]!.body).toMatchObject({
      email_address: "steering@example.com",
      personalisation: {
        name: "Demo Steering Group Member",
        component: expect.stringMatching(
          new RegExp(`^${target.component_id.replace(".", "\\.")} `),
        ),
        champion: "Demo Champion",
        link: `${app.url}${reviewPath}`,
      },
    });
    const audit = await sql.one<{ detail: string }>(
      "select detail from audit_event where action = 'query.reply_notified' order by id desc limit 1",
    );
    expect(JSON.parse(audit.detail)).toMatchObject({
      review: Number(review.id),
      emails: [{ status: "sent" }],
    });
    // Replies come first, the oldest first: the demo's waiting reply, then this one.
    const queue = await walk(steering, place.morecambeBay);
    expect(queue.slice(0, 2)).toContain(reviewPath);
    expect(queue.slice(2)).not.toContain(reviewPath);
    expect(await html(steering, `/places/${place.morecambeBay}/reviews`)).toContain("Your query");
  });
});
