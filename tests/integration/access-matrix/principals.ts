import { DEMO_PASSWORD } from "../../../db/seed/demo-ics";
import { lookup, signIn, type Visitor } from "../../support/http";
import { addPerson, addSecondSystem, type Person, signInAsPerson } from "../../support/people";

/**
 * Who the access matrix asks for: the demo accounts of the first system; two
 * real administrators of it who are part-way in (password given, code still
 * owed; no second factor set up yet); and the administrator, place lead,
 * steering group member, champion and system reader of a second system, who
 * must see nothing of the first.
 */
export const who = [
  "signedOut",
  "admin",
  "placeLead",
  "steering",
  "champion",
  "otherChampion",
  "codeOwed",
  "noFactor",
  "admin2",
  "placeLead2",
  "steering2",
  "champion2",
  "systemReader",
  "systemReader2",
] as const;
export type Who = (typeof who)[number];

/** Signed in all the way: the roles whose menus and sign-out are checked. */
export const signedIn = [
  "admin",
  "placeLead",
  "steering",
  "champion",
  "otherChampion",
  "admin2",
  "placeLead2",
  "steering2",
  "champion2",
  "systemReader",
  "systemReader2",
] as const satisfies readonly Who[];

const demoAccounts = {
  admin: "admin@example.com",
  placeLead: "place.lead@example.com", // Morecambe Bay
  steering: "steering@example.com", // Morecambe Bay
  champion: "champion@example.com", // University Hospitals of Morecambe Bay
  otherChampion: "champion.blackpool@example.com", // Blackpool, on the Fylde Coast
  systemReader: "system.reader@example.com", // the whole first system, read only
} as const;

/**
 * What a visitor is answered: a status, or for a redirect the exact target.
 * In the tables, "in" is `/sign-in?redirectTo=<this path>`, "code" is the
 * security-code step with the same redirectTo, "setup" the compulsory
 * second-factor setup, "home" the role's own first page, "out" the home page
 * after signing out; any other target is written out.
 */
export type Outcome =
  | 200
  | 400
  | 403
  | 404
  | 405
  | 409
  | 410
  | 503
  | "in"
  | "code"
  | "setup"
  | "home"
  | "out"
  | `/${string}`;
export type Expect = Record<Who, Outcome>;

/**
 * Everyone answered alike, except the signed-out visitor; the real
 * administrators part-way in are sent to finish signing in wherever the
 * signed-out visitor is sent to sign in.
 */
export const everyone = (o: Outcome, signedOut: Outcome = o): Expect => ({
  signedOut,
  admin: o,
  placeLead: o,
  steering: o,
  champion: o,
  otherChampion: o,
  codeOwed: signedOut === "in" ? "code" : o,
  noFactor: signedOut === "in" ? "setup" : o,
  admin2: o,
  placeLead2: o,
  steering2: o,
  champion2: o,
  systemReader: o,
  systemReader2: o,
});
export const only = (allowed: Partial<Expect>, otherwise: Outcome): Expect => ({
  ...everyone(otherwise, "in"),
  ...allowed,
});

export async function idsFrom(databaseUrl: string) {
  const l = lookup(databaseUrl);
  const ids = {
    uhmb: await l.organisationId("University Hospitals of Morecambe Bay NHS Foundation Trust"),
    lancaster: await l.organisationId("Lancaster District Council"),
    blackpool: await l.organisationId("Blackpool Teaching Hospitals NHS Foundation Trust"),
    nwas: await l.organisationId("North West Ambulance Service NHS Trust"),
    morecambeBay: await l.placeId("Morecambe Bay"),
    fyldeCoast: await l.placeId("Fylde Coast"),
    system: (await l.row<{ id: number }>("select id from system")).id,
    championUser: await l.userId("champion@example.com"),
    otherChampionUser: await l.userId("champion.blackpool@example.com"),
    openPeriod: (
      await l.row<{ id: number }>("select id from assessment_period where status = 'open'")
    ).id,
    /** The latest month with a sheet for UHMB, and a file planted on it in beforeAll. */
    uhmbPeriod: 0,
    uhmbFile: 0,
    /** UHMB's and Blackpool's latest submitted months, and a file planted on UHMB's. */
    uhmbSubmitted: 0,
    uhmbSubmittedFile: 0,
    blackpoolSubmitted: 0,
    /** UHMB's and Blackpool's latest submissions (UHMB's month is a draft again in the matrix). */
    uhmbSubmission: 0,
    blackpoolSubmission: 0,
    /** An open query on UHMB's latest submitted month, planted in beforeAll. */
    uhmbQuery: 0,
    /** The second system's, filled in by signInEveryone. */
    second: { system: 0, place: 0, organisation: 0, period: 0, championUser: 0 },
    systemReaderUser: await l.userId("system.reader@example.com"),
    /** A place report job for Morecambe Bay that failed, so no runner takes it up. */
    placeReportJob: 0,
    /** An organisation sign-in of the first system, whose issuer nothing answers. */
    provider: 0,
    /** The first system's first outcome measure (issue 23). */
    measure: (await l.row<{ id: number }>("select min(id) as id from outcome_measure")).id,
  };
  ids.uhmbPeriod = (
    await l.row<{ period_id: number }>(
      "select max(period_id) as period_id from assessment where organisation_id = ?",
      ids.uhmb,
    )
  ).period_id;
  const latestSubmission = async (organisationId: number) =>
    Number(
      (
        await l.row<{ id: number }>(
          `select max(s.id) as id from assessment_submission s
           join assessment a on a.id = s.assessment_id where a.organisation_id = ?`,
          organisationId,
        )
      ).id,
    );
  ids.uhmbSubmission = await latestSubmission(ids.uhmb);
  ids.blackpoolSubmission = await latestSubmission(ids.blackpool);
  const now = new Date().toISOString();
  await l.run(
    `insert into report_job (kind, scope_kind, scope_id, system_id, year, format, status, progress,
      attempts, error, created_at, updated_at)
     values ('annual_report', 'place', ?, ?, 2026, 'pdf', 'failed', 0, 3, 'Planted', ?, ?)`,
    ids.morecambeBay,
    ids.system,
    now,
    now,
  );
  ids.placeReportJob = Number(
    (await l.row<{ id: number }>("select max(id) as id from report_job")).id,
  );
  ids.provider = Number(
    (
      await l.row<{ id: number }>(
        `insert into oidc_provider (system_id, name, issuer, client_id, client_secret,
          allowed_tenants, allowed_domains, created_at, updated_at)
         values (?, 'Planted sign-in', 'http://127.0.0.1:9/nobody', 'planted', 'v1.none',
          '[]', '["nhs.net"]', ?, ?) returning id`,
        ids.system,
        now,
        now,
      )
    ).id,
  );
  await l.close();
  return ids;
}
export type Ids = Awaited<ReturnType<typeof idsFrom>>;

