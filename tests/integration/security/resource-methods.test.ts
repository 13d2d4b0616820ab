import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../../db/seed/demo-ics";
import { createTestDatabase, type TestDatabase } from "../../setup/database";
import { generousAttemptLimits, type RunningApp, startApp } from "../../setup/start-app";
import { signIn, type Visitor } from "../../support/http";
import { type Ids, idsFrom } from "../access-matrix/principals";
import { rows } from "../access-matrix/routes";

/**
 * Routes with no page of their own (files to download, and the one form
 * target) answer a method they do not take with 405, the methods they do
 * take in `Allow`, and a sentence for a person: never Remix's
 * `{"message":"Unexpected Server Error"}`. Every such route file is found
 * from app/routes, so a new one is covered without being listed here.
 */
let database: TestDatabase;
let app: RunningApp;
let ids: Ids;
let admin: Visitor;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startApp({ ...database.env, ...generousAttemptLimits });
  ids = await idsFrom(database.url);
  admin = await signIn(app.url, "admin@example.com", DEMO_PASSWORD);
}, 60_000);

afterAll(async () => {
  await app?.stop();
  await database?.cleanup();
});

const source = (file: string) => fs.readFileSync(`app/routes/${file}`, "utf8");
const resourceRoutes = rows.filter((row) => !/^export default /m.test(source(row.file)));
const takesGet = (file: string) =>
  /export (async function|const|function) loader\b/.test(source(file));
const takesPost = (file: string) =>
  /export (async function|const|function) action\b/.test(source(file));

async function ask(path: string, method: string, visitor: Visitor) {
  const response = await fetch(`${app.url}${path}`, {
    method,
    headers: {
      cookie: visitor.cookie ?? "",
      origin: app.url,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: method === "GET" || method === "HEAD" ? undefined : "intent=anything",
    redirect: "manual",
  });
  return {
    status: response.status,
    allow: response.headers.get("allow"),
    type: response.headers.get("content-type"),
    body: await response.text(),
  };
}

describe("routes without a page of their own", () => {
  it("are found: the file routes and the share form's target", () => {
    expect(resourceRoutes.map((r) => r.file).sort()).toEqual([
      "exports.$scope.$scopeId.$file.tsx",
      "organisations.$organisationId_.evidence.$evidenceId.tsx",
      "organisations.$organisationId_.evidence.$evidenceId_.share.tsx",
      "organisations.$organisationId_.periods.$periodId_.evidence[.]zip.tsx",
      "organisations.$organisationId_.periods.$periodId_.reporting-sheet[.]docx.tsx",
      "organisations.$organisationId_.periods.$periodId_.reporting-sheet[.]pdf.tsx",
      "organisations.$organisationId_.periods.$periodId_.template[.]xlsx.tsx",
      "organisations.$organisationId_.submissions.$submissionId[.]docx.tsx",
      "organisations.$organisationId_.submissions.$submissionId[.]pdf.tsx",
      "places.$placeId_.summary[.]csv.tsx",
      "reports.$jobId_.download.tsx",
      "session.idle[.]css.tsx",
      "session.tsx",
      "sign-in_.oidc.$providerId.tsx",
      "webauthn.authenticate.tsx",
      "webauthn.register.tsx",
    ]);
  });

  // A route that takes both (the session's state and "stay signed in") has nothing to refuse.
  for (const row of resourceRoutes.filter((r) => !(takesGet(r.file) && takesPost(r.file)))) {
    it(`${row.file} refuses the methods it does not take with 405 in words`, async () => {
      const path = row.path(ids);
      const refused = takesGet(row.file) ? ["POST", "PUT", "PATCH", "DELETE"] : ["GET"];
      for (const visitor of [admin, { cookie: null }]) {
        for (const method of refused) {
          const answer = await ask(path, method, visitor);
          expect({ method, ...answer, body: answer.body.slice(0, 300) }).toEqual({
            method,
            status: 405,
            allow: takesGet(row.file) ? "GET, HEAD" : "POST",
            type: "text/plain; charset=utf-8",
            body: expect.stringMatching(
              takesGet(row.file)
                ? /^This web address is for downloading a file\b/
                : /^This web address takes a form sent from its page\b/,
            ),
          });
          expect(answer.body).not.toMatch(/Unexpected|Server Error|message/);
        }
      }
    });
  }

  it("still serves a file route's GET to whoever may read it", async () => {
    const csv = await ask(`/places/${ids.morecambeBay}/summary.csv?table=returns`, "GET", admin);
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);
  });

  it("leaves pages that take no form to say so on their own page", async () => {
    const page = await ask(`/places/${ids.morecambeBay}`, "POST", admin);
    expect(page.status).toBe(405);
    expect(page.type).toMatch(/^text\/html/);
    const visible = page.body.replace(/<script[\s\S]*?<\/script>/g, "");
    expect(visible).toContain("This page cannot do that");
    expect(visible).not.toContain("Unexpected Server Error");
  });
});
