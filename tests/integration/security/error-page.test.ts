import http from "node:http";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../e2e/support/browser";
import { type RunningApp, startApp } from "../../setup/start-app";
import { createTestDatabase, testingOnPostgres } from "../../setup/database";
import { expectEdgeHeaders, ruinDatabase } from "./edge";
import { watchForPageProblems } from "./page-problems";

const GENERIC = "Sorry, there is a problem with the service";
const REFERENCE = /<strong id="error-reference">([0-9a-f]{8})<\/strong>/;
// What the driver says once the database is gone (kept out of every page).
// SQLite names a file overwritten under it either way, depending on which pages it had cached
// (the report job runner reads the database too, every second).
const BROKEN_MESSAGE = testingOnPostgres()
  ? /does not exist/
  : /file is not a database|database disk image is malformed/;

let browser: Browser;
const running: Array<{ app: RunningApp; cleanup: () => Promise<void> }> = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  for (const { app, cleanup } of running.splice(0)) {
    await app.stop();
    await cleanup();
  }
});

/** A running app whose database was ruined before it served anything, or later by `breakNow`. */
async function startAppWithFragileDatabase() {
  const database = await createTestDatabase();
  const app = await startApp(database.env);
  running.push({ app, cleanup: database.cleanup });
  return { app, breakNow: () => ruinDatabase(database) };
}

async function loggedWith(app: RunningApp, reference: string) {
  await expect.poll(() => app.output()).toContain(`error reference ${reference}`);
  const line = app
    .output()
    .split("\n")
    .find((l) => l.includes(`error reference ${reference}`));
  return line ?? "";
}

function expectNothingOfTheError(html: string) {
  expect(html).not.toMatch(BROKEN_MESSAGE);
  expect(html).not.toContain("Error:");
  expect(html).not.toMatch(/\bat \S+ \(|\bat \S+:\d+:\d+/);
  expect(html).not.toContain(path.resolve("."));
  expect(html).not.toContain("node_modules");
}

describe("an unexpected error shows a generic page with a reference support can look up", () => {
  it("a page whose data cannot be read answers 500 with the reference, logged with the error", async () => {
    const { app, breakNow } = await startAppWithFragileDatabase();
    await breakNow();

    const response = await fetch(app.url);
    expect(response.status).toBe(500);
    expectEdgeHeaders(response, { https: false });
    expect(response.headers.get("cache-control")).toBe("no-store");
    const html = await response.text();
    expect(html).toContain(GENERIC);
    expect(html).toContain("give this reference");
    const reference = REFERENCE.exec(html)?.[1];
    expect(reference).toBeDefined();
    expectNothingOfTheError(html);

    expect(await loggedWith(app, reference!)).toContain("GET /");
    expect(app.output()).toMatch(BROKEN_MESSAGE);
  });

  it("two failing requests get two references", async () => {
    const { app, breakNow } = await startAppWithFragileDatabase();
    await breakNow();
    const [first, second] = await Promise.all(
      [1, 2].map(async () => REFERENCE.exec(await (await fetch(app.url)).text())?.[1]),
    );
    expect(first).toMatch(/^[0-9a-f]{8}$/);
    expect(second).toMatch(/^[0-9a-f]{8}$/);
    expect(first).not.toBe(second);
  });

  it("an error Remix cannot handle gets the same page from the server's last resort", async () => {
    const { app } = await startAppWithFragileDatabase();
    // No URL can be built from this Host header, so the request fails before Remix sees it.
    const response = await rawGet(app.url, { Host: "no such host" });
    expect(response.status).toBe(500);
    expect(response.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(response.body).toContain(GENERIC);
    const reference = /give this reference: <strong>([0-9a-f]{8})<\/strong>/.exec(
      response.body,
    )?.[1];
    expect(reference).toBeDefined();
    expectNothingOfTheError(response.body);
    expect(await loggedWith(app, reference!)).toContain("GET /");
  });
});

describe("in a browser with JavaScript", () => {
  it("the reference stays on the page after it comes to life, with no script errors or CSP violations", async () => {
    const { app, breakNow } = await startAppWithFragileDatabase();
    await breakNow();
    await withPage(async (page, problems) => {
      const response = await page.goto(app.url);
      expect(response?.status()).toBe(500);
      await waitForHydration(page);
      await expect(page.locator("h1").innerText()).resolves.toBe(GENERIC);
      const reference = await page.locator("#error-reference").innerText({ timeout: 5_000 });
      expect(reference).toMatch(/^[0-9a-f]{8}$/);
      await loggedWith(app, reference);
      expect(problems).toEqual([]);
    });
  });

  it("a link followed after the database failed loads the whole page, to show a reference", async () => {
    const { app, breakNow } = await startAppWithFragileDatabase();
    await withPage(async (page, problems) => {
      // A missing page reads nothing from the database, so it still works here.
      await page.goto(`${app.url}/no-such-page`);
      await waitForHydration(page);
      await breakNow();
      await page.getByRole("link", { name: "Anchor Charter homepage" }).click();
      await page.waitForURL(`${app.url}/`);
      const reference = await page.locator("#error-reference").innerText({ timeout: 5_000 });
      expect(reference).toMatch(/^[0-9a-f]{8}$/);
      await loggedWith(app, reference);
      await expect(page.locator("h1").innerText()).resolves.toBe(GENERIC);
      expect(problems).toEqual([]);
    });
  });
});

async function withPage(run: (page: Page, problems: string[]) => Promise<void>) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await run(page, await watchForPageProblems(page));
  } finally {
    await context.close();
  }
}

function waitForHydration(page: Page) {
  return page.waitForFunction(
    () =>
      (window as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter?.state
        .initialized,
  );
}

function rawGet(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const request = http.get(url, { headers }, (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        );
      });
      request.on("error", reject);
    },
  );
}