/**
 * Adds the real people and the second system to the database, signs everyone
 * in, and returns a way to sign any of them in again (for posts that end the
 * session).
 */
export async function signInEveryone(baseUrl: string, databaseUrl: string, ids: Ids) {
  const second = await addSecondSystem(databaseUrl);
  ids.second = { ...second, championUser: second.champion.id };
  const codeOwed = await addPerson(databaseUrl, {
    email: "coded.admin@nhs.example",
    grants: [{ role: "admin", systemId: ids.system }],
    secondFactor: true,
  });
  const noFactor = await addPerson(databaseUrl, {
    email: "new.admin@nhs.example",
    grants: [{ role: "admin", systemId: ids.system }],
    secondFactor: false,
  });
  const systemReader2 = await addPerson(databaseUrl, {
    email: "reader@second.example",
    grants: [{ role: "system_reader", systemId: second.system }],
  });
  const placeLead2 = await addPerson(databaseUrl, {
    email: "place.lead@second.example",
    grants: [{ role: "place_lead", placeId: second.place }],
    secondFactor: true,
  });
  const people: Record<
    "admin2" | "placeLead2" | "steering2" | "champion2" | "systemReader2",
    Person
  > = {
    admin2: second.admin,
    placeLead2,
    steering2: second.steering,
    champion2: second.champion,
    systemReader2,
  };
  const signInAs = async (role: Exclude<Who, "signedOut">): Promise<Visitor> => {
    if (role in demoAccounts) {
      return signIn(baseUrl, demoAccounts[role as keyof typeof demoAccounts], DEMO_PASSWORD);
    }
    // The password alone: the code is never given.
    if (role === "codeOwed") return signIn(baseUrl, codeOwed.email, codeOwed.password);
    if (role === "noFactor") return signIn(baseUrl, noFactor.email, noFactor.password);
    return signInAsPerson(baseUrl, people[role as keyof typeof people]);
  };
  const visitors = { signedOut: { cookie: null } } as Record<Who, Visitor>;
  for (const role of who) if (role !== "signedOut") visitors[role] = await signInAs(role);
  return { visitors, signInAs };
}

/** Each role's first page after signing in, where "home" sends them. */
function homes(ids: Ids): Record<Who, string> {
  const place = `/places/${ids.morecambeBay}`;
  return {
    signedOut: "/",
    admin: "/admin",
    placeLead: place,
    steering: place,
    champion: `/organisations/${ids.uhmb}`,
    otherChampion: `/organisations/${ids.blackpool}`,
    codeOwed: "/admin",
    noFactor: "/admin",
    admin2: "/admin",
    placeLead2: `/places/${ids.second.place}`,
    steering2: `/places/${ids.second.place}`,
    champion2: `/organisations/${ids.second.organisation}`,
    systemReader: `/systems/${ids.system}`,
    systemReader2: `/systems/${ids.second.system}`,
  };
}

/** The table's shorthand turned into what the server must answer, exactly. */
export function resolveExpected(expected: Expect, path: string, ids: Ids) {
  const here = encodeURIComponent(path);
  const home = homes(ids);
  const exact = (role: Who, o: Outcome): number | string => {
    switch (o) {
      case "in":
        return `/sign-in?redirectTo=${here}`;
      case "code":
        return `/sign-in/two-factor?redirectTo=${here}`;
      case "setup":
        return "/account/two-factor?required=1";
      case "home":
        return home[role];
      case "out":
        return "/";
      default:
        return o;
    }
  };
  return Object.fromEntries(who.map((role) => [role, exact(role, expected[role])]));
}

/** What the server answered: the status, or for a redirect where it sends the visitor. */
export function answered(response: Response): number | string {
  if (response.status !== 302) return response.status;
  return response.headers.get("location") ?? "(a redirect to nowhere)";
}
