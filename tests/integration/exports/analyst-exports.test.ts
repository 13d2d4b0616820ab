import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fulfilledIds, standings, verifiedIds } from "~/charter/aggregation";
import { loadCharter } from "~/charter/content";
import { latestPeriodWithReturn, periodReturns } from "~/models/aggregation.server";
import { listOrganisations } from "~/models/organisations.server";
import { DEMO_PASSWORD } from "../../../db/seed/demo-ics";
import type { Database } from "../../../db/schema";
import { createTestDatabase, openSql, type TestDatabase } from "../../setup/database";
import { generousAttemptLimits, type RunningApp, startApp } from "../../setup/start-app";
import { signIn, visit, type Visitor } from "../../support/http";
import { csvRecords, xlsxRecords } from "../../support/spreadsheets";

/**
 * The analysts' exports on the demo data, read back as a spreadsheet would and
 * checked against the aggregation layer the pages use; each reader gets only
 * their reach.
 */
const charter = loadCharter();
let database: TestDatabase;
let app: RunningApp;
let db: Kysely<Database>;
const as: Record<"admin" | "placeLead" | "champion" | "systemReader", Visitor> = {} as never;
let ids: { system: number; place: number; otherPlace: number; uhmb: number; blackpool: number };

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startApp({ ...database.env, ...generousAttemptLimits });
  db = database.open();
  const sql = openSql(database.url);
  const id = async (text: string, ...args: unknown[]) =>
    Number((await sql.one<{ id: number }>(text, ...args)).id);
  ids = {
    system: await id("select id from system order by id limit 1"),
    place: await id("select id from place where name = 'Morecambe Bay'"),
    otherPlace: await id("select id from place where name = 'Fylde Coast'"),
    uhmb: await id(
      "select id from organisation where name like 'University Hospitals of Morecambe Bay%'",
    ),
    blackpool: await id("select id from organisation where name like 'Blackpool Teaching%'"),
  };
  await sql.close();
  as.admin = await signIn(app.url, "admin@example.com", DEMO_PASSWORD);
  as.placeLead = await signIn(app.url, "place.lead@example.com", DEMO_PASSWORD);
  as.champion = await signIn(app.url, "champion@example.com", DEMO_PASSWORD);
  as.systemReader = await signIn(app.url, "system.reader@example.com", DEMO_PASSWORD);
}, 120_000);

afterAll(async () => {
  await db?.destroy();
  await app?.stop();
  await database?.cleanup();
});

async function download(visitor: Visitor, path: string) {
  const response = await visit(app.url, path, { visitor });
  expect({ path, status: response.status }).toEqual({ path, status: 200 });
  return response;
}
const csvOf = async (visitor: Visitor, path: string) =>
  csvRecords(await (await download(visitor, path)).text());

async function latestPeriod(organisationIds: number[]) {
  const periodId = await latestPeriodWithReturn(db, { systemId: ids.system, organisationIds });
  expect(periodId).not.toBeNull();
  return periodId!;
}

