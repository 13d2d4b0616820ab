import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startApp } from "../setup/start-app";
import { createTestDatabase, type TestDatabase } from "../setup/database";
import { lookup } from "../support/http";

/**
 * Demo data on a real deployment would leave administrators with a published
 * password and no second factor. These start the real server as an operator
 * would, and check it refuses unless told, loudly, that a demo is meant.
 */
let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await database.cleanup();
});

const publicOrigin = { APP_ORIGIN: "https://anchor.example.nhs.uk" };

/** Starts the server; if it listens, stops it again. Either way, says what happened. */
async function start(env: Record<string, string>) {
  try {
    const app = await startApp({ ...database.env, ...env });
    await app.stop();
    return { started: true, output: app.output() };
  } catch (error) {
    return { started: false, output: String(error) };
  }
}

async function peopleInDatabase() {
  const l = lookup(database.url);
  const { n } = await l.row<{ n: number }>("select count(*) as n from app_user");
  await l.close();
  return Number(n);
}

describe("a newcomer's local start", () => {
  it("still loads demo data with no settings at all", async () => {
    const local = await start({});
    expect(local.started).toBe(true);
    expect(local.output).toContain("Loaded demonstration data");
    expect(local.output).not.toContain("WARNING");
  });
});

describe("a real deployment", () => {
  it("refuses to load demo data into a new database, and leaves no demo account behind", async () => {
    const refused = await start(publicOrigin);
    expect(refused.started).toBe(false);
    expect(refused.output).toContain("exited with code 1");
    expect(refused.output).toContain(
      "Refusing to start: this looks like a real deployment (APP_ORIGIN is https://anchor.example.nhs.uk)",
    );
    expect(refused.output).toContain("SEED_DEMO_DATA=false");
    expect(refused.output).toContain("ALLOW_DEMO_DATA=true");
    expect(await peopleInDatabase()).toBe(0);
  });

  it("refuses a database that already holds demo data, once served beyond this machine", async () => {
    expect((await start({})).started).toBe(true);
    for (const env of [{ HOST: "0.0.0.0" }, publicOrigin]) {
      const refused = await start({ ...env, SEED_DEMO_DATA: "false" });
      expect(refused.started).toBe(false);
      expect(refused.output).toContain("found demonstration data in this database");
    }
  });

  it("starts empty and quiet with SEED_DEMO_DATA=false", async () => {
    const real = await start({ ...publicOrigin, SEED_DEMO_DATA: "false" });
    expect(real.started).toBe(true);
    expect(real.output).not.toMatch(/demo|WARNING/i);
    expect(await peopleInDatabase()).toBe(0);
  });

  it("runs a public demonstration only with ALLOW_DEMO_DATA=true, and warns loudly", async () => {
    const demo = await start({ ...publicOrigin, ALLOW_DEMO_DATA: "true" });
    expect(demo.started).toBe(true);
    expect(demo.output).toContain(
      "WARNING: demonstration data on a real deployment (APP_ORIGIN is https://anchor.example.nhs.uk), allowed by ALLOW_DEMO_DATA=true.",
    );
    // Anything but exactly "true" is not an opt-in.
    expect((await start({ HOST: "0.0.0.0", ALLOW_DEMO_DATA: "yes" })).started).toBe(false);
  });
});
