import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../../db/seed/demo-ics";
import { createTestDatabase, openSql, type TestDatabase } from "../../setup/database";
import { type RunningApp, startApp } from "../../setup/start-app";
import { signIn, visit, type Visitor } from "../../support/http";
import { pageText } from "../readers/fixture";

/**
 * The email outbox says when each email was kept in UK words and UK time
 * (issue 22, item 9): it printed the stored UTC time, 2026-07-01T09:05:00.000Z.
 */
let database: TestDatabase;
let app: RunningApp;
let admin: Visitor;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startApp(database.env);
  admin = await signIn(app.url, "admin@example.com", DEMO_PASSWORD);
}, 60_000);

afterAll(async () => {
  await app?.stop();
  await database?.cleanup();
});

describe("the email outbox", () => {
  it("shows when each email was kept as a UK date and time in words", async () => {
    const sql = openSql(database.url);
    const system = await sql.one<{ id: number }>(
      "select system_id as id from organisation order by id limit 1",
    );
    // 09:05 UTC on a summer day is 10:05 in the UK (BST); 23:30 UTC on 31 December stays that day (GMT).
    for (const [to, at] of [
      ["summer@nhs.example", "2026-07-01T09:05:00.000Z"],
      ["winter@nhs.example", "2026-12-31T23:30:00.000Z"],
    ] as const) {
      await sql.run(
        `insert into message (template, to_email, user_id, status, outbox_body, created_at, updated_at, system_id)
         values ('reminder', ?, null, 'outbox', 'Subject: A reminder', ?, ?, ?)`,
        to,
        at,
        at,
        system.id,
      );
    }
    await sql.close();
    const response = await visit(app.url, "/admin/outbox", { visitor: { ...admin } });
    expect(response.status).toBe(200);
    const text = pageText(await response.text());
    expect(text).toContain("To summer@nhs.example 1 July 2026 at 10:05");
    expect(text).toContain("To winter@nhs.example 31 December 2026 at 23:30");
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });
});
