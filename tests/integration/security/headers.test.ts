import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../../setup/start-app";
import { createTestDatabase, type TestDatabase } from "../../setup/database";
import { cspNonce, expectEdgeHeaders } from "./edge";

let database: TestDatabase;
let app: RunningApp;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startApp(database.env);
});
afterAll(async () => {
  await app?.stop();
  await database?.cleanup();
});

async function stylesheetLinkedFromHome(): Promise<string> {
  const html = await (await fetch(app.url)).text();
  const href = /<link rel="stylesheet" href="(\/assets\/[^"]+\.css)"/.exec(html)?.[1];
  expect(href).toBeDefined();
  return href!;
}

describe("every response carries the protective headers", () => {
  it("on a page, its data, a missing page, a stylesheet and an icon", async () => {
    const stylesheet = await stylesheetLinkedFromHome();
    const answers = await Promise.all(
      ["/", "/_root.data", "/no-such-page", stylesheet, "/assets/images/favicon.svg"].map(
        async (path) => ({ path, response: await fetch(app.url + path) }),
      ),
    );
    expect(answers.map(({ path, response }) => [path, response.status])).toEqual([
      ["/", 200],
      ["/_root.data", 200],
      ["/no-such-page", 404],
      [stylesheet, 200],
      ["/assets/images/favicon.svg", 200],
    ]);
    for (const { response } of answers) expectEdgeHeaders(response, { https: false });
  });

  it("pages and their data are never stored; built files keep their long cache", async () => {
    const stylesheet = await stylesheetLinkedFromHome();
    const cacheOf = async (path: string) =>
      (await fetch(app.url + path)).headers.get("cache-control");
    await expect(cacheOf("/")).resolves.toBe("no-store");
    await expect(cacheOf("/_root.data")).resolves.toBe("no-store");
    await expect(cacheOf("/no-such-page")).resolves.toBe("no-store");
    await expect(cacheOf(stylesheet)).resolves.toBe("public, max-age=31536000, immutable");
    await expect(cacheOf("/assets/images/favicon.svg")).resolves.toBe("public, max-age=86400");
  });
});

describe("inline scripts run only with the page's own nonce", () => {
  it("gives each page a fresh nonce, carried by every script on it", async () => {
    const [first, second] = await Promise.all([fetch(app.url), fetch(app.url)]);
    const nonce = cspNonce(first!);
    expect(nonce).toBeDefined();
    expect(cspNonce(second!)).not.toBe(nonce);

    const scripts = (await first!.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });
});

describe("Strict-Transport-Security", () => {
  it("is absent while the app is served over plain http", async () => {
    expect((await fetch(app.url)).headers.get("strict-transport-security")).toBeNull();
  });

  it("is sent on every response once the public origin is https", async () => {
    const secure = await startApp({
      ...database.env,
      APP_ORIGIN: "https://anchor.example",
      // A real deployment by its origin: these headers are tested on the demo data.
      ALLOW_DEMO_DATA: "true",
    });
    try {
      for (const path of ["/", "/no-such-page", "/assets/images/favicon.svg"]) {
        expectEdgeHeaders(await fetch(secure.url + path), { https: true });
      }
    } finally {
      await secure.stop();
    }
  });
});
