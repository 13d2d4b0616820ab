import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed/demo-ics";
import { startApp, type RunningApp } from "../setup/start-app";
import { createTestDatabase, type TestDatabase } from "../setup/database";
import { pdfBytes } from "../fixtures/files";
import { plantFileEvidence } from "../support/evidence";
import { lookup, signIn, visit, type Visitor } from "../support/http";

/**
 * Every route, with every role and signed out: what each may do. A route file
 * without a row here fails the suite, so no page ships without a rule.
 */

const who = ["signedOut", "admin", "placeLead", "steering", "champion", "otherChampion"] as const;
type Who = (typeof who)[number];

const accounts: Record<Exclude<Who, "signedOut">, string> = {
  admin: "admin@example.com",
  placeLead: "place.lead@example.com", // Morecambe Bay
  steering: "steering@example.com", // Morecambe Bay
  champion: "champion@example.com", // University Hospitals of Morecambe Bay
  otherChampion: "champion.blackpool@example.com", // Blackpool, on the Fylde Coast
};

// "in": the visitor is sent to sign in. "home": a signed-in visitor is sent on.
type Outcome = 200 | 400 | 403 | 404 | 410 | "in" | "home" | "out";
type Expect = Record<Who, Outcome>;

const everyone = (o: Outcome, signedOut: Outcome = o): Expect => ({
  signedOut,
  admin: o,
  placeLead: o,
  steering: o,
  champion: o,
  otherChampion: o,
});
const only = (allowed: Partial<Expect>, otherwise: Outcome): Expect => ({
  ...everyone(otherwise, "in"),
  ...allowed,
});

type Row = {
  file: string;
  path: (ids: Ids) => string;
  get: Expect;
  post?: Expect;
  /** The POST ends the visitor's session, so it runs with a session of its own. */
  postEndsSession?: true;
};
type Ids = Awaited<ReturnType<typeof idsFrom>>;

async function idsFrom(databaseUrl: string) {
  const l = lookup(databaseUrl);
  const ids = {
    uhmb: await l.organisationId("University Hospitals of Morecambe Bay NHS Foundation Trust"),
    lancaster: await l.organisationId("Lancaster District Council"),
    blackpool: await l.organisationId("Blackpool Teaching Hospitals NHS Foundation Trust"),
    nwas: await l.organisationId("North West Ambulance Service NHS Trust"),
    morecambeBay: await l.placeId("Morecambe Bay"),
    fyldeCoast: await l.placeId("Fylde Coast"),
    championUser: await l.userId("champion@example.com"),
    otherChampionUser: await l.userId("champion.blackpool@example.com"),
    openPeriod: (
      await l.row<{ id: number }>("select id from assessment_period where status = 'open'")
    ).id,
    /** The latest month with a sheet for UHMB, and a file planted on it in beforeAll. */
    uhmbPeriod: 0,
    uhmbFile: 0,
  };
  ids.uhmbPeriod = (
    await l.row<{ period_id: number }>(
      "select max(period_id) as period_id from assessment where organisation_id = ?",
      ids.uhmb,
    )
  ).period_id;
  await l.close();
  return ids;
}

const manager = { admin: 200, placeLead: 200 } as const;
const managerPost = { admin: 400, placeLead: 400 } as const;

