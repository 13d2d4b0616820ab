import crypto from "node:crypto";
import type { Server } from "node:http";
import { sql } from "kysely";
import Provider from "oidc-provider";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed/demo-ics";
import { createTestDatabase, type TestDatabase } from "../setup/database";
import { freePort, startApp, type RunningApp } from "../setup/start-app";
import { lookup, signIn, visit } from "../support/http";
import { addPerson, freshCode, type Person } from "../support/people";
import { accessibilityViolations, launchBrowser } from "./support/browser";

/**
 * Signing in with the organisation's own account against a real OpenID
 * provider (oidc-provider 8, certified), started here on a loopback port and
 * set up by the demo administrator through the app's own form. The browser
 * goes there and back over real HTTP. A matched person signs in; an unknown
 * e-mail, another tenant, a replayed code, a wrong nonce and an expired token
 * are each refused with a clear page, and the database does not change.
 */
const SHOTS = "/work/shots/auth";
const TENANT = "tenant-lancashire";
const accounts: Record<string, Record<string, unknown>> = {
  nia: { email: "nia.nhsmail@nhs.example", email_verified: true, tid: TENANT },
  stranger: { email: "stranger@nhs.example", email_verified: true, tid: TENANT },
  elsewhere: { email: "nia.nhsmail@nhs.example", email_verified: true, tid: "another-tenant" },
};

let database: TestDatabase;
let app: RunningApp;
let issuer: string;
let oidcServer: Server;
let browser: Browser;
let nia: Person;
let organisationId: number;
/** Seconds an ID token lives, and how long the token endpoint waits before answering. */
const tokens = { ttl: 600, delayMs: 0 };

