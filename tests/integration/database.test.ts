import { sql } from "kysely";
import { beforeEach, describe, expect, it } from "vitest";
import path from "node:path";
import { loadCharter } from "~/charter/content";
import { type createDatabase } from "../../db/dialect";
import { databaseIsEmpty, seedDemoData } from "../../db/seed/demo-data";
import { demoOrganisations, demoPlaces } from "../../db/seed/demo-ics";
import { migrateToLatest } from "../../db/migrator";
import { freshDatabasePerTest, testingOnPostgres } from "../setup/database";

const charter = loadCharter();
const fresh = freshDatabasePerTest();
let db: ReturnType<typeof createDatabase>;

beforeEach(async () => {
  db = fresh.db;
});

const seedOptions = () => ({
  charter,
  today: new Date("2026-11-15T09:00:00Z"),
  // The seed stores this as given; hashing it here would only slow the test down.
  demoPasswordHash: "scrypt$test-placeholder",
  evidenceDir: path.join(fresh.dir, "evidence"),
});

// Each database says it in its own words.
const refused = testingOnPostgres()
  ? { foreignKey: /foreign key constraint/, unique: /unique constraint/, check: /check constraint/ }
  : { foreignKey: /FOREIGN KEY/, unique: /UNIQUE/, check: /CHECK/ };

describe("the database", () => {
  it.skipIf(testingOnPostgres())(
    "runs SQLite in WAL mode with full sync and foreign keys enforced",
    async () => {
      const pragma = async (name: string) =>
        (await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(db)).rows[0];
      expect(await pragma("journal_mode")).toEqual({ journal_mode: "wal" });
      expect(await pragma("synchronous")).toEqual({ synchronous: 2 }); // 2 = FULL
      expect(await pragma("foreign_keys")).toEqual({ foreign_keys: 1 });
    },
  );

  it("migrates once: a second run applies nothing", async () => {
    expect(await migrateToLatest(db)).toEqual([]);
  });

  it("refuses an organisation in a place that does not exist", async () => {
    const system = await db
      .insertInto("system")
      .values({ name: "Test ICS" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await expect(
      db
        .insertInto("organisation")
        .values({ system_id: system.id, place_id: 999, name: "Nowhere Trust", type: "nhs_trust" })
        .execute(),
    ).rejects.toThrow(refused.foreignKey);
  });

  it("refuses a second assessment for the same organisation and period", async () => {
    await seedDemoData(db, seedOptions());
    const existing = await db
      .selectFrom("assessment")
      .selectAll()
      .limit(1)
      .executeTakeFirstOrThrow();
    await expect(
      db
        .insertInto("assessment")
        .values({
          organisation_id: existing.organisation_id,
          period_id: existing.period_id,
          charter_version: charter.version,
          status: "draft",
        })
        .execute(),
    ).rejects.toThrow(refused.unique);
  });

  it("refuses a component status outside the three the sheet allows", async () => {
    await seedDemoData(db, seedOptions());
    const answer = await db.selectFrom("component_answer").select("id").executeTakeFirstOrThrow();
    await expect(
      db
        .updateTable("component_answer")
        .set({ status: "done" as never })
        .where("id", "=", answer.id)
        .execute(),
    ).rejects.toThrow(refused.check);
  });
});

describe("the demo data", () => {
  it("loads the ICS, its five 2021 places and the named organisations", async () => {
    expect(await databaseIsEmpty(db)).toBe(true);
    await seedDemoData(db, seedOptions());
    expect(await databaseIsEmpty(db)).toBe(false);

    const places = await db.selectFrom("place").select("name").orderBy("id").execute();
    expect(places.map((p) => p.name)).toEqual([...demoPlaces]);
    const organisations = await db
      .selectFrom("organisation")
      .select(["name", "place_id"])
      .execute();
    expect(organisations).toHaveLength(demoOrganisations.length);
    const systemWide = organisations.filter((o) => o.place_id === null).map((o) => o.name);
    expect(systemWide).toContain("North West Ambulance Service NHS Trust");
  });

  it("has one demo account per role, each marked as a demo account", async () => {
    await seedDemoData(db, seedOptions());
    const accounts = await db
      .selectFrom("app_user as u")
      .innerJoin("role_assignment as r", "r.user_id", "u.id")
      .select(["u.email", "u.is_demo", "r.role"])
      .execute();
    expect(new Set(accounts.map((a) => a.role))).toEqual(
      new Set(["admin", "system_reader", "place_lead", "steering_member", "champion"]),
    );
    expect(accounts.every((a) => a.is_demo === 1)).toBe(true);
  });

  it("has two years of monthly periods ending with the current month, only that one open", async () => {
    await seedDemoData(db, seedOptions());
    const periods = await db
      .selectFrom("assessment_period")
      .select(["label", "status"])
      .orderBy("starts_on")
      .execute();
    expect(periods).toHaveLength(24);
    expect(periods.at(0)?.label).toBe("December 2024");
    expect(periods.slice(-3).map((p) => p.label)).toEqual([
      "September 2026",
      "October 2026",
      "November 2026",
    ]);
    expect(periods.filter((p) => p.status === "open").map((p) => p.label)).toEqual([
      "November 2026",
    ]);
  });

  it("gives assessments in varied states, every fulfilled component backed by evidence", async () => {
    await seedDemoData(db, seedOptions());
    const statuses = await db
      .selectFrom("component_answer")
      .select(["status", db.fn.countAll<number>().as("n")])
      .groupBy("status")
      .execute();
    expect(statuses.map((s) => s.status).sort()).toEqual([
      "fulfilled",
      "in_progress",
      "not_started",
    ]);
    const draftAndSubmitted = await db
      .selectFrom("assessment")
      .select("status")
      .distinct()
      .execute();
    expect(draftAndSubmitted.map((a) => a.status).sort()).toEqual(["draft", "submitted"]);

    const unbacked = await db
      .selectFrom("component_answer")
      .leftJoin(
        "component_evidence",
        "component_evidence.component_answer_id",
        "component_answer.id",
      )
      .where("component_answer.status", "=", "fulfilled")
      .where("component_evidence.evidence_item_id", "is", null)
      .select("component_answer.id")
      .execute();
    expect(unbacked).toEqual([]);
  });

  it("is all or nothing: a failure mid-seed leaves the database empty", async () => {
    await expect(
      // A charter naming one component twice: the second answer breaks a unique index mid-seed.
      seedDemoData(db, {
        ...seedOptions(),
        charter: { ...charter, domains: [...charter.domains, charter.domains[0]!] },
      }),
    ).rejects.toThrow(refused.unique);
    expect(await databaseIsEmpty(db)).toBe(true);
  });
});