const rows: Row[] = [
  { file: "_index.tsx", path: () => "/", get: everyone(200) },
  // Signed in, the page's loader sends a visitor home even after a failed post.
  {
    file: "sign-in.tsx",
    path: () => "/sign-in",
    get: everyone("home", 200),
    post: everyone("home", 400),
  },
  {
    file: "sign-in_.two-factor.tsx",
    path: () => "/sign-in/two-factor",
    get: everyone("home", "in"),
    post: everyone("home", "in"),
  },
  {
    file: "sign-out.tsx",
    path: () => "/sign-out",
    get: everyone(200, "out"),
    post: everyone("out"),
    postEndsSession: true,
  },
  {
    file: "forgot-password.tsx",
    path: () => "/forgot-password",
    get: everyone(200),
    post: everyone(400),
  },
  {
    file: "reset-password.$token.tsx",
    path: () => "/reset-password/not-a-real-token",
    get: everyone(410),
    post: everyone(410),
  },
  {
    file: "invitations.$token.tsx",
    path: () => "/invitations/not-a-real-token",
    get: everyone(410),
    post: everyone(410),
  },
  {
    file: "account.tsx",
    path: () => "/account",
    get: everyone(200, "in") /* POST: see the last test */,
  },
  {
    file: "account_.two-factor.tsx",
    path: () => "/account/two-factor",
    get: everyone(200, "in"),
    post: everyone(400, "in"),
  },
  { file: "organisations._index.tsx", path: () => "/organisations", get: everyone(200, "in") },
  {
    file: "organisations.$organisationId.tsx",
    path: (i) => `/organisations/${i.uhmb}`,
    get: only({ admin: 200, placeLead: 200, steering: 200, champion: 200 }, 404),
  },
  // An empty POST: the champion's is refused as incomplete (400); readers may not post (403).
  {
    file: "organisations.$organisationId_.periods.$periodId.tsx",
    path: (i) => `/organisations/${i.uhmb}/periods/${i.openPeriod}`,
    get: only({ admin: 200, placeLead: 200, steering: 200, champion: 200 }, 404),
    post: only({ admin: 403, placeLead: 403, steering: 403, champion: 400 }, 404),
  },
  // Reopening is the place lead's or an administrator's; an empty reason is refused (400).
  {
    file: "organisations.$organisationId_.periods.$periodId_.reopen.tsx",
    path: (i) => `/organisations/${i.uhmb}/periods/${i.openPeriod}/reopen`,
    get: { ...only({ admin: 200, placeLead: 200 }, 404), steering: 403, champion: 403 },
    post: { ...only({ admin: 400, placeLead: 400 }, 404), steering: 403, champion: 403 },
  },
  {
    file: "organisations.$organisationId_.evidence.$evidenceId.tsx",
    path: (i) => `/organisations/${i.uhmb}/evidence/${i.uhmbFile}`,
    get: only({ admin: 200, placeLead: 200, steering: 200, champion: 200 }, 404),
  },
  {
    file: "organisations.$organisationId_.periods.$periodId_.evidence[.]zip.tsx",
    path: (i) => `/organisations/${i.uhmb}/periods/${i.uhmbPeriod}/evidence.zip`,
    // Readers who are not the organisation's champions may fetch files one by one.
    get: { ...only({ admin: 200, champion: 200 }, 404), placeLead: 403, steering: 403 },
  },
  {
    file: "organisations.$organisationId_.periods.$periodId_.review.$componentId.tsx",
    path: (i) => `/organisations/${i.uhmb}/periods/${i.uhmbPeriod}/review/1.1`,
    // Verifying is the steering group's; administrators read but do not verify.
    get: { ...only({ placeLead: 200, steering: 200 }, 404), admin: 403, champion: 403 },
    post: { ...only({ placeLead: 400, steering: 400 }, 404), admin: 403, champion: 403 },
  },
  {
    file: "organisations.$organisationId_.evidence.$evidenceId_.share.tsx",
    path: (i) => `/organisations/${i.uhmb}/evidence/${i.uhmbFile}/share`,
    // An action only: Remix answers a GET with 400, for everyone, and runs nothing.
    get: everyone(400),
    post: { ...only({ champion: 400 }, 404), admin: 403, placeLead: 403, steering: 403 },
  },
  {
    file: "places.$placeId_.good-practice.tsx",
    path: (i) => `/places/${i.morecambeBay}/good-practice`,
    get: only({ admin: 200, placeLead: 200, steering: 200, champion: 200 }, 404),
  },
  {
    file: "places.$placeId.tsx",
    path: (i) => `/places/${i.morecambeBay}`,
    get: only({ admin: 200, placeLead: 200, steering: 200 }, 404),
  },
  { file: "admin._index.tsx", path: () => "/admin", get: only(manager, 403) },
  {
    file: "admin.places.tsx",
    path: () => "/admin/places",
    get: only({ admin: 200 }, 403),
    post: only({ admin: 400 }, 403),
  },
  {
    file: "admin.periods.tsx",
    path: () => "/admin/periods",
    get: only({ admin: 200 }, 403),
    post: only({ admin: 400 }, 403),
  },
  { file: "admin.outbox.tsx", path: () => "/admin/outbox", get: only({ admin: 200 }, 403) },
  { file: "admin.audit.tsx", path: () => "/admin/audit", get: only({ admin: 200 }, 403) },
  {
    file: "admin.organisations._index.tsx",
    path: () => "/admin/organisations",
    get: only(manager, 403),
  },
  {
    file: "admin.organisations.new.tsx",
    path: () => "/admin/organisations/new",
    get: only(manager, 403),
    post: only(managerPost, 403),
  },
  {
    file: "admin.organisations.$organisationId.tsx",
    path: (i) => `/admin/organisations/${i.lancaster}`,
    get: only(manager, 403),
    post: only(managerPost, 403),
  },
  { file: "admin.people._index.tsx", path: () => "/admin/people", get: only(manager, 403) },
  {
    file: "admin.people.invite.tsx",
    path: () => "/admin/people/invite",
    get: only(manager, 403),
    post: only(managerPost, 403),
  },
  {
    file: "admin.people.$userId.tsx",
    path: (i) => `/admin/people/${i.championUser}`,
    get: only(manager, 403),
    post: only(managerPost, 403),
  },
];

