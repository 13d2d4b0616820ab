import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exeBytes, pdfBytes } from "../../fixtures/files";
import { databaseFingerprint } from "../../support/fingerprint";
import { visit, type Visitor } from "../../support/http";
import { BOUNDARY, type Body, multipart } from "../../support/multipart";
import { type SheetApp, startSheetApp } from "../sheet/fixture";

/**
 * Malformed and hostile requests, as an attacker or a broken client sends
 * them, to every kind of action: each is refused with a 4xx and a message a
 * person can act on, never a 500, and the database is exactly as it was.
 */

let s: SheetApp;
const who: Record<"champion" | "steering" | "admin" | "nobody", Visitor> = {
  champion: { cookie: null },
  steering: { cookie: null },
  admin: { cookie: null },
  nobody: { cookie: null },
};
let evidenceId: number;
let componentVersion: number;

beforeAll(async () => {
  s = await startSheetApp({ EVIDENCE_MAX_MB: "1" });
  who.champion = await s.signInAs("champion@example.com");
  who.steering = await s.signInAs("steering@example.com");
  who.admin = await s.signInAs("admin@example.com");
  await s.post(who.champion, s.sheetOf(s.uhmb), { intent: "start" });
  const assessment = await s.assessmentOf(s.uhmb);
  if (!assessment) throw new Error("The month did not start");
  componentVersion = (await s.answer(assessment.id, "1.1")).version;
  await s.post(who.champion, s.sheetOf(s.uhmb), {
    intent: "addEvidence",
    componentId: "1.1",
    kind: "narrative",
    title: "Pay policy",
    body: "We pay the real living wage.",
  });
  evidenceId = (
    await s.read.row<{ id: number }>(
      "select id from evidence_item where organisation_id = ? order by id desc limit 1",
      s.uhmb,
    )
  ).id;
}, 90_000);

afterAll(async () => {
  await s?.stop();
});

const form = (fields: Record<string, string>): Body => ({
  type: "application/x-www-form-urlencoded",
  body: new URLSearchParams(fields).toString(),
});
async function send(visitor: Visitor, path: string, body: Body) {
  const headers: Record<string, string> = { origin: s.app.url };
  if (visitor.cookie) headers.cookie = visitor.cookie;
  if (body.type) headers["content-type"] = body.type;
  return fetch(`${s.app.url}${path}`, {
    method: "POST",
    headers,
    body: body.body,
    redirect: "manual",
  });
}

const sheet = () => s.sheetOf(s.uhmb);
const review = () => `${sheet()}/review/1.1`;
const share = () => `/organisations/${s.uhmb}/evidence/${evidenceId}/share`;
const save = (fields: Record<string, string>) =>
  form({ intent: "save", componentId: "1.1", version: String(componentVersion), ...fields });
const evidence = (fields: Record<string, string>) =>
  form({ intent: "addEvidence", componentId: "1.1", ...fields });
const action = (fields: Record<string, string>) =>
  form({ intent: "addAction", componentId: "1.1", description: "Publish the pay gap", ...fields });
const upload = (name: string, bytes: Uint8Array, type = "application/pdf") =>
  multipart(
    { intent: "addEvidence", componentId: "1.1", kind: "file", title: "Plan" },
    { name, type, bytes },
  );

type Case = [string, keyof typeof who, () => string, () => Body, number, string];

