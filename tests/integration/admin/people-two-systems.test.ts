import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../../db/seed/demo-ics";
import { createTestDatabase, openSql, type TestDatabase } from "../../setup/database";
import { generousAttemptLimits, type RunningApp, startApp } from "../../setup/start-app";
import { lookup, signIn, visit, type Visitor } from "../../support/http";
import { addPerson, addSecondSystem, type Person, signInAsPerson } from "../../support/people";
import { pageText } from "../readers/fixture";

/**
 * Someone who champions an organisation in each of two systems: each
 * system's administrators see and may take away that system's role alone.
 */
let database: TestDatabase;
let app: RunningApp;
let admin: Visitor;
let admin2: Visitor;
let both: Person;
let grants: { first: number; second: number };

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startApp({ ...database.env, ...generousAttemptLimits });
  const second = await addSecondSystem(database.url);
  const l = lookup(database.url);
  const uhmb = await l.organisationId("University Hospitals of Morecambe Bay NHS Foundation Trust");
  await l.close();
  both = await addPerson(database.url, {
    email: "two.systems@nhs.example",
    grants: [
      { role: "champion", organisationId: uhmb },
      { role: "champion", organisationId: second.organisation },
    ],
  });
  const sql = openSql(database.url);
  const rows = await sql.all<{ id: number; organisation_id: number }>(
    "select id, organisation_id from role_assignment where user_id = ? order by id",
    both.id,
  );
  await sql.close();
  grants = { first: Number(rows[0]!.id), second: Number(rows[1]!.id) };
  admin = await signIn(app.url, "admin@example.com", DEMO_PASSWORD);
  admin2 = await signInAsPerson(app.url, second.admin);
}, 60_000);

afterAll(async () => {
  await app?.stop();
  await database?.cleanup();
});

const roleIds = async () => {
  const sql = openSql(database.url);
  const rows = await sql.all<{ id: number }>(
    "select id from role_assignment where user_id = ? order by id",
    both.id,
  );
  await sql.close();
  return rows.map((r) => Number(r.id));
};

describe("a person with roles in two systems", () => {
  it("shows each system's administrator that system's role alone", async () => {
    const theirs = pageText(
      await (await visit(app.url, `/admin/people/${both.id}`, { visitor: { ...admin2 } })).text(),
    );
    expect(theirs).toContain("Champion: Second Trust");
    expect(theirs).not.toContain("Morecambe Bay");
    const ours = pageText(
      await (await visit(app.url, `/admin/people/${both.id}`, { visitor: { ...admin } })).text(),
    );
    expect(ours).toContain("University Hospitals of Morecambe Bay");
    expect(ours).not.toContain("Second Trust");
  });

  it("lets neither administrator take away the other system's role", async () => {
    const revoke = (visitor: Visitor, grantId: number) =>
      visit(app.url, `/admin/people/${both.id}`, {
        visitor: { ...visitor },
        method: "POST",
        form: { intent: "revoke", grantId: String(grantId) },
      });
    expect((await revoke(admin2, grants.first)).status).toBe(404);
    expect((await revoke(admin, grants.second)).status).toBe(404);
    expect(await roleIds()).toEqual([grants.first, grants.second]);
    // Their own, each may.
    expect((await revoke(admin2, grants.second)).status).toBe(302);
    expect(await roleIds()).toEqual([grants.first]);
  });
});
