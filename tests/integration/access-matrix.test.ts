import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generousAttemptLimits, startApp, type RunningApp } from "../setup/start-app";
import { createTestDatabase, type TestDatabase } from "../setup/database";
import { pdfBytes } from "../fixtures/files";
import { plantFileEvidence } from "../support/evidence";
import { lookup, visit, type Visitor } from "../support/http";
import { guessed } from "./access-matrix/guessed";
import { rows } from "./access-matrix/routes";
import {
  answered,
  type Ids,
  idsFrom,
  resolveExpected,
  signedIn,
  signInEveryone,
  who,
  type Who,
} from "./access-matrix/principals";

/**
 * Every route, with every role and signed out, and with people of a second
 * system: what each may do, and for a redirect exactly where it sends them.
 * A route file without a row here fails the suite, so no page ships without
 * a rule.
 */

let app: RunningApp;
let database: TestDatabase;
let ids: Ids;
let visitors: Record<Who, Visitor>;
let signInAs: Awaited<ReturnType<typeof signInEveryone>>["signInAs"];

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startApp({ ...database.env, ...generousAttemptLimits });
  ids = await idsFrom(database.url);
  const planted = await plantFileEvidence({
    database,
    organisationId: ids.uhmb,
    periodId: ids.uhmbPeriod,
    componentId: "1.1",
    fileName: "report.pdf",
    bytes: pdfBytes,
    mediaType: "application/pdf",
  });
  ids.uhmbFile = planted.evidenceId;
  await readersMonths();
  ({ visitors, signInAs } = await signInEveryone(app.url, database.url, ids));
  // A server start and fourteen sign-ins, five with a code: 60 s ran out on a busy machine.
}, 180_000);

/**
 * System readers read a month only once it stands submitted, so the months the
 * table names are fixed here, whatever the demo data holds: UHMB's and
 * Blackpool's open months (and the month UHMB's file backs) are work in
 * progress, and each one's latest submitted month carries a file of its own.
 */
async function readersMonths() {
  const l = lookup(database.url);
  await l.run(
    "update assessment set status = 'draft', submitted_at = null where organisation_id in (?, ?) and period_id in (?, ?)",
    ids.uhmb,
    ids.blackpool,
    ids.openPeriod,
    ids.uhmbPeriod,
  );
  const latestSubmitted = async (organisationId: number) =>
    Number(
      (
        await l.row<{ period_id: number }>(
          "select max(period_id) as period_id from assessment where organisation_id = ? and status = 'submitted'",
          organisationId,
        )
      ).period_id,
    );
  ids.uhmbSubmitted = await latestSubmitted(ids.uhmb);
  ids.blackpoolSubmitted = await latestSubmitted(ids.blackpool);
  await l.close();
  const planted = await plantFileEvidence({
    database,
    organisationId: ids.uhmb,
    periodId: ids.uhmbSubmitted,
    componentId: "1.1",
    fileName: "submitted.pdf",
    bytes: pdfBytes,
    mediaType: "application/pdf",
  });
  ids.uhmbSubmittedFile = planted.evidenceId;
  // An open query on UHMB's submitted month: its champions reply, those who read the month read it.
  const q = lookup(database.url);
  const answer = await q.row<{ id: number; version: number }>(
    "select c.id, c.version from component_answer c join assessment a on a.id = c.assessment_id where a.organisation_id = ? and a.period_id = ? and c.component_id = '1.1'",
    ids.uhmb,
    ids.uhmbSubmitted,
  );
  ids.uhmbQuery = (
    await q.row<{ id: number }>(
      "insert into component_review (component_answer_id, answer_version, reviewer_id, verdict, comment) values (?, ?, ?, 'queried', 'Which figures?') returning id",
      answer.id,
      answer.version,
      await q.userId("steering@example.com"),
    )
  ).id;
  await q.close();
}

afterAll(async () => {
  await app?.stop();
  await database?.cleanup();
});

/** Asks as every visitor in turn; each gets a copy of their cookie, so no answer changes another's. */
async function askEveryone(
  path: string,
  options: { method?: "POST"; freshSession?: boolean; form?: Record<string, string> } = {},
) {
  const seen = {} as Record<Who, number | string>;
  for (const role of who) {
    const visitor =
      options.freshSession && role !== "signedOut" ? await signInAs(role) : { ...visitors[role] };
    seen[role] = answered(await visit(app.url, path, { visitor, ...options }));
  }
  return seen;
}