// Ids a visitor may guess: each answers 404 (not 403), so existence does not leak.
const guessed: Array<{ name: string; path: (ids: Ids) => string; get: Expect }> = [
  {
    name: "another place's organisation",
    path: (i) => `/organisations/${i.blackpool}`,
    get: only({ admin: 200, otherChampion: 200 }, 404),
  },
  {
    name: "a system-wide organisation",
    path: (i) => `/organisations/${i.nwas}`,
    get: only({ admin: 200, placeLead: 200, steering: 200 }, 404),
  },
  { name: "another place", path: (i) => `/places/${i.fyldeCoast}`, get: only({ admin: 200 }, 404) },
  {
    name: "another place's organisation's month",
    path: (i) => `/organisations/${i.blackpool}/periods/${i.openPeriod}`,
    get: only({ admin: 200, otherChampion: 200 }, 404),
  },
  {
    name: "a month that does not exist",
    path: (i) => `/organisations/${i.uhmb}/periods/999999`,
    get: only({}, 404),
  },
  {
    name: "an organisation that does not exist",
    path: () => "/organisations/999999",
    get: only({}, 404),
  },
  { name: "a malformed id", path: () => "/organisations/1%20or%201=1", get: only({}, 404) },
  // The place lead may use these pages, so an id outside their place is 404 for them;
  // the others may not use the pages at all (403).
  {
    name: "another place's organisation to edit",
    path: (i) => `/admin/organisations/${i.blackpool}`,
    get: { ...only({ admin: 200 }, 403), placeLead: 404 },
  },
  {
    name: "another place's champion",
    path: (i) => `/admin/people/${i.otherChampionUser}`,
    get: { ...only({ admin: 200 }, 403), placeLead: 404 },
  },
];

let app: RunningApp;
let database: TestDatabase;
let ids: Ids;
const visitors = {} as Record<Who, Visitor>;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startApp(database.env);
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
  visitors.signedOut = { cookie: null };
  for (const [role, email] of Object.entries(accounts)) {
    visitors[role as Who] = await signIn(app.url, email, DEMO_PASSWORD);
  }
}, 60_000);

afterAll(async () => {
  await app?.stop();
  await database?.cleanup();
});

