import { createServer, request as httpRequest, type Server } from "node:http";
import type { Browser, BrowserContext, CDPSession, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../setup/database";
import { freePort, startApp, type RunningApp } from "../setup/start-app";
import { lookup } from "../support/http";
import { addPerson, freshCode, type Person } from "../support/people";
import { accessibilityViolations, launchBrowser } from "./support/browser";

/**
 * Passkeys in Chromium with the DevTools protocol's virtual authenticator
 * (issue 21): a champion adds one, signs in with it alone, a look-alike site
 * relaying our pages is refused, and so is a copied authenticator whose
 * counter goes backwards. WebAuthn refuses IP addresses as a relying party,
 * so this app is served as http://localhost, which Chromium counts secure.
 */
const SHOTS = "/work/shots/auth";
let database: TestDatabase;
let app: RunningApp;
let origin: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let cdp: CDPSession;
let authenticatorId: string;
let champion: Person;
let organisationId: number;

beforeAll(async () => {
  database = await createTestDatabase("anchor-passkeys-");
  const port = await freePort();
  origin = `http://localhost:${port}`;
  app = await startApp({ ...database.env, PORT: String(port), APP_ORIGIN: origin });
  const l = lookup(database.url);
  organisationId = await l.organisationId("Lancaster District Council");
  await l.close();
  champion = await addPerson(database.url, {
    email: "pat.passkey@nhs.example",
    grants: [{ role: "champion", organisationId }],
  });
  browser = await launchBrowser();
  context = await browser.newContext();
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
  cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  authenticatorId = await addAuthenticator();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await database?.cleanup();
});

async function addAuthenticator() {
  const { authenticatorId: id } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return id;
}

async function passkeyRows() {
  const l = lookup(database.url);
  try {
    return await l.all<{ name: string; counter: number | string; user_id: number }>(
      "select name, counter, user_id from passkey order by id",
    );
  } finally {
    await l.close();
  }
}

async function signOut(p: Page) {
  await p.goto(`${origin}/sign-out`);
  await p.locator("main").getByRole("button", { name: "Sign out" }).click();
  await p.waitForURL(`${origin}/`);
}

describe("passkeys, in the browser", () => {
  it("a champion signs in with password and code, then adds a named passkey", async () => {
    await page.goto(`${origin}/sign-in`);
    await page.getByLabel("Email address").fill(champion.email);
    await page.getByLabel("Password", { exact: true }).fill(champion.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL(/\/sign-in\/two-factor/);
    await page.getByLabel("Security code").fill(await freshCode(champion));
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL(`${origin}/organisations/${organisationId}`);

    await page.goto(`${origin}/account/passkeys`);
    await page.getByLabel("Name this passkey").fill("Work laptop");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/passkey-register.png`, fullPage: true });
    await page.getByRole("button", { name: "Add a passkey" }).click();
    // The first passkey of someone without recovery codes leads on to making them.
    await page.waitForURL(`${origin}/account/recovery-codes?new=1`);
    await page.getByRole("button", { name: "Make my recovery codes" }).click();
    await page.getByRole("heading", { name: "Your recovery codes" }).waitFor();
    expect(await page.locator(".app-recovery-codes li").count()).toBe(10);
    await page.screenshot({ path: `${SHOTS}/recovery-codes.png`, fullPage: true });

    const rows = await passkeyRows();
    expect(rows.map((r) => ({ name: r.name, user: r.user_id }))).toEqual([
      { name: "Work laptop", user: champion.id },
    ]);
    await page.goto(`${origin}/account/passkeys`);
    await page.getByRole("heading", { name: "Work laptop" }).waitFor();
    await page.screenshot({ path: `${SHOTS}/passkey-list.png`, fullPage: true });
  });

  it("signs in with the passkey alone, no password", async () => {
    await signOut(page);
    await page.goto(`${origin}/sign-in`);
    await page.screenshot({ path: `${SHOTS}/passkey-sign-in.png`, fullPage: true });
    await page.getByRole("button", { name: "Use a passkey" }).click();
    await page.waitForURL(`${origin}/organisations/${organisationId}`);
    await page.getByRole("heading", { level: 1, name: /Lancaster District Council/ }).waitFor();
    await page.screenshot({ path: `${SHOTS}/passkey-signed-in.png` });
    const l = lookup(database.url);
    const audit = await l.row<{ detail: string }>(
      "select detail from audit_event where action = 'sign_in.success' and actor_user_id = ? order by id desc limit 1",
      champion.id,
    );
    await l.close();
    expect(JSON.parse(audit.detail)).toEqual({ method: "passkey", passkey: "Work laptop" });
    // The authenticator's counter moved, and the stored one with it.
    expect(Number((await passkeyRows())[0]!.counter)).toBeGreaterThan(0);
  });

  it("refuses an answer signed for another origin (a look-alike site relaying our pages)", async () => {
    await signOut(page);
    const relay = await relayingSite();
    try {
      await page.goto(`${relay.url}/sign-in`);
      await page.getByRole("button", { name: "Use a passkey" }).click();
      await page
        .getByText("This passkey was used on another website, so it was refused.")
        .waitFor();
      await page.screenshot({ path: `${SHOTS}/passkey-wrong-origin.png` });
      // Still signed out, there and here.
      await page.goto(`${origin}/account`);
      await page.waitForURL(/\/sign-in\?redirectTo=%2Faccount/);
    } finally {
      relay.server.close();
    }
  });

  it("refuses a copied authenticator whose counter goes backwards", async () => {
    const stored = Number((await passkeyRows())[0]!.counter);
    const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
    const original = credentials[0]!;
    // The refused look-alike's answer moved the authenticator's counter, never the stored one.
    expect(original.signCount).toBeGreaterThanOrEqual(stored);
    // The copy: the same key on another authenticator, its counter behind the original's.
    await cdp.send("WebAuthn.removeVirtualAuthenticator", { authenticatorId });
    authenticatorId = await addAuthenticator();
    await cdp.send("WebAuthn.addCredential", {
      authenticatorId,
      credential: { ...original, signCount: 0 },
    });
    await page.goto(`${origin}/sign-in`);
    await page.getByRole("button", { name: "Use a passkey" }).click();
    await page.getByText("This passkey was refused because it may have been copied").waitFor();
    await page.screenshot({ path: `${SHOTS}/passkey-cloned.png` });
    expect(Number((await passkeyRows())[0]!.counter)).toBe(stored);
    const l = lookup(database.url);
    const refused = await l.row<{ detail: string }>(
      "select detail from audit_event where action = 'passkey.refused' order by id desc limit 1",
    );
    await l.close();
    expect(JSON.parse(refused.detail)).toEqual({ reason: "counter" });
  });
});

/**
 * Another origin on this machine that passes every request on to the app, as
 * a phishing proxy would, even correcting the Origin header so the app's own
 * cross-site check lets it through: only WebAuthn's origin check is left.
 */
async function relayingSite(): Promise<{ url: string; server: Server }> {
  const target = new URL(origin);
  const port = await freePort();
  const server = createServer((req, res) => {
    const headers = { ...req.headers, host: target.host };
    if (headers.origin) headers.origin = origin;
    delete headers.referer;
    const forward = httpRequest(
      { host: "127.0.0.1", port: target.port, path: req.url, method: req.method, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { url: `http://localhost:${port}`, server };
}