describe("the returns dataset", () => {
  it("gives every organisation's levels in a period as the aggregation layer counts them, in CSV and XLSX alike", async () => {
    const organisations = await listOrganisations(db, { systemIds: [ids.system] });
    const orgIds = organisations.map((o) => o.id);
    const periodId = await latestPeriod(orgIds);
    const path = `/exports/systems/${ids.system}/returns`;
    const response = await download(as.admin, `${path}.csv?period=${periodId}`);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = csvRecords(new TextDecoder().decode(bytes));

    const returns = await periodReturns(db, { periodId, organisationIds: orgIds });
    const expected = standings(charter, organisations, returns).filter(
      (s) => s.returnState !== "none",
    );
    expect(records).toHaveLength(expected.length);
    expect(expected.some((s) => s.verified?.level)).toBe(true);
    for (const s of expected) {
      const row = records.find((r) => r.organisation_id === String(s.organisationId));
      const answers = returns.find((r) => r.organisationId === s.organisationId)!.answers;
      expect(row).toMatchObject({
        period_id: String(periodId),
        return_state: s.returnState,
        level_self_assessed: s.self?.level ?? "",
        level_verified: s.verified?.level ?? "",
        components_total: String(answers.length),
        components_fulfilled: String(fulfilledIds(answers).length),
        components_verified: String(verifiedIds(answers).length),
      });
      for (const d of s.self?.byDomain ?? []) {
        expect(row![`domain_${d.domainNumber}_fulfilled`]).toBe(String(d.fulfilled));
      }
      expect(row!.last_changed_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(row!.period_start).toMatch(/^\d{4}-\d\d-01$/);
    }

    const xlsx = await download(as.admin, `${path}.xlsx?period=${periodId}`);
    expect(xlsx.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    const workbook = await xlsxRecords(await xlsx.arrayBuffer());
    expect(workbook.formulas).toBe(0);
    expect(workbook.records).toEqual(records);
  });

  it("covers every period unless one is chosen: one row per organisation per period", async () => {
    const records = await csvOf(as.admin, `/exports/systems/${ids.system}/returns.csv`);
    const sql = openSql(database.url);
    const { n } = await sql.one<{ n: number | string }>(
      "select count(*) as n from assessment a join organisation o on o.id = a.organisation_id where o.system_id = ?",
      ids.system,
    );
    await sql.close();
    expect(records).toHaveLength(Number(n));
    const keys = new Set(records.map((r) => `${r.organisation_id}/${r.period_id}`));
    expect(keys.size).toBe(records.length);
    expect(new Set(records.map((r) => r.period_id)).size).toBeGreaterThan(1);
  });
});

describe("the components dataset", () => {
  it("has a row per component with its status and verification, summing to the returns' counts", async () => {
    const organisations = await listOrganisations(db, {
      placeIds: [ids.place],
      systemWideIn: [ids.system],
    });
    const periodId = await latestPeriod(organisations.map((o) => o.id));
    const base = `/exports/places/${ids.place}`;
    const rows = await csvOf(as.placeLead, `${base}/components.csv?period=${periodId}`);
    const wide = await csvOf(as.placeLead, `${base}/returns.csv?period=${periodId}`);
    const returns = await periodReturns(db, {
      periodId,
      organisationIds: organisations.map((o) => o.id),
    });
    expect(rows).toHaveLength(returns.reduce((n, r) => n + r.answers.length, 0));
    for (const r of returns) {
      const mine = rows.filter((row) => row.organisation_id === String(r.organisationId));
      expect(mine.map((m) => [m.component_id, m.component_status])).toEqual(
        r.answers.map((a) => [a.componentId, a.status]),
      );
      const verified = mine.filter((m) => m.verified === "true").map((m) => m.component_id);
      expect(verified).toEqual(verifiedIds(r.answers));
      const summary = wide.find((w) => w.organisation_id === String(r.organisationId));
      expect(summary?.components_verified).toBe(String(verified.length));
    }
  });
});

describe("who exports what", () => {
  it("a place lead's export covers only their place and the system-wide organisations", async () => {
    const rows = await csvOf(as.placeLead, `/exports/places/${ids.place}/returns.csv`);
    const allowed = new Set(
      (await listOrganisations(db, { placeIds: [ids.place], systemWideIn: [ids.system] })).map(
        (o) => String(o.id),
      ),
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => !allowed.has(r.organisation_id ?? ""))).toEqual([]);
    for (const path of [
      `/exports/places/${ids.otherPlace}/returns.csv`,
      `/exports/systems/${ids.system}/returns.csv`,
      `/exports/organisations/${ids.blackpool}/returns.csv`,
    ]) {
      expect({
        path,
        status: (await visit(app.url, path, { visitor: as.placeLead })).status,
      }).toEqual({ path, status: 404 });
    }
  });

  it("a system reader gets only submitted months; an administrator gets the drafts too", async () => {
    const path = `/exports/systems/${ids.system}/returns.csv`;
    const reader = await csvOf(as.systemReader, path);
    const admin = await csvOf(as.admin, path);
    expect(reader.length).toBeGreaterThan(0);
    expect(new Set(reader.map((r) => r.return_state))).toEqual(new Set(["submitted"]));
    expect(admin.some((r) => r.return_state !== "submitted")).toBe(true);
    expect(reader).toEqual(admin.filter((r) => r.return_state === "submitted"));
  });

  it("lists outcome figures of submitted returns only, even to an administrator who sees drafts", async () => {
    // A figure planted on a draft: a draft is not a return, so none of it is exported (issue 19).
    const sql = openSql(database.url);
    const draft = await sql.one<{ id: number }>(
      "select id from assessment where status = 'draft' order by id limit 1",
    );
    const measure = await sql.one<{ id: number; version: number }>(
      `select m.id, max(v.id) as version from outcome_measure m
       join outcome_measure_version v on v.measure_id = m.id
       where m.system_id = ? group by m.id order by m.id limit 1`,
      ids.system,
    );
    await sql.run(
      `delete from outcome_figure where assessment_id = ? and measure_id = ?`,
      draft.id,
      measure.id,
    );
    await sql.run(
      `insert into outcome_figure (assessment_id, measure_id, measure_version_id, numerator,
         denominator, source, note, updated_at)
       values (?, ?, ?, 1, 2, 'Planted on a draft', '', ?)`,
      draft.id,
      measure.id,
      measure.version,
      new Date().toISOString(),
    );
    await sql.close();
    const rows = await csvOf(as.admin, `/exports/systems/${ids.system}/outcomes.csv`);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.return_state))).toEqual(new Set(["submitted"]));
    expect(rows.some((r) => r.outcome_source === "Planted on a draft")).toBe(false);
  });

  it("a champion exports their own organisation only", async () => {
    const rows = await csvOf(as.champion, `/exports/organisations/${ids.uhmb}/components.csv`);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.organisation_id))).toEqual(new Set([String(ids.uhmb)]));
    for (const path of [
      `/exports/organisations/${ids.blackpool}/components.csv`,
      `/exports/places/${ids.place}/components.csv`,
      `/exports/systems/${ids.system}/components.csv`,
    ]) {
      expect({
        path,
        status: (await visit(app.url, path, { visitor: as.champion })).status,
      }).toEqual({ path, status: 404 });
    }
  });

  it("the exports page offers each reader only what they may download", async () => {
    const page = async (v: Visitor) => (await download(v, "/exports")).text();
    const champion = await page(as.champion);
    expect(champion).toContain(`/exports/organisations/${ids.uhmb}/returns.csv`);
    expect(champion).not.toContain("/exports/places/");
    expect(champion).not.toContain("/exports/systems/");
    const reader = await page(as.systemReader);
    expect(reader).toContain(`/exports/systems/${ids.system}/measures.xlsx`);
    expect(reader).toContain("submitted months only");
  });
});

