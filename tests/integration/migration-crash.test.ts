import fs from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { type Kysely, sql } from "kysely";
import { migrations } from "../../db/migrations";
import { migrateTo } from "../../db/migrator";
import { launchApp, runAppUntilExit, startApp } from "../setup/start-app";
import {
  createTestDatabase,
  openSql,
  type TestDatabase,
  testingOnPostgres,
} from "../setup/database";

const databases: TestDatabase[] = [];
afterEach(async () => {
  for (const database of databases.splice(0)) await database.cleanup();
});

async function freshDatabase() {
  const database = await createTestDatabase("anchor-migration-crash-");
  databases.push(database);
  return database;
}

async function startsAndServes(env: Record<string, string>) {
  const app = await startApp(env);
  try {
    const response = await fetch(app.url);
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    return app.output();
  } finally {
    await app.stop();
  }
}

// The schema as it stood before the upgrade, which db/schema.ts no longer describes.
type AnyTables = Record<string, Record<string, unknown>>;

async function withEvidenceLinkedToAnAnswer(db: Kysely<AnyTables>) {
  const id = async (table: string, row: Record<string, unknown>) =>
    (await db.insertInto(table).values(row).returning("id").executeTakeFirstOrThrow()).id as number;
  const system = await id("system", { name: "Test ICS" });
  const organisation = await id("organisation", {
    system_id: system,
    name: "Test Trust",
    type: "nhs_trust",
  });
  const period = await id("assessment_period", {
    system_id: system,
    label: "November 2026",
    starts_on: "2026-11-01",
    ends_on: "2026-11-30",
    status: "open",
  });
  const assessment = await id("assessment", {
    organisation_id: organisation,
    period_id: period,
    charter_version: "lsc-2021",
    status: "draft",
  });
  const answer = await id("component_answer", {
    assessment_id: assessment,
    component_id: "1.1",
    status: "in_progress",
  });
  const item = await id("evidence_item", {
    organisation_id: organisation,
    kind: "narrative",
    title: "Kept through the upgrade",
  });
  await db
    .insertInto("component_evidence")
    .values({ component_answer_id: answer, evidence_item_id: item })
    .execute();
}

/** Until the starting app has created the SQLite file, or connected to PostgreSQL. */
async function firstTouched(database: TestDatabase) {
  if (!testingOnPostgres()) {
    const file = database.url.slice("file:".length);
    while (!fs.existsSync(file)) await sleep(1);
    return;
  }
  const watcher = openSql(database.url);
  try {
    const others = () =>
      watcher.one<{ n: number }>(
        "select count(*) as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
      );
    while ((await others()).n === 0) await sleep(1);
  } finally {
    await watcher.close();
  }
}

describe("a start killed while it migrates", () => {
  it.each(Object.keys(migrations))(
    "killed inside %s, the database is as before and the next start succeeds",
    async (name) => {
      const { env } = await freshDatabase();
      // The hook kills the process after the migration's last statement, before its commit.
      const killed = await runAppUntilExit({ ...env, ANCHOR_TEST_KILL_IN_MIGRATION: name });
      expect(killed.output).not.toContain("listening on");
      expect(killed.code).not.toBe(0);

      const output = await startsAndServes(env);
      expect(output).toContain(`applied ${Object.keys(migrations).length} migration(s)`);
      expect(output).toContain("Loaded demonstration data");
    },
  );

  it("killed inside an upgrade's table rebuild, keeps the data and upgrades on the next start", async () => {
    const database = await freshDatabase();
    const env = { ...database.env, SEED_DEMO_DATA: "false" };
    const db = database.open();
    try {
      const names = Object.keys(migrations);
      const before = names[names.indexOf("2026-11-24-02-evidence-files") - 1]!;
      await migrateTo(db, before);
      await withEvidenceLinkedToAnAnswer(db as unknown as Kysely<AnyTables>);

      const killed = await runAppUntilExit({
        ...env,
        ANCHOR_TEST_KILL_IN_MIGRATION: "2026-11-24-02-evidence-files",
      });
      expect(killed.output).not.toContain("listening on");
      expect(
        await db
          .selectFrom("kysely_migration" as never)
          .select(sql<number>`count(*)`.as("n"))
          .executeTakeFirst(),
      ).toEqual({ n: names.indexOf(before) + 1 });

      await startsAndServes(env);
      const links = await db.selectFrom("component_evidence").selectAll().execute();
      expect(links).toHaveLength(1);
      const item = await db
        .selectFrom("evidence_item")
        .select(["title", "kind"])
        .executeTakeFirst();
      expect(item).toEqual({ title: "Kept through the upgrade", kind: "narrative" });
    } finally {
      await db.destroy();
    }
  });

  it("killed at random moments of the first start, it always starts again", async () => {
    const delays = [0, 3, 6, 10, 15, 20, 30, 40];
    for (const delay of delays) {
      const database = await freshDatabase();
      const { env } = database;
      const launched = launchApp(env, { killable: true });
      const listening = launched.listening.catch(() => null);
      await firstTouched(database);
      await sleep(delay);
      await launched.kill();
      await listening;
      await startsAndServes(env);
    }
  }, 120_000);
});