async function outcome(response: Response): Promise<Outcome> {
  if (response.status !== 302) return response.status as Outcome;
  const location = response.headers.get("location") ?? "";
  if (location.startsWith("/sign-in")) return "in";
  return location === "/" ? "out" : "home";
}

describe("the access matrix", () => {
  it("has a rule for every route file", () => {
    const files = fs
      .readdirSync("app/routes")
      .filter((f) => /\.(tsx|ts)$/.test(f) && !/\.server\.tsx?$/.test(f));
    expect(files.sort()).toEqual(rows.map((r) => r.file).sort());
  });

  for (const row of rows) {
    it(`GET ${row.file} answers each role as it should`, async () => {
      const seen = {} as Record<Who, Outcome>;
      for (const role of who) {
        seen[role] = await outcome(
          await visit(app.url, row.path(ids), { visitor: { ...visitors[role] } }),
        );
      }
      expect(seen).toEqual(row.get);
    });
    if (row.post) {
      const post = row.post;
      it(`POST ${row.file} (an empty form) answers each role as it should`, async () => {
        const seen = {} as Record<Who, Outcome>;
        for (const role of who) {
          const visitor =
            row.postEndsSession && role !== "signedOut"
              ? await signIn(app.url, accounts[role], DEMO_PASSWORD)
              : { ...visitors[role] };
          const response = await visit(app.url, row.path(ids), { visitor, method: "POST" });
          seen[role] = await outcome(response);
        }
        expect(seen).toEqual(post);
      });
    }
  }

  for (const g of guessed) {
    it(`guessing the id of ${g.name} reveals nothing to those without access`, async () => {
      const seen = {} as Record<Who, Outcome>;
      for (const role of who) {
        seen[role] = await outcome(
          await visit(app.url, g.path(ids), { visitor: { ...visitors[role] } }),
        );
      }
      expect(seen).toEqual({ ...g.get, signedOut: "in" });
    });
  }

  it("a place lead cannot rename another place's organisation, and it stays unchanged", async () => {
    const before = lookup(database.url);
    const name = async () =>
      (
        await before.row<{ name: string }>(
          "select name from organisation where id = ?",
          ids.blackpool,
        )
      ).name;
    const original = await name();
    const response = await visit(app.url, `/admin/organisations/${ids.blackpool}`, {
      visitor: { ...visitors.placeLead },
      method: "POST",
      form: { name: "Taken over", type: "nhs_trust", placeId: String(ids.morecambeBay) },
    });
    expect(response.status).toBe(404);
    expect(await name()).toBe(original);
    await before.close();
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
      links: ["/organisations", practice, "/"],
      signOut: true,
    });
    expect(await menu("steering")).toEqual({
      links: ["/organisations", place, practice, "/"],
      signOut: true,
    });
    expect(await menu("placeLead")).toEqual({
      links: ["/organisations", place, practice, "/admin", "/"],
      signOut: true,
    });
    expect(await menu("admin")).toEqual({
      links: ["/organisations", "/admin", "/"],
      signOut: true,
    });
    // Every link offered answers 200 for the person it is offered to.
    for (const role of who.filter((w) => w !== "signedOut")) {
      for (const link of (await menu(role)).links) {
        const response = await visit(app.url, link, { visitor: { ...visitors[role] } });
        expect({ role, link, status: response.status }).toEqual({ role, link, status: 200 });
      }
    }
  });

  it("POST /account (sign out everywhere) ends the person's sessions; signed out, it asks to sign in", async () => {
    const signedOut = await visit(app.url, "/account", {
      method: "POST",
      visitor: { cookie: null },
    });
    expect(await outcome(signedOut)).toBe("in");
    for (const role of who.filter((w) => w !== "signedOut")) {
      const visitor = { ...visitors[role] };
      const response = await visit(app.url, "/account", { visitor, method: "POST" });
      expect(await outcome(response)).toBe("in");
      const after = await visit(app.url, "/account", { visitor: { ...visitors[role] } });
      expect(await outcome(after)).toBe("in");
    }
  });
});