describe("what analysts type cannot run", () => {
  it("neutralises formula-like text in CSV and keeps it as text in XLSX", async () => {
    const periodId = await latestPeriod([ids.uhmb]);
    const sql = openSql(database.url);
    const answer = await sql.one<{ id: number }>(
      "select c.id from component_answer c join assessment a on a.id = c.assessment_id where a.organisation_id = ? and a.period_id = ? order by c.id limit 1",
      ids.uhmb,
      periodId,
    );
    const titles = ['=HYPERLINK("http://x.example","click")', "+1", "-1", "@SUM(A1)", "\tx", "\rx"];
    for (const title of titles) {
      const item = await sql.one<{ id: number }>(
        "insert into evidence_item (organisation_id, kind, title, measure_value, measure_unit, measure_date) values (?, 'measure', ?, -2.5, '%', '2026-01-31') returning id",
        ids.uhmb,
        title,
      );
      await sql.run(
        "insert into component_evidence (component_answer_id, evidence_item_id) values (?, ?)",
        answer.id,
        item.id,
      );
    }
    await sql.close();
    const path = `/exports/organisations/${ids.uhmb}/measures`;
    const csv = await csvOf(as.champion, `${path}.csv?period=${periodId}`);
    for (const title of titles) {
      const row = csv.find((r) => r.measure_title === `'${title}`);
      expect(row, title).toBeDefined();
      // The figure is the platform's own number: it stays a number.
      expect(row!.measure_value).toBe("-2.5");
    }
    const xlsx = await xlsxRecords(
      await (await download(as.champion, `${path}.xlsx?period=${periodId}`)).arrayBuffer(),
    );
    expect(xlsx.formulas).toBe(0);
    for (const title of titles) {
      // XML reads a lone carriage return as a line feed: still text, never a formula.
      const read = title.replace(/\r/g, "\n");
      expect(xlsx.records.some((r) => r.measure_title === read)).toBe(true);
    }
  });
});

describe("requests the exports cannot answer", () => {
  it("are refused with a message, never an error", async () => {
    const cases: Array<[string, RegExp]> = [
      [`/exports/places/${ids.place}/everything.csv`, /no such export/],
      [`/exports/places/${ids.place}/returns.pdf`, /no such export/],
      [`/exports/places/${ids.place}/returns.csv?period=abc`, /no such period/],
      [`/exports/places/${ids.place}/returns.csv?period=99999999`, /no such period/],
    ];
    for (const [path, message] of cases) {
      const response = await visit(app.url, path, { visitor: as.admin });
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(await response.text()).toMatch(message);
    }
    for (const path of ["/exports/galaxies/1/returns.csv", "/exports/places/abc/returns.csv"]) {
      expect({ path, status: (await visit(app.url, path, { visitor: as.admin })).status }).toEqual({
        path,
        status: 404,
      });
    }
  });
});