describe("the access matrix", () => {
  it("has a rule for every route file", () => {
    const files = fs
      .readdirSync("app/routes")
      .filter((f) => /\.(tsx|ts)$/.test(f) && !/\.server\.tsx?$/.test(f));
    expect(files.sort()).toEqual(rows.map((r) => r.file).sort());
  });

  for (const row of rows) {
    it(`GET ${row.file} answers each visitor as it should`, async () => {
      const path = row.path(ids);
      expect(await askEveryone(path)).toEqual(resolveExpected(row.get, path, ids));
    });
    if (row.post) {
      const post = row.post;
      it(`POST ${row.file} (an empty form) answers each visitor as it should`, async () => {
        const path = row.path(ids);
        const seen = await askEveryone(path, {
          method: "POST",
          freshSession: row.postEndsSession,
        });
        expect(seen).toEqual(resolveExpected(post, path, ids));
        // Signing everyone in again, real people with their codes, takes a while on a busy machine.
      }, 90_000);
    }
  }

  for (const g of guessed) {
    it(`guessing the id of ${g.name} reveals nothing to those without access`, async () => {
      const path = g.path(ids);
      expect(await askEveryone(path)).toEqual(resolveExpected(g.get, path, ids));
    });
  }

  it("a place lead cannot rename another place's organisation, nor an administrator another system's", async () => {
    const l = lookup(database.url);
    const name = async (id: number) =>
      (await l.row<{ name: string }>("select name from organisation where id = ?", id)).name;
    const attempts: Array<[Who, number, number]> = [
      ["placeLead", ids.blackpool, ids.morecambeBay],
      ["admin", ids.second.organisation, ids.morecambeBay],
      ["admin2", ids.uhmb, ids.second.place],
    ];
    for (const [role, organisationId, placeId] of attempts) {
      const original = await name(organisationId);
      const response = await visit(app.url, `/admin/organisations/${organisationId}`, {
        visitor: { ...visitors[role] },
        method: "POST",
        form: { name: "Taken over", type: "nhs_trust", placeId: String(placeId) },
      });
      expect({ role, status: response.status }).toEqual({ role, status: 404 });
      expect(await name(organisationId)).toBe(original);
    }
    await l.close();
  });

  it("each system's administrator and steering group see only their own system in listings", async () => {
    const listings = [
      "/admin/people",
      "/admin/organisations",
      "/admin/places",
      "/admin/periods",
      "/organisations",
    ];
    const looks: Array<[Who, string, RegExp]> = [
      ["admin2", "/admin/people", /@example\.com/],
      ["admin", "/admin/people", /@second\.example/],
      // Who did what, and the emails waiting to go, belong to a system too.
      ["admin2", "/admin/audit", /@example\.com|Demo /],
      ["admin", "/admin/audit", /@second\.example/],
      ["admin2", "/admin/outbox", /@example\.com/],
      ["admin", "/admin/outbox", /@second\.example/],
      // A place lead's administration is their own place's, in either system.
      ["placeLead2", "/admin/people", /@example\.com/],
      ["placeLead", "/admin/people", /@second\.example/],
      ["placeLead2", "/admin/organisations", /Morecambe Bay|Blackpool|Lancaster/],
      ["placeLead", "/admin/organisations", /Second (Trust|Place)/],
    ];
    for (const path of listings) {
      looks.push(["admin2", path, /Morecambe Bay|Blackpool|Lancaster/]);
      looks.push(["admin", path, /Second (Trust|Place|month)/]);
    }
    looks.push(["steering2", "/organisations", /Morecambe Bay|Blackpool|Lancaster/]);
    looks.push(["steering", "/organisations", /Second Trust/]);
    for (const path of ["/organisations", "/places"]) {
      looks.push(["systemReader2", path, /Morecambe Bay|Blackpool|Lancaster/]);
      looks.push(["systemReader", path, /Second (Trust|Place)/]);
    }
    for (const [role, path, other] of looks) {
      const response = await visit(app.url, path, { visitor: { ...visitors[role] } });
      const text = (await response.text()).replace(/<script[\s\S]*?<\/script>/g, "");
      expect({ role, path, status: response.status, leaks: other.exec(text)?.[0] ?? null }).toEqual(
        { role, path, status: 200, leaks: null },
      );
    }
  });

  it("the header offers each role only the links it may follow, and sign out", async () => {
    const menu = async (role: Who) => {
      const html = await (await visit(app.url, "/", { visitor: { ...visitors[role] } })).text();
      const nav = /<nav[^>]*aria-label="Menu"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? "";
      return {
        links: [...nav.matchAll(/href="([^"]+)"/g)].map((m) => m[1] ?? ""),
        signOut: /<form[^>]*action="\/sign-out"/.test(html),
      };
    };
    const place = `/places/${ids.morecambeBay}`;
    expect(await menu("signedOut")).toEqual({ links: [], signOut: false });
    const practice = `${place}/good-practice`;
    expect(await menu("champion")).toEqual({
      links: ["/organisations", practice, "/exports", "/charter"],
      signOut: true,
    });
    expect(await menu("steering")).toEqual({
      links: ["/organisations", place, `${place}/comparison`, practice, "/exports", "/charter"],
      signOut: true,
    });
    expect(await menu("placeLead")).toEqual({
      links: [
        "/organisations",
        place,
        `${place}/comparison`,
        practice,
        "/admin",
        "/exports",
        "/charter",
      ],
      signOut: true,
    });
    expect(await menu("admin")).toEqual({
      links: [
        "/organisations",
        "/places",
        `/systems/${ids.system}`,
        "/admin",
        "/exports",
        "/charter",
      ],
      signOut: true,
    });
    // Every place's summary (through Places) and the roll-up; nothing to administer.
    expect(await menu("systemReader")).toEqual({
      links: ["/organisations", "/places", `/systems/${ids.system}`, "/exports", "/charter"],
      signOut: true,
    });
    // Every link offered answers 200 for the person it is offered to.
    for (const role of signedIn) {
      for (const link of (await menu(role)).links) {
        const response = await visit(app.url, link, { visitor: { ...visitors[role] } });
        expect({ role, link, status: response.status }).toEqual({ role, link, status: 200 });
      }
    }
  });

  it("POST /account (sign out everywhere) ends the person's sessions; signed out, it asks to sign in", async () => {
    const toSignIn = "/sign-in";
    const signedOut = await visit(app.url, "/account", {
      method: "POST",
      visitor: { cookie: null },
    });
    expect(answered(signedOut)).toBe("/sign-in?redirectTo=%2Faccount");
    for (const role of signedIn) {
      const visitor = { ...visitors[role] };
      const response = await visit(app.url, "/account", { visitor, method: "POST" });
      expect({ role, to: answered(response) }).toEqual({ role, to: toSignIn });
      const after = await visit(app.url, "/account", { visitor: { ...visitors[role] } });
      expect({ role, to: answered(after) }).toEqual({ role, to: "/sign-in?redirectTo=%2Faccount" });
    }
  });
});
