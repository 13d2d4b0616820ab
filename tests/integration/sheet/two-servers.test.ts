import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../../db/seed/demo-ics";
import { pdfBytes } from "../../fixtures/files";
import { createTestDatabase, type TestDatabase } from "../../setup/database";
import { type RunningApp, startApp } from "../../setup/start-app";
import { lookup, signIn, visit, type Visitor } from "../../support/http";
import { addChampion, SECOND_CHAMPION, UHMB } from "./fixture";

/**
 * Two server processes on one database, as a deployment that outgrew one
 * machine runs: every guard must hold between them, not only inside one
 * process (on PostgreSQL each also has a pool of connections).
 */
let database: TestDatabase;
let servers: [RunningApp, RunningApp];
let read: ReturnType<typeof lookup>;
let champion: Visitor;
let sheet: string;
let periodId: number;
let organisationId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  const first = await startApp(database.env);
  servers = [first, await startApp(database.env)];
  read = lookup(database.url);
  organisationId = await read.organisationId(UHMB);
  periodId = (
    await read.row<{ id: number }>("select id from assessment_period where status = 'open'")
  ).id;
  await read.run(
    "delete from assessment where period_id = ? and organisation_id = ?",
    periodId,
    organisationId,
  );
  sheet = `/organisations/${organisationId}/periods/${periodId}`;
  // Sessions live in the database: signed in on one server is signed in on both.
  champion = await signIn(first.url, "champion@example.com", DEMO_PASSWORD);
}, 60_000);

afterAll(async () => {
  await read?.close();
  for (const server of servers ?? []) await server.stop();
  await database?.cleanup();
});

/** The same post sent `times` times at once, alternating between the two servers. */
function atOnce(
  times: number,
  form: (i: number) => Record<string, string>,
  path = sheet,
  visitor: Visitor = champion,
) {
  return Promise.all(
    Array.from({ length: times }, (_, i) =>
      visit(servers[i % 2]!.url, path, { visitor: { ...visitor }, method: "POST", form: form(i) }),
    ),
  );
}

const assessmentId = async () =>
  (
    await read.row<{ id: number }>(
      "select id from assessment where organisation_id = ? and period_id = ?",
      organisationId,
      periodId,
    )
  ).id;

describe("two servers on one database", () => {
  it("start one assessment however many times it is started at once", async () => {
    const responses = await atOnce(6, () => ({ intent: "start" }));
    expect(responses.map((r) => r.status)).toEqual(Array(6).fill(302));
    const assessments = await read.all(
      "select id from assessment where organisation_id = ? and period_id = ?",
      organisationId,
      periodId,
    );
    expect(assessments).toHaveLength(1);
    const answers = await read.row<{ n: number }>(
      "select count(*) as n from component_answer where assessment_id = ?",
      await assessmentId(),
    );
    expect(answers.n).toBe(16);
  });

  it("keep one of several saves made at once against the same version", async () => {
    const id = await assessmentId();
    const before = await read.row<{ version: number }>(
      "select version from component_answer where assessment_id = ? and component_id = '1.1'",
      id,
    );
    await atOnce(6, (i) => ({
      intent: "save",
      componentId: "1.1",
      version: String(before.version),
      status: "in_progress",
      opportunities: `Writer ${i} was here`,
    }));
    const after = await read.row<{ version: number; opportunities: string }>(
      "select version, opportunities from component_answer where assessment_id = ? and component_id = '1.1'",
      id,
    );
    expect(after.version).toBe(before.version + 1);
    expect(after.opportunities).toMatch(/^Writer \d was here$/);
  });

  it("accept a session signed in on one on the other, and end it on both at sign-out", async () => {
    const [a, b] = servers;
    const visitor = await signIn(a.url, "champion@example.com", DEMO_PASSWORD);
    const onB = await visit(b.url, `/organisations/${organisationId}`, { visitor: { ...visitor } });
    expect(onB.status).toBe(200);
    expect(await onB.text()).toContain(UHMB);

    expect(
      (await visit(b.url, "/sign-out", { visitor: { ...visitor }, method: "POST" })).status,
    ).toBe(302);
    const onA = await visit(a.url, `/organisations/${organisationId}`, { visitor: { ...visitor } });
    expect(onA.status).toBe(302);
    expect(onA.headers.get("location")).toMatch(/^\/sign-in/);
  });

  it("show the second of two champions saving through different servers a conflict, never overwrite", async () => {
    const [a, b] = servers;
    await addChampion(read, { email: SECOND_CHAMPION, name: "Second champion", organisationId });
    const second = await signIn(b.url, SECOND_CHAMPION, DEMO_PASSWORD);
    const id = await assessmentId();
    const { version } = await read.row<{ version: number }>(
      "select version from component_answer where assessment_id = ? and component_id = '2.1'",
      id,
    );
    const save = (server: RunningApp, visitor: Visitor, opportunities: string) =>
      visit(server.url, `${sheet}/components/2.1`, {
        visitor: { ...visitor },
        method: "POST",
        form: {
          intent: "save",
          componentId: "2.1",
          version: String(version),
          status: "in_progress",
          opportunities,
        },
      });
    expect((await save(a, champion, "The first champion's plan")).status).toBe(302);
    const refused = await save(b, second, "The second champion's plan");
    expect(refused.status).toBe(409);
    // Both versions are shown for the second champion to choose from.
    const page = await refused.text();
    expect(page).toContain("The first champion&#x27;s plan");
    expect(page).toContain("The second champion&#x27;s plan");
    expect(
      await read.row(
        "select version, opportunities from component_answer where assessment_id = ? and component_id = '2.1'",
        id,
      ),
    ).toEqual({ version: version + 1, opportunities: "The first champion's plan" });
  });

  it("serve an evidence file uploaded through one from the other (one shared evidence folder)", async () => {
    const [a, b] = servers;
    const form = new FormData();
    form.set("intent", "addEvidence");
    form.set("componentId", "2.2");
    form.set("kind", "file");
    form.set("title", "Board paper");
    form.set("file", new File([new Uint8Array(pdfBytes)], "board-paper.pdf"));
    const uploaded = await fetch(`${a.url}${sheet}`, {
      method: "POST",
      body: form,
      headers: { cookie: champion.cookie ?? "", origin: a.url },
      redirect: "manual",
    });
    expect(uploaded.status).toBe(302);
    const item = await read.row<{ id: number }>(
      "select id from evidence_item where file_name = 'board-paper.pdf' and organisation_id = ?",
      organisationId,
    );
    const download = await visit(b.url, `/organisations/${organisationId}/evidence/${item.id}`, {
      visitor: { ...champion },
    });
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdfBytes);
  });

  it("record one submission however many times it is sent at once", async () => {
    const id = await assessmentId();
    await read.run(
      "update component_answer set status = 'in_progress' where assessment_id = ? and status = 'not_started'",
      id,
    );
    const responses = await atOnce(6, () => ({ intent: "submit" }));
    expect(responses.map((r) => r.status)).toEqual(Array(6).fill(302));
    const submissions = await read.all(
      "select id from assessment_submission where assessment_id = ?",
      id,
    );
    expect(submissions).toHaveLength(1);
  });

  it("count sign-in attempts together: the limit is the limit across both", async () => {
    const responses = await atOnce(
      10,
      (i) => ({ email: "steering@example.com", password: `wrong password ${i}` }),
      "/sign-in",
      { cookie: null },
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(5).fill(400), ...Array(5).fill(429)]);
  });
});
