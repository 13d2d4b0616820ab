import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../../db/seed/demo-ics";
import { createTestDatabase, type TestDatabase } from "../../setup/database";
import { type RunningApp, startApp } from "../../setup/start-app";
import { lookup, signIn, visit, type Visitor } from "../../support/http";
import { pageText } from "../readers/fixture";

/**
 * Asking for reports over and over, over HTTP (issue 22: 25 identical
 * requests queued 25 jobs). No runner builds anything here, so what was
 * asked for stays waiting.
 */
let database: TestDatabase;
let app: RunningApp;
let admin: Visitor;
let systemId: number;
let places: number[];

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startApp({ ...database.env, REPORT_JOBS: "off" });
  admin = await signIn(app.url, "admin@example.com", DEMO_PASSWORD);
  const l = lookup(database.url);
  systemId = Number((await l.row<{ id: number }>("select id from system")).id);
  places = [await l.placeId("Morecambe Bay"), await l.placeId("Fylde Coast")];
  await l.close();
}, 60_000);

afterAll(async () => {
  await app?.stop();
  await database?.cleanup();
});

const ask = (scope: string, format = "pdf") =>
  visit(app.url, "/reports", {
    visitor: { ...admin },
    method: "POST",
    form: { scope, year: "2026", format },
  });

const jobs = async () => {
  const l = lookup(database.url);
  const rows = await l.all<{ id: number; scope_kind: string; format: string }>(
    "select id, scope_kind, format from report_job order by id",
  );
  await l.close();
  return rows;
};

describe("asking for the same report again and again", () => {
  it("answers every request with the one job already waiting", async () => {
    const answers = await Promise.all(Array.from({ length: 25 }, () => ask(`system:${systemId}`)));
    const targets = new Set(answers.map((a) => `${a.status} ${a.headers.get("location")}`));
    expect(targets.size).toBe(1);
    const [target] = [...targets];
    expect(target).toMatch(/^302 \/reports\/\d+$/);
    expect(await jobs()).toHaveLength(1);
  });

  it("refuses a fourth report waiting for one person, in words, and queues nothing", async () => {
    expect((await ask(`system:${systemId}`, "docx")).status).toBe(302);
    expect((await ask(`place:${places[0]}`)).status).toBe(302);
    const before = await jobs();
    expect(before).toHaveLength(3);
    const refused = await ask(`place:${places[1]}`);
    expect(refused.status).toBe(429);
    const text = pageText(await refused.text());
    expect(text).toContain("There is a problem");
    expect(text).toContain(
      "You have 3 reports waiting to be built. Wait for one of them to finish, then ask for this one.",
    );
    expect(await jobs()).toEqual(before);
    // The same report as one waiting is still that one, not a refusal.
    expect((await ask(`place:${places[0]}`)).status).toBe(302);
  });
});