beforeAll(async () => {
  database = await createTestDatabase("anchor-oidc-");
  const appPort = await freePort();
  const origin = `http://127.0.0.1:${appPort}`;
  const providerPort = await freePort();
  issuer = `http://127.0.0.1:${providerPort}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: "anchor-charter",
        client_secret: "a client secret long enough for the tests",
        redirect_uris: [`${origin}/sign-in/oidc/callback`],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    async findAccount(_ctx, id) {
      return { accountId: id, claims: async () => ({ sub: `sub-${id}`, ...accounts[id] }) };
    },
    // The tenant goes in every ID token, as Microsoft Entra ID's `tid` does.
    claims: { openid: ["sub", "tid"], email: ["email", "email_verified"] },
    conformIdTokenClaims: false,
    ttl: { IdToken: () => tokens.ttl },
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope("openid email");
      await grant.save();
      return grant;
    },
  });
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path === "/token" && tokens.delayMs) {
      await new Promise((resolve) => setTimeout(resolve, tokens.delayMs));
    }
  });
  await new Promise<void>((resolve) => {
    oidcServer = provider.listen(providerPort, "127.0.0.1", resolve);
  });

  app = await startApp({
    ...database.env,
    PORT: String(appPort),
    APP_ORIGIN: origin,
    SECRETS_KEY: crypto.randomBytes(32).toString("hex"),
  });
  const l = lookup(database.url);
  organisationId = await l.organisationId("Lancaster District Council");
  await l.close();
  nia = await addPerson(database.url, {
    email: "nia.nhsmail@nhs.example",
    grants: [{ role: "champion", organisationId }],
  });
  browser = await launchBrowser();

  // The system's administrator sets it up through the app's own form.
  const admin = await signIn(app.url, "admin@example.com", DEMO_PASSWORD);
  const added = await visit(app.url, "/admin/sign-in-providers", {
    visitor: admin,
    method: "POST",
    form: {
      name: "NHSmail",
      issuer,
      clientId: "anchor-charter",
      clientSecret: "a client secret long enough for the tests",
      allowedTenants: TENANT,
      allowedDomains: "",
    },
  });
  expect(added.status).toBe(302);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  oidcServer?.close();
  await app?.stop();
  await database?.cleanup();
});

/** Every row of every table but the audit log's and the attempt counters'. */
async function fingerprint(): Promise<string> {
  const db = database.open();
  try {
    const hash = crypto.createHash("sha256");
    const tables = (await db.introspection.getTables()).map((t) => t.name).sort();
    for (const table of tables) {
      const rows = await sql`select * from ${sql.table(table)}`.execute(db);
      hash.update(
        `${table}\n${rows.rows
          .map((r) => JSON.stringify(r))
          .sort()
          .join("\n")}\n`,
      );
    }
    return hash.digest("hex");
  } finally {
    await db.destroy();
  }
}

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  context.setDefaultTimeout(20_000);
  return { context, page: await context.newPage() };
}

/** From our sign-in page, through the provider's own login, as `account`. */
async function throughProvider(page: Page, account: string) {
  await page.goto(`${app.url}/sign-in`);
  await page.getByRole("link", { name: "Sign in with NHSmail" }).click();
  await page.waitForURL((url) => url.href.startsWith(issuer));
  await page.locator('input[name="login"]').fill(account);
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  const consent = page.getByRole("button", { name: "Continue" });
  await Promise.race([
    page.waitForURL((url) => url.href.startsWith(app.url)),
    consent.waitFor().then(() => consent.click()),
  ]);
  await page.waitForURL((url) => url.href.startsWith(app.url));
}

async function expectRefused(page: Page, words: RegExp, shot?: string) {
  await page.getByRole("heading", { name: "You could not be signed in" }).waitFor();
  await page.getByText(words).waitFor();
  await page.getByText("Nothing has been changed.").waitFor();
  expect(await accessibilityViolations(page)).toEqual([]);
  if (shot) await page.screenshot({ path: `${SHOTS}/${shot}`, fullPage: true });
  // Not signed in.
  await page.goto(`${app.url}/account`);
  await page.waitForURL(/\/sign-in\?redirectTo=%2Faccount/);
}

describe("signing in with the organisation's account", () => {
  it("signs in the invited person it matches, then asks for their second factor", async () => {
    const { context, page } = await newPage();
    await throughProvider(page, "nia");
    await page.waitForURL(/\/sign-in\/two-factor/);
    await page.getByLabel("Security code").fill(await freshCode(nia));
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL(`${app.url}/organisations/${organisationId}`);
    await page.screenshot({ path: `${SHOTS}/oidc-signed-in.png` });
    const l = lookup(database.url);
    const linked = await l.row<{ user_id: number; subject: string }>(
      "select user_id, subject from oidc_identity",
    );
    const audit = await l.row<{ detail: string }>(
      "select detail from audit_event where action = 'sign_in.success' and actor_user_id = ? order by id desc limit 1",
      nia.id,
    );
    await l.close();
    expect(linked).toEqual({ user_id: nia.id, subject: "sub-nia" });
    expect(JSON.parse(audit.detail)).toMatchObject({ method: "organisation", provider: "NHSmail" });
    await context.close();
  });

  it("refuses an e-mail address nobody was invited with, creating no account", async () => {
    const before = await fingerprint();
    const { context, page } = await newPage();
    await throughProvider(page, "stranger");
    await expectRefused(
      page,
      /There is no account here for stranger@nhs.example/,
      "oidc-refused.png",
    );
    expect(await fingerprint()).toBe(before);
    await context.close();
  });

  it("refuses an account of another tenant, even with an invited address", async () => {
    const before = await fingerprint();
    const { context, page } = await newPage();
    await throughProvider(page, "elsewhere");
    await expectRefused(page, /belongs to an organisation that is not allowed to sign in here/);
    expect(await fingerprint()).toBe(before);
    await context.close();
  });

  it("refuses a code used already, replayed with its own state and verifier", async () => {
    // Someone copies the callback address and the browser's sealed cookie as a sign-in completes.
    const { context, page } = await newPage();
    let callback = "";
    page.on("request", (request) => {
      if (request.url().startsWith(`${app.url}/sign-in/oidc/callback`)) callback = request.url();
    });
    await page.goto(`${app.url}/sign-in`);
    await page.getByRole("link", { name: "Sign in with NHSmail" }).click();
    await page.waitForURL((url) => url.href.startsWith(issuer));
    const cookie = (await context.cookies()).find((c) => c.name === "anchor_oidc");
    expect(cookie).toBeTruthy();
    await page.locator('input[name="login"]').fill("nia");
    await page.locator('input[name="password"]').fill("anything");
    await page.getByRole("button", { name: "Sign-in" }).click();
    await page.waitForURL(/\/sign-in\/two-factor/);
    await context.close();
    expect(callback).toContain("code=");
    // And tries it again.
    const before = await fingerprint();
    const replay = await newPage();
    await replay.context.addCookies([cookie!]);
    await replay.page.goto(callback);
    await expectRefused(replay.page, /has been used already or has expired/);
    expect(await fingerprint()).toBe(before);
    await replay.context.close();
  });

  it("refuses an ID token whose nonce is not this sign-in's", async () => {
    const before = await fingerprint();
    const { context, page } = await newPage();
    // The app's redirect to the provider, with another sign-in's nonce put in its place.
    await page.route(
      (url) => url.pathname.startsWith("/sign-in/oidc/") && !url.pathname.endsWith("/callback"),
      async (route) => {
        const answer = await route.fetch({ maxRedirects: 0 });
        const location = new URL(answer.headers()["location"] ?? "");
        location.searchParams.set("nonce", "a-nonce-from-another-sign-in");
        await route.fulfill({
          status: 302,
          headers: { ...answer.headers(), location: location.href },
        });
      },
    );
    await throughProvider(page, "nia");
    await expectRefused(page, /was for a different sign-in/);
    expect(await fingerprint()).toBe(before);
    await context.close();
  });

  it("refuses an ID token that has expired by the time it arrives", async () => {
    tokens.ttl = 1;
    tokens.delayMs = 7_000;
    try {
      const before = await fingerprint();
      const { context, page } = await newPage();
      await throughProvider(page, "nia");
      await expectRefused(page, /had expired before it arrived/);
      expect(await fingerprint()).toBe(before);
      await context.close();
    } finally {
      tokens.ttl = 600;
      tokens.delayMs = 0;
    }
  });
});
