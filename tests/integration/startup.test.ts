import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runAppUntilExit, startApp } from "../setup/start-app";
import { createTestDatabase, type TestDatabase, testingOnPostgres } from "../setup/database";

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(() => database.cleanup());

// The SQLite file's size: unchanged when a start writes nothing.
const sqliteSize = () =>
  testingOnPostgres() ? 0 : fs.statSync(database.url.slice("file:".length)).size;

async function fetchHome(url: string) {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return response.text();
}

describe("starting the app", () => {
  it("migrates, loads demo data on first start, and keeps data on the next start", async () => {
    const env = database.env;
    const first = await startApp(env);
    try {
      expect(first.output()).toContain("Loaded demonstration data");
      // The charter's page: the content loaded at start, all 16 components.
      const html = await fetchHome(`${first.url}/charter`);
      expect(html).toContain("Demonstration data");
      expect(html.match(/Component (?:<!-- -->)?\d\.\d/g)).toHaveLength(16);
    } finally {
      await first.stop();
    }
    const sizeAfterFirst = sqliteSize();

    const second = await startApp(env);
    try {
      expect(second.output()).toContain("Existing data kept");
      expect(second.output()).not.toContain("applied");
      await fetchHome(second.url);
    } finally {
      await second.stop();
    }
    expect(sqliteSize()).toBe(sizeAfterFirst);
  });

  it("without demo data, says nothing of demonstration data", async () => {
    const app = await startApp({
      ...database.env,
      SEED_DEMO_DATA: "false",
    });
    try {
      const html = await fetchHome(app.url);
      expect(html).not.toContain("Demonstration data");
    } finally {
      await app.stop();
    }
  });

  it("answers an unknown page with 404 and the service's own page", async () => {
    const app = await startApp(database.env);
    try {
      const response = await fetch(`${app.url}/no-such-page`);
      expect(response.status).toBe(404);
      expect(await response.text()).toContain("Page not found");
    } finally {
      await app.stop();
    }
  });

  it("stops with a message naming the file and field when the charter content is malformed", async () => {
    const content = `${database.dir}/content`;
    fs.mkdirSync(content);
    const charter = JSON.parse(fs.readFileSync("content/charter/lsc-2021.json", "utf8"));
    delete charter.domains[2].components[0].title;
    fs.writeFileSync(`${content}/lsc-2021.json`, JSON.stringify(charter));
    fs.writeFileSync(`${content}/current.json`, JSON.stringify({ current: "lsc-2021" }));

    const result = await runAppUntilExit({
      ...database.env,
      CHARTER_CONTENT_DIR: content,
    });
    expect(result.code).toBe(1);
    expect(result.output).toContain("lsc-2021.json");
    expect(result.output).toContain("domains.2.components.0.title");
    // Nothing was created: the content is checked before the database is touched.
    if (!testingOnPostgres()) {
      expect(fs.existsSync(database.url.slice("file:".length))).toBe(false);
      return;
    }
    const db = database.open();
    try {
      expect(await db.introspection.getTables()).toEqual([]);
    } finally {
      await db.destroy();
    }
  });
});
