import crypto from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../../setup/start-app";
import { createTestDatabase, type TestDatabase } from "../../setup/database";
import { expectEdgeHeaders } from "./edge";

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

function post(url: string, headers: Record<string, string>) {
  return fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
    body: "email=champion%40example.nhs.uk&password=guess",
    redirect: "manual",
  });
}

/** Every row of every table: if nothing was written, this does not change. */
async function databaseFingerprint(): Promise<string> {
  const db = database.open();
  try {
    const hash = crypto.createHash("sha256");
    const tables = (await db.introspection.getTables()).map((t) => t.name).sort();
    for (const table of tables) {
      const rows = await sql`select * from ${sql.table(table)}`.execute(db);
      const lines = rows.rows.map((row) => JSON.stringify(row)).sort();
      hash.update(`${table}\n${lines.join("\n")}\n`);
    }
    return hash.digest("hex");
  } finally {
    await db.destroy();
  }
}

describe("a form another website submits is refused before any route runs", () => {
  it("refuses a post whose Origin is another site, and nothing changes", async () => {
    const before = await databaseFingerprint();
    for (const path of ["/", "/sign-in"]) {
      const response = await post(app.url + path, { Origin: "https://evil.example" });
      expect(response.status).toBe(403);
      expectEdgeHeaders(response, { https: false });
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.text()).toContain("It came from another website");
    }
    expect(await databaseFingerprint()).toBe(before);
  });

  it.each(["cross-site", "same-site"])(
    "refuses a post without Origin that the browser marks Sec-Fetch-Site: %s",
    async (site) => {
      const response = await post(app.url, { "Sec-Fetch-Site": site });
      expect(response.status).toBe(403);
    },
  );

  it('refuses an Origin of "null", sent from sandboxed frames', async () => {
    expect((await post(app.url, { Origin: "null" })).status).toBe(403);
  });

  it("serves a GET from another site: reading changes nothing", async () => {
    const response = await fetch(app.url, {
      headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
    });
    expect(response.status).toBe(200);
  });
});

describe("the service's own forms still reach their routes", () => {
  it("lets a same-origin post through to Remix (/ has no action, so 405)", async () => {
    const response = await post(app.url, { Origin: app.url, "Sec-Fetch-Site": "same-origin" });
    expect(response.status).toBe(405);
  });

  it.each(["same-origin", "none"])(
    "lets a post without Origin marked Sec-Fetch-Site: %s through",
    async (site) => {
      expect((await post(app.url, { "Sec-Fetch-Site": site })).status).toBe(405);
    },
  );

  it("lets a post with neither header through: SameSite=Lax cookies guard those", async () => {
    expect((await post(app.url, {})).status).toBe(405);
  });
});

describe("behind a proxy, the public origin is the one that counts", () => {
  it("accepts posts from APP_ORIGIN and refuses the server's own address", async () => {
    const proxied = await startApp({
      ...database.env,
      APP_ORIGIN: "https://anchor.example",
      // A real deployment by its origin: these headers are tested on the demo data.
      ALLOW_DEMO_DATA: "true",
    });
    try {
      const fromPublicOrigin = await post(proxied.url, {
        Origin: "https://anchor.example",
        // What a proxy passes on, so that Remix's own host check agrees.
        "X-Forwarded-Host": "anchor.example",
      });
      expect(fromPublicOrigin.status).toBe(405);
      expect((await post(proxied.url, { Origin: proxied.url })).status).toBe(403);
    } finally {
      await proxied.stop();
    }
  });
});