const cases: Case[] = [
  // Sign-in and password reset, before anyone is signed in.
  [
    "JSON to sign-in",
    "nobody",
    () => "/sign-in",
    () => ({ type: "application/json", body: '{"email":"a@b.c"}' }),
    415,
    "not sent as a web form",
  ],
  [
    "plain text to sign-in",
    "nobody",
    () => "/sign-in",
    () => ({ type: "text/plain", body: "email=a" }),
    415,
    "not sent as a web form",
  ],
  [
    "no content type to sign-in",
    "nobody",
    () => "/sign-in",
    () => ({ body: "email=a" }),
    415,
    "not sent as a web form",
  ],
  [
    "multipart without a boundary to sign-in",
    "nobody",
    () => "/sign-in",
    () => ({ type: "multipart/form-data", body: "email=a" }),
    400,
    "could not be read",
  ],
  [
    "a sign-in form far too large",
    "nobody",
    () => "/sign-in",
    () => form({ email: "a@b.c", password: "x".repeat(2 * 1024 * 1024) }),
    413,
    "larger than this service accepts",
  ],
  [
    "an email with a NUL",
    "nobody",
    () => "/sign-in",
    () => form({ email: "a\u0000@example.com", password: "x" }),
    400,
    "Enter an email address in the correct format",
  ],
  [
    "JSON to forgot-password",
    "nobody",
    () => "/forgot-password",
    () => ({ type: "application/json", body: '{"email":"a@b.c"}' }),
    415,
    "not sent as a web form",
  ],
  // The reporting sheet.
  [
    "plain text to the sheet",
    "champion",
    sheet,
    () => ({ type: "text/plain", body: "intent=save" }),
    415,
    "not sent as a web form",
  ],
  [
    "JSON to the sheet",
    "champion",
    sheet,
    () => ({ type: "application/json", body: '{"intent":"save"}' }),
    415,
    "not sent as a web form",
  ],
  [
    "a multipart sheet post cut short",
    "champion",
    sheet,
    () => ({
      type: `multipart/form-data; boundary=${BOUNDARY}`,
      body: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nsa`,
    }),
    400,
    "could not be read",
  ],
  [
    "a multipart sheet post without a boundary",
    "champion",
    sheet,
    () => ({ type: "multipart/form-data", body: "intent=save" }),
    400,
    "could not be read",
  ],
  [
    "an intent the sheet does not have",
    "champion",
    sheet,
    () => form({ intent: "dropTables" }),
    400,
    "",
  ],
  [
    "a component the charter does not have",
    "champion",
    sheet,
    () => save({ componentId: "9.9", status: "in_progress" }),
    400,
    "Select a component of the charter",
  ],
  [
    "a status that is not one",
    "champion",
    sheet,
    () => save({ status: "platinum" }),
    400,
    "Select the component&#x27;s status",
  ],
  [
    "a version that is not a number",
    "champion",
    sheet,
    () => save({ status: "in_progress", version: "abc" }),
    400,
    "",
  ],
  [
    "opportunities with NUL and BEL",
    "champion",
    sheet,
    () => save({ status: "in_progress", opportunities: "a\u0000b\u0007" }),
    400,
    "must not contain hidden control characters",
  ],
  [
    "opportunities over the limit",
    "champion",
    sheet,
    () => save({ status: "in_progress", opportunities: "x".repeat(5001) }),
    400,
    "5,000 characters or fewer",
  ],
  [
    "an action owner with a line break",
    "champion",
    sheet,
    () => action({ owner: "Jo\r\nBloggs" }),
    400,
    "must be on one line",
  ],
  [
    "an action due in the year 9999",
    "champion",
    sheet,
    () => action({ "targetDate-day": "31", "targetDate-month": "12", "targetDate-year": "9999" }),
    400,
    "The target date must be between 1 January 2021 and",
  ],
  [
    "a measure dated 0000-01-01",
    "champion",
    sheet,
    () => evidence({ kind: "measure", title: "Pay", measureValue: "1", measureDate: "0000-01-01" }),
    400,
    "Enter the date the measure is for",
  ],
  [
    "a javascript: link",
    "champion",
    sheet,
    () => evidence({ kind: "link", title: "Link", url: "javascript:alert(1)" }),
    400,
    "Enter a link starting with https://",
  ],
  [
    "an evidence title with BEL",
    "champion",
    sheet,
    () => evidence({ kind: "narrative", title: "Ding\u0007", body: "b" }),
    400,
    "must be on one line",
  ],
  [
    "a measure that is not a number",
    "champion",
    sheet,
    () =>
      evidence({ kind: "measure", title: "Pay", measureValue: "lots", measureDate: "2026-01-01" }),
    400,
    "Enter the value as a number",
  ],
  // Uploads.
  ["a program named .pdf", "champion", sheet, () => upload("plan.pdf", exeBytes), 400, ""],
  [
    "a file over the limit",
    "champion",
    sheet,
    () => upload("big.pdf", new Uint8Array(1024 * 1024 + 10).fill(0x25)),
    413,
    "smaller than 1 MB",
  ],
  [
    "a file part with no file chosen",
    "champion",
    sheet,
    () => upload("", new Uint8Array(0)),
    400,
    "",
  ],
  [
    "a PDF with a name as long as a paragraph and a NUL",
    "champion",
    sheet,
    () => upload(`${"x".repeat(300)}\u0000.exe`, pdfBytes),
    400,
    "",
  ],
  // Review.
  [
    "a verdict that is not one",
    "steering",
    review,
    () => form({ verdict: "maybe", answerVersion: "1" }),
    400,
    "Select whether the evidence is verified or queried",
  ],
  [
    "a review comment with NUL",
    "steering",
    review,
    () => form({ verdict: "queried", comment: "a\u0000", answerVersion: "1" }),
    400,
    "must not contain hidden control characters",
  ],
  [
    "JSON to review",
    "steering",
    review,
    () => ({ type: "application/json", body: "{}" }),
    415,
    "not sent as a web form",
  ],
  [
    "a review by a champion",
    "champion",
    review,
    () => form({ verdict: "verified", answerVersion: "1" }),
    403,
    "",
  ],
  // Sharing good practice.
  [
    "a share answer that is not yes or no",
    "champion",
    share,
    () => form({ share: "perhaps" }),
    400,
    "Choose whether to share the evidence",
  ],
  [
    "sharing by a steering member",
    "steering",
    share,
    () => form({ share: "yes" }),
    403,
    "Only the organisation's champions can share its evidence",
  ],
  [
    "sharing evidence that does not exist",
    "champion",
    () => `/organisations/${s.uhmb}/evidence/999999/share`,
    () => form({ share: "yes" }),
    404,
    "check it is correct",
  ],
  [
    "sharing another organisation's evidence",
    "champion",
    () => `/organisations/${s.blackpool}/evidence/${evidenceId}/share`,
    () => form({ share: "yes" }),
    404,
    "check it is correct",
  ],
  [
    "plain text to share",
    "champion",
    share,
    () => ({ type: "text/plain", body: "share=yes" }),
    415,
    "not sent as a web form",
  ],
  // Administration.
  [
    "a place name with NUL",
    "admin",
    () => "/admin/places",
    () => form({ name: "Bay\u0000" }),
    400,
    "must be on one line",
  ],
  [
    "an empty place name",
    "admin",
    () => "/admin/places",
    () => form({ name: "   " }),
    400,
    "Enter the place name",
  ],
  [
    "a period in the year 99999",
    "admin",
    () => "/admin/periods",
    () => form({ intent: "open", year: "99999", month: "1" }),
    400,
    "or earlier",
  ],
  [
    "an invitation with a line break in the name",
    "admin",
    () => "/admin/people/invite",
    () => form({ name: "Jo\nBloggs", email: "jo@example.com", role: "admin" }),
    400,
    "must be on one line",
  ],
  [
    "an organisation of no known type",
    "admin",
    () => "/admin/organisations/new",
    () => form({ name: "Castle", type: "castle" }),
    400,
    "Select the type of organisation",
  ],
  [
    "JSON to administration",
    "admin",
    () => "/admin/places",
    () => ({ type: "application/json", body: '{"name":"x"}' }),
    415,
    "not sent as a web form",
  ],
];

describe("a malformed or hostile request is refused, says why, and changes nothing", () => {
  it.each(cases)("%s", async (_, person, path, body, status, message) => {
    const before = await databaseFingerprint(s.database.url);
    const response = await send(who[person], path(), body());
    const text = await response.text();
    expect(response.status, text.slice(0, 500)).toBe(status);
    expect(text.length).toBeGreaterThan(0);
    if (message) expect(text).toContain(message);
    expect(text).not.toMatch(/Unexpected Server Error|\bat \S+:\d+:\d+/);
    expect(await databaseFingerprint(s.database.url)).toBe(before);
  });

  it("left no error in the server's log, only warnings without the bodies", () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    const log = s.app.output();
    expect(log).not.toMatch(/error reference/);
    expect(log).toMatch(/warning: refused POST \/sign-in with 415/);
    expect(log).not.toContain("xxxxxxxxxx");
    expect(log).not.toContain('"email":"a@b.c"');
  });
});

describe("a redirect asked for by a request never leaves the site", () => {
  it.each([
    ["a tab", "/\t/evil.example"],
    ["an encoded tab", "%2F%09%2Fevil.example"],
    ["another host", "//evil.example"],
    ["a backslash", "/\\evil.example"],
    ["a scheme", "https:evil.example"],
    ["a line break", "/\r\n/evil.example"],
    ["5,000 characters", `/${"a".repeat(5000)}`],
  ])("signing in with %s in redirectTo lands on the champion's own page", async (_, redirectTo) => {
    const response = await visit(s.app.url, "/sign-in", {
      method: "POST",
      form: {
        email: "champion@example.com",
        password: "anchor-charter-demo",
        redirectTo: decodeURIComponent(redirectTo),
      },
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/organisations/${s.uhmb}`);
  });

  it("the share button's returnTo with a newline comes back to the organisation, not a 500", async () => {
    const response = await send(
      who.champion,
      share(),
      form({ share: "no", returnTo: "/x\r\nSet-Cookie: a=b" }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/organisations/${s.uhmb}`);
    expect(response.headers.get("set-cookie")).toBeNull();
  });
});

describe("a web address that cannot be read", () => {
  it.each(["/organisations/%E0%A4%A", "/invitations/%ZZ", "/reset-password/%"])(
    "%s answers 400 with a page that says so, not a 500",
    async (path) => {
      const response = await visit(s.app.url, path, { visitor: { ...who.champion } });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("this web address is not valid");
      expect(s.app.output()).not.toMatch(/error reference/);
    },
  );
});

describe("signed out", () => {
  it("every page's header offers the way in", async () => {
    const html = await (await visit(s.app.url, "/")).text();
    expect(html).toMatch(
      /<nav class="nhsuk-header__account"[^>]*>.*href="\/sign-in"[^>]*>Sign in<\/a>/s,
    );
  });
});

describe("query parameters that name a message", () => {
  it("a key of Object's prototype shows no message rather than a function", async () => {
    const person = await s.read.userId("champion@example.com");
    for (const key of ["constructor", "__proto__", "toString"]) {
      const response = await visit(s.app.url, `/admin/people/${person}?invitation=${key}`, {
        visitor: { ...who.admin },
      });
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).not.toMatch(/role="status"><p>/);
      expect(html).not.toContain("[native code]");
    }
  });
});
