import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed/demo-ics";
import { createTestDatabase, type TestDatabase } from "../setup/database";
import { type RunningApp, startApp } from "../setup/start-app";
import { lookup, signIn, visit } from "../support/http";
import { ruinDatabase } from "./security/edge";
import { UHMB } from "./sheet/fixture";

/** What operations see: health checks, request logs and a clean stop, over real HTTP. */
const started: Array<{ app: RunningApp; database: TestDatabase }> = [];
afterEach(async () => {
  for (const { app, database } of started.splice(0)) {
    await app.stop();
    await database.cleanup();
  }
});

async function start(env: Record<string, string> = {}) {
  const database = await createTestDatabase();
  const app = await startApp({ ...database.env, ...env });
  started.push({ app, database });
  return { app, database };
}

async function json(response: Response) {
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(response.headers.get("set-cookie")).toBeNull();
  return response.json();
}

describe("health checks, without signing in", () => {
  it("/healthz says the process is up, /readyz that it can serve", async () => {
    const { app } = await start();
    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await json(health)).toEqual({ status: "ok" });
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await json(ready)).toEqual({ status: "ready" });
  });

  it("/readyz answers 503 while a migration this build knows has not run, saying nothing more", async () => {
    const { app, database } = await start();
    const db = lookup(database.url);
    try {
      await db.run(
        "delete from kysely_migration where name = (select max(name) from kysely_migration)",
      );
    } finally {
      await db.close();
    }
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await json(ready)).toEqual({ status: "not ready" });
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });

  it("/readyz answers 503 when the database is gone, and no error text leaves the server", async () => {
    const { app, database } = await start();
    await ruinDatabase(database);
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.text()).toBe('{"status":"not ready"}');
  });
});

describe("LOG_FORMAT=json", () => {
  it("writes one line per request with its route pattern, and never a token or password", async () => {
    const { app } = await start({ LOG_FORMAT: "json" });
    const token = "Secret-Invitation-Token-123";
    await visit(app.url, `/invitations/${token}?again=${token}`);
    await signIn(app.url, "champion@example.com", DEMO_PASSWORD);
    await fetch(`${app.url}/healthz`);

    await expect.poll(() => requestLines(app).length).toBeGreaterThanOrEqual(3);
    const lines = requestLines(app);
    const invitation = lines.find((l) => l.route === "/invitations/:token");
    expect(invitation).toMatchObject({ method: "GET", status: expect.any(Number) });
    expect(invitation!.durationMs).toBeGreaterThanOrEqual(0);
    expect(invitation!.requestId).toMatch(/^[0-9a-f]{8}$/);
    expect(lines.find((l) => l.route === "/sign-in" && l.method === "POST")).toMatchObject({
      status: 302,
    });
    expect(lines.find((l) => l.route === "/healthz")).toMatchObject({ status: 200 });
    expect(new Set(lines.map((l) => l.requestId)).size).toBe(lines.length);
    // The start-up banner prints the demo password on purpose; the log lines never do.
    const logged = JSON.stringify(lines);
    expect(app.output()).not.toContain(token);
    expect(logged).not.toContain(DEMO_PASSWORD);
    expect(logged).not.toMatch(/cookie|anchor_session/i);
  });

  it("is off by default", async () => {
    const { app } = await start();
    await fetch(`${app.url}/healthz`);
    expect(requestLines(app)).toEqual([]);
  });
});

type RequestLine = {
  msg: string;
  method: string;
  route: string;
  status: number;
  durationMs: number;
  requestId: string;
};

function requestLines(app: RunningApp): RequestLine[] {
  return app
    .output()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as RequestLine)
    .filter((line) => line.msg === "request");
}

describe("stopping", () => {
  let stopping: { app: RunningApp; database: TestDatabase };
  beforeAll(async () => {
    const database = await createTestDatabase();
    stopping = { app: await startApp(database.env), database };
  });
  afterAll(async () => {
    await stopping?.app.stop();
    await stopping?.database.cleanup();
  });

  it("finishes the saves already sent before the process ends", async () => {
    const { app, database } = stopping;
    const read = lookup(database.url);
    try {
      const organisationId = await read.organisationId(UHMB);
      const period = await read.row<{ id: number }>(
        "select id from assessment_period where status = 'open'",
      );
      const sheet = `/organisations/${organisationId}/periods/${period.id}`;
      const champion = await signIn(app.url, "champion@example.com", DEMO_PASSWORD);
      // A component's save goes to its own page (ADR 026); starting is the overview's.
      const post = (form: Record<string, string>) =>
        visit(app.url, form.componentId ? `${sheet}/components/${form.componentId}` : sheet, {
          visitor: { ...champion },
          method: "POST",
          form,
        });
      expect((await post({ intent: "start" })).status).toBe(302);
      const answers = await read.all<{ component_id: string; version: number }>(
        `select c.component_id, c.version from component_answer c join assessment a on a.id = c.assessment_id
         where a.organisation_id = ? and a.period_id = ? order by c.component_id`,
        organisationId,
        period.id,
      );

      const saves = answers.map((a) =>
        post({
          intent: "save",
          componentId: a.component_id,
          version: String(a.version),
          status: "in_progress",
          opportunities: `Saved while stopping: ${a.component_id}`,
        }),
      );
      // SIGTERM while the saves are on their way: once the first is answered, so the server has
      // surely taken some (a fixed 20 ms was too soon on a busy machine) and others are in flight.
      await Promise.race(saves);
      const stopped = app.stop();
      const responses = await Promise.allSettled(saves);
      await stopped;

      const answered = responses.flatMap((r) => (r.status === "fulfilled" ? [r.value.status] : []));
      // Those the server took were finished, not failed because the database went first.
      expect(answered.length).toBeGreaterThan(0);
      expect(answered.every((status) => status === 302)).toBe(true);
      const kept = await read.all<{ component_id: string }>(
        `select c.component_id from component_answer c join assessment a on a.id = c.assessment_id
         where a.organisation_id = ? and a.period_id = ? and c.opportunities like 'Saved while stopping: %'`,
        organisationId,
        period.id,
      );
      // Every save the server answered is in the database.
      expect(kept.length).toBeGreaterThanOrEqual(answered.length);
      expect(app.output()).not.toMatch(/error/i);
    } finally {
      await read.close();
    }
  });
});
