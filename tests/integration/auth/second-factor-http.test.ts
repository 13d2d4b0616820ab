import { decodeBase32IgnorePadding, encodeHexLowerCase } from "@oslojs/encoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../../setup/start-app";
import { createTestDatabase, type TestDatabase } from "../../setup/database";
import { lookup, signIn, visit, type Visitor } from "../../support/http";
import { addPerson, currentCode } from "../../support/people";

/**
 * The second factor as real people meet it, over HTTP, on a database that
 * holds demo data: the demo accounts' exemption must not reach anyone else.
 */
let app: RunningApp;
let database: TestDatabase;
let systemId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startApp(database.env);
  const l = lookup(database.url);
  systemId = (await l.row<{ id: number }>("select id from system")).id;
  await l.close();
}, 60_000);

afterAll(async () => {
  await app?.stop();
  await database?.cleanup();
});

const get = (path: string, visitor: Visitor) => visit(app.url, path, { visitor });
const location = (response: Response) => response.headers.get("location");

async function enterCode(visitor: Visitor, code: string, redirectTo?: string) {
  return visit(app.url, "/sign-in/two-factor", {
    visitor,
    method: "POST",
    form: { code, ...(redirectTo ? { redirectTo } : {}) },
  });
}

describe("a real administrator without a second factor", () => {
  it("is sent to set one up from every page, sets it up with the key shown, and needs a code from then on", async () => {
    const admin = await addPerson(database.url, {
      email: "real.admin@nhs.example",
      grants: [{ role: "admin", systemId }],
      secondFactor: false,
    });
    const visitor = await signIn(app.url, admin.email, admin.password);
    // Only their account page stays open, so they can still sign out everywhere.
    for (const path of ["/admin", "/admin/people", "/organisations", "/places/1"]) {
      const response = await get(path, visitor);
      expect({ path, status: response.status, to: location(response) }).toEqual({
        path,
        status: 302,
        to: "/account/two-factor?required=1",
      });
    }
    const refusedPost = await visit(app.url, "/admin/places", {
      visitor,
      method: "POST",
      form: { name: "A place added without a second factor" },
    });
    expect(location(refusedPost)).toBe("/account/two-factor?required=1");

    const setup = await (await get("/account/two-factor?required=1", visitor)).text();
    expect(setup).toContain("Set this up to continue");
    const keyText = /class="app-totp-key">([A-Z2-7 ]+)</.exec(setup)?.[1] ?? "";
    const key = encodeHexLowerCase(decodeBase32IgnorePadding(keyText.replace(/ /g, "")));
    const wrong = await visit(app.url, "/account/two-factor", {
      visitor,
      method: "POST",
      form: { intent: "enable", code: currentCode(key) === "000000" ? "111111" : "000000" },
    });
    expect(wrong.status).toBe(400);
    expect(location(await get("/admin", visitor))).toBe("/account/two-factor?required=1");

    const turnedOn = await visit(app.url, "/account/two-factor", {
      visitor,
      method: "POST",
      form: { intent: "enable", code: currentCode(key) },
    });
    // Recovery codes come next, while the new factor is at hand.
    expect(location(turnedOn)).toBe("/account/recovery-codes?new=1");
    expect((await get("/admin", visitor)).status).toBe(200);

    const nextTime = await signIn(app.url, admin.email, admin.password);
    const skipped = await get("/admin", nextTime);
    expect(location(skipped)).toBe("/sign-in/two-factor?redirectTo=%2Fadmin");
    expect((await enterCode(nextTime, currentCode(key))).status).toBe(302);
    expect((await get("/admin", nextTime)).status).toBe(200);
  });
});

describe("a person with a second factor", () => {
  it("is asked for the code after the password, cannot skip it, is refused a wrong code, and gets in with the right one", async () => {
    const admin = await addPerson(database.url, {
      email: "coded.admin@nhs.example",
      grants: [{ role: "admin", systemId }],
      secondFactor: true,
    });
    const visitor: Visitor = { cookie: null };
    const password = await visit(app.url, "/sign-in", {
      visitor,
      method: "POST",
      form: { email: admin.email, password: admin.password, redirectTo: "/admin/audit" },
    });
    expect(password.status).toBe(302);
    expect(location(password)).toBe("/sign-in/two-factor?redirectTo=%2Fadmin%2Faudit");
    expect(visitor.cookie).not.toBeNull();

    // Going straight to a page, or posting to one, is sent back to the code step.
    for (const path of ["/admin/audit", "/admin", "/organisations", "/account"]) {
      expect({ path, to: location(await get(path, visitor)) }).toEqual({
        path,
        to: `/sign-in/two-factor?redirectTo=${encodeURIComponent(path)}`,
      });
    }
    const post = await visit(app.url, "/admin/places", {
      visitor,
      method: "POST",
      form: { name: "A place added without the code" },
    });
    expect(location(post)).toBe("/sign-in/two-factor?redirectTo=%2Fadmin%2Fplaces");
    // The sign-in page stays open to finish signing in; it does not treat them as signed in.
    expect((await get("/sign-in", visitor)).status).toBe(200);

    const code = currentCode(admin.totpKey!);
    const wrongCode = String((Number(code) + 500_000) % 1_000_000).padStart(6, "0");
    const wrong = await enterCode(visitor, wrongCode, "/admin/audit");
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("The code is not correct");
    expect(location(await get("/admin/audit", visitor))).toBe(
      "/sign-in/two-factor?redirectTo=%2Fadmin%2Faudit",
    );

    const right = await enterCode(visitor, code, "/admin/audit");
    expect(location(right)).toBe("/admin/audit");
    expect((await get("/admin/audit", visitor)).status).toBe(200);
    // Signed in now: the code step has nothing left to ask.
    expect(location(await get("/sign-in/two-factor", visitor))).toBe("/admin");
  });

  it("holds a champion who chose one to it too, though the role does not need it", async () => {
    const l = lookup(database.url);
    const organisationId = await l.organisationId("Lancaster District Council");
    await l.close();
    const champion = await addPerson(database.url, {
      email: "careful.champion@nhs.example",
      grants: [{ role: "champion", organisationId }],
      secondFactor: true,
    });
    const visitor = await signIn(app.url, champion.email, champion.password);
    const page = `/organisations/${organisationId}`;
    expect(location(await get(page, visitor))).toBe(
      `/sign-in/two-factor?redirectTo=${encodeURIComponent(page)}`,
    );
    expect((await enterCode(visitor, currentCode(champion.totpKey!))).status).toBe(302);
    expect((await get(page, visitor)).status).toBe(200);
  });
});
