import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSql } from "../../setup/database";
import { visit, type Visitor } from "../../support/http";
import { pageText as text, type ReadersFixture, startReadersApp } from "./fixture";

/**
 * The ICS programme team's reader, over HTTP: every place, the roll-up and
 * each organisation's submitted months; a month in progress shows its state
 * and nothing of its figures. In the fixture's month A and B have submitted
 * and C has a draft with everything fulfilled.
 */

let f: ReadersFixture;
let reader: Visitor;
let systemId: number;

beforeAll(async () => {
  f = await startReadersApp();
  reader = await f.signInAs("system.reader@example.com");
  const sql = openSql(f.databaseUrl);
  systemId = Number((await sql.one<{ id: number }>("select id from system")).id);
  await sql.close();
}, 60_000);

afterAll(async () => {
  await f?.stop();
});

const page = async (path: string, visitor = reader) => {
  const response = await visit(f.app.url, path, { visitor });
  return { status: response.status, html: await response.text() };
};

describe("a system reader", () => {
  it("starts at the roll-up, and reaches every place's summary from the menu", async () => {
    const home = await visit(f.app.url, "/sign-in", { visitor: reader });
    expect(home.headers.get("location")).toBe(`/systems/${systemId}`);
    const rollup = await page(`/systems/${systemId}?period=${f.month.id}`);
    expect(rollup.status).toBe(200);
    expect(rollup.html).toContain(`href="/places/${f.place}?period=${f.month.id}"`);
    const places = await page("/places");
    expect(places.status).toBe(200);
    expect(text(places.html)).toContain("Morecambe Bay summary");
    const summary = await page(`/places/${f.place}?period=${f.month.id}`);
    expect(text(summary.html)).toContain(
      `2 of ${f.total} organisations have submitted for ${f.month.label}`,
    );
    // Reading is all: no way to remind from the summary.
    expect(summary.html).not.toContain("/reminders");
  });

  it("reads a submitted month's figures and sheet", async () => {
    const a = f.organisations[0]!;
    const overview = text((await page(`/organisations/${a.id}?period=${f.month.id}`)).html);
    expect(overview).toContain("Level, self-assessed Bronze");
    const sheet = await page(`/organisations/${a.id}/periods/${f.month.id}`);
    expect(sheet.status).toBe(200);
  });

  it("sees that a month is in progress, and nothing of what it holds", async () => {
    const c = f.organisations[2]!;
    const overview = await page(`/organisations/${c.id}?period=${f.month.id}`);
    expect(overview.status).toBe(200);
    const body = text(overview.html);
    expect(body).toContain(`${c.name} has not submitted ${f.month.label} yet (draft)`);
    expect(body).not.toContain("as saved so far");
    expect(body).not.toContain("Level, self-assessed");
    // Its month in the trend is named, not linked.
    expect(overview.html).not.toContain(`href="/organisations/${c.id}/periods/${f.month.id}"`);

    const sheet = await page(`/organisations/${c.id}/periods/${f.month.id}`);
    expect(sheet.status).toBe(403);
    expect(text(sheet.html)).toContain(
      `${c.name} has not submitted ${f.month.label}. You can read a month once it is submitted.`,
    );
    // Nor one of its components on its own page.
    expect((await page(`/organisations/${c.id}/periods/${f.month.id}/components/1.1`)).status).toBe(
      403,
    );
    // Those who read drafts still do.
    const lead = await f.signInAs("place.lead@example.com");
    expect((await page(`/organisations/${c.id}/periods/${f.month.id}`, lead)).status).toBe(200);
  });
});

describe("inviting a system reader", () => {
  it("an administrator invites one for their system; a place lead may not", async () => {
    const admin = await f.signInAs("admin@example.com");
    const invited = await visit(f.app.url, "/admin/people/invite", {
      visitor: admin,
      method: "POST",
      form: { name: "Board Member", email: "board.member@nhs.example", role: "system_reader" },
    });
    expect(invited.status).toBe(302);
    const sql = openSql(f.databaseUrl);
    const grants = await sql.all<{ role: string; system_id: number; place_id: number | null }>(
      "select r.role, r.system_id, r.place_id from role_assignment r join app_user u on u.id = r.user_id where u.email = 'board.member@nhs.example'",
    );
    expect(grants.map((g) => [g.role, Number(g.system_id), g.place_id])).toEqual([
      ["system_reader", systemId, null],
    ]);
    const person = text((await page(invited.headers.get("location")!, admin)).html);
    expect(person).toContain("System reader: Lancashire and South Cumbria ICS");

    const lead = await f.signInAs("place.lead@example.com");
    const refused = await visit(f.app.url, "/admin/people/invite", {
      visitor: lead,
      method: "POST",
      form: { name: "Not Allowed", email: "not.allowed@nhs.example", role: "system_reader" },
    });
    expect(refused.status).toBe(403);
    expect(
      await sql.all("select id from app_user where email = 'not.allowed@nhs.example'"),
    ).toEqual([]);
    await sql.close();
  });
});
