import fs from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeEvidenceBytes } from "~/evidence/store.server";
import { migrateTo, migrateToLatest } from "../../../db/migrator";
import { DEMO_PASSWORD } from "../../../db/seed/demo-ics";
import { pdfBytes, pngBytes } from "../../fixtures/files";
import { createTestDatabase, type TestDatabase, testingOnPostgres } from "../../setup/database";
import { generousAttemptLimits, startApp, type RunningApp } from "../../setup/start-app";
import { makeTempDir } from "../../setup/temp";
import { plantFileEvidence } from "../../support/evidence";
import { lookup, signIn, visit, type Visitor } from "../../support/http";
import { insertDraftMonth } from "../../support/draft-month";

describe("the evidence-files migration", () => {
  it("keeps every evidence item and its links, and allows a file only with its bytes", async () => {
    const database = await createTestDatabase();
    const db = database.open();
    try {
      await migrateTo(db, "2026-11-23-02-people-and-access");
      const { org, assessment } = await insertDraftMonth(db);
      const answer = await db
        .insertInto("component_answer")
        .values({
          assessment_id: assessment.id,
          component_id: "1.1",
          status: "fulfilled",
          opportunities: "",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const evidence = await db
        .insertInto("evidence_item")
        .values({
          organisation_id: org.id,
          kind: "measure",
          title: "Living wage",
          measure_value: 87,
          measure_unit: "%",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db
        .insertInto("component_evidence")
        .values({ component_answer_id: answer.id, evidence_item_id: evidence.id })
        .execute();

      await migrateToLatest(db);

      const item = await db.selectFrom("evidence_item").selectAll().executeTakeFirstOrThrow();
      expect(item).toMatchObject({
        id: evidence.id,
        kind: "measure",
        title: "Living wage",
        measure_value: 87,
        file_sha256: null,
      });
      const links = await db.selectFrom("component_evidence").selectAll().execute();
      expect(links).toEqual([{ component_answer_id: answer.id, evidence_item_id: evidence.id }]);
      if (!testingOnPostgres()) {
        // SQLite's rebuild turned them off for a while: they are on again.
        expect(
          (await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db)).rows[0],
        ).toEqual({ foreign_keys: 1 });
      }
      // Deleting the item still cascades to its links, as before the rebuild.
      const fileWithoutBytes = db
        .insertInto("evidence_item")
        .values({ organisation_id: org.id, kind: "file", title: "No bytes" })
        .execute();
      await expect(fileWithoutBytes).rejects.toThrow(/check constraint/i);
      const unknownKind =
        sql`insert into evidence_item (organisation_id, kind, title) values (${org.id}, 'video', 'x')`.execute(
          db,
        );
      await expect(unknownKind).rejects.toThrow(/check constraint/i);
      await db.deleteFrom("evidence_item").where("id", "=", evidence.id).execute();
      expect(await db.selectFrom("component_evidence").selectAll().execute()).toEqual([]);
    } finally {
      await db.destroy();
      await database.cleanup();
    }
  });
});

describe("the evidence store", () => {
  it("keeps one copy per content, named by its SHA-256, with nothing half-written left behind", async () => {
    const temp = makeTempDir();
    try {
      const first = await storeEvidenceBytes(temp.dir, pdfBytes);
      const again = await storeEvidenceBytes(temp.dir, pdfBytes);
      const other = await storeEvidenceBytes(temp.dir, pngBytes);
      expect(again).toEqual(first);
      expect(other.sha256).not.toBe(first.sha256);
      const stored = path.join(
        temp.dir,
        first.sha256.slice(0, 2),
        first.sha256.slice(2, 4),
        first.sha256,
      );
      expect(new Uint8Array(fs.readFileSync(stored))).toEqual(pdfBytes);
      const everything = fs.readdirSync(temp.dir, { recursive: true }).map(String);
      expect(everything.filter((f) => f.endsWith(".part"))).toEqual([]);
      await expect(storeEvidenceBytes(temp.dir, new Uint8Array(0))).resolves.toMatchObject({
        size: 0,
      });
    } finally {
      temp.cleanup();
    }
  });
});

describe("downloading evidence over HTTP", () => {
  let app: RunningApp;
  let database: TestDatabase;
  const visitors = {} as Record<
    "champion" | "steering" | "placeLead" | "admin" | "otherChampion",
    Visitor
  >;
  let ids: { uhmb: number; blackpool: number; period: number; blackpoolPeriod: number };
  let report: { evidenceId: number; sha256: string };
  let blackpoolFile: { evidenceId: number };

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startApp({ ...database.env, ...generousAttemptLimits });
    const l = lookup(database.url);
    const latest = async (orgId: number) =>
      (
        await l.row<{ period_id: number }>(
          "select period_id from assessment where organisation_id = ? order by period_id desc limit 1",
          orgId,
        )
      ).period_id;
    const uhmb = await l.organisationId(
      "University Hospitals of Morecambe Bay NHS Foundation Trust",
    );
    const blackpool = await l.organisationId("Blackpool Teaching Hospitals NHS Foundation Trust");
    ids = { uhmb, blackpool, period: await latest(uhmb), blackpoolPeriod: await latest(blackpool) };
    await l.close();
    report = await plantFileEvidence({
      database,
      organisationId: uhmb,
      periodId: ids.period,
      componentId: "1.1",
      fileName: "Living wage report 2026 – final.pdf",
      bytes: pdfBytes,
      mediaType: "application/pdf",
    });
    blackpoolFile = await plantFileEvidence({
      database,
      organisationId: blackpool,
      periodId: ids.blackpoolPeriod,
      componentId: "2.1",
      fileName: "spend.png",
      bytes: pngBytes,
      mediaType: "image/png",
    });
    const accounts = {
      champion: "champion@example.com",
      steering: "steering@example.com",
      placeLead: "place.lead@example.com",
      admin: "admin@example.com",
      otherChampion: "champion.blackpool@example.com",
    } as const;
    for (const [who, email] of Object.entries(accounts)) {
      visitors[who as keyof typeof accounts] = await signIn(app.url, email, DEMO_PASSWORD);
    }
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
    await database?.cleanup();
  });

  const fileUrl = (orgId: number, evidenceId: number) =>
    `/organisations/${orgId}/evidence/${evidenceId}`;

  it("gives the exact bytes, as a private attachment of the sniffed type, to everyone who may read the organisation", async () => {
    for (const who of ["champion", "steering", "placeLead", "admin"] as const) {
      const response = await visit(app.url, fileUrl(ids.uhmb, report.evidenceId), {
        visitor: { ...visitors[who] },
      });
      expect({ who, status: response.status }).toEqual({ who, status: 200 });
      expect(response.headers.get("content-type")).toBe("application/pdf");
      expect(response.headers.get("content-disposition")).toBe(
        `attachment; filename="Living wage report 2026 _ final.pdf"; filename*=UTF-8''${encodeURIComponent("Living wage report 2026 – final.pdf")}`,
      );
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(pdfBytes);
    }
  });

  it("answers 404 to another organisation's champion, and to an id borrowed from another organisation", async () => {
    const stranger = await visit(app.url, fileUrl(ids.uhmb, report.evidenceId), {
      visitor: { ...visitors.otherChampion },
    });
    expect(stranger.status).toBe(404);
    const borrowed = await visit(app.url, fileUrl(ids.uhmb, blackpoolFile.evidenceId), {
      visitor: { ...visitors.champion },
    });
    expect(borrowed.status).toBe(404);
    const signedOut = await visit(app.url, fileUrl(ids.uhmb, report.evidenceId), {
      visitor: { cookie: null },
    });
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("location")).toMatch(/^\/sign-in/);
  });

  const zipUrl = (orgId: number, periodId: number) =>
    `/organisations/${orgId}/periods/${periodId}/evidence.zip`;

  it("bundles the period's evidence as a ZIP for the champion and administrators, files in their components' folders", async () => {
    for (const who of ["champion", "admin"] as const) {
      const response = await visit(app.url, zipUrl(ids.uhmb, ids.period), {
        visitor: { ...visitors[who] },
      });
      expect({ who, status: response.status }).toEqual({ who, status: 200 });
      expect(response.headers.get("content-type")).toBe("application/zip");
      const entries = unzipSync(new Uint8Array(await response.arrayBuffer()));
      const pdfPath = `1.1 Widening workforce participation/${report.evidenceId} Living wage report 2026 – final.pdf`;
      expect(entries[pdfPath]).toEqual(pdfBytes);
      const index = new TextDecoder().decode(entries["evidence.csv"]);
      expect(index).toContain(
        `"1.1","file","Uploaded Living wage report 2026 – final.pdf","","${pdfPath}"`,
      );
      // The demo's narrative evidence is listed too.
      expect(index).toMatch(/"narrative","How we meet \d\.\d /);
    }
  });

  it("refuses the ZIP to readers who are not champions (403) and hides it from strangers (404)", async () => {
    for (const who of ["steering", "placeLead"] as const) {
      const response = await visit(app.url, zipUrl(ids.uhmb, ids.period), {
        visitor: { ...visitors[who] },
      });
      expect({ who, status: response.status }).toEqual({ who, status: 403 });
    }
    const stranger = await visit(app.url, zipUrl(ids.uhmb, ids.period), {
      visitor: { ...visitors.otherChampion },
    });
    expect(stranger.status).toBe(404);
    const noSuchPeriod = await visit(app.url, zipUrl(ids.uhmb, 999999), {
      visitor: { ...visitors.champion },
    });
    expect(noSuchPeriod.status).toBe(404);
  });

  it("says a file has gone missing from storage instead of failing the whole ZIP", async () => {
    const planted = await plantFileEvidence({
      database,
      organisationId: ids.uhmb,
      periodId: ids.period,
      componentId: "1.2",
      fileName: "lost.png",
      bytes: new Uint8Array([...pngBytes, 1, 2, 3]),
      mediaType: "image/png",
    });
    const sha = planted.sha256;
    fs.rmSync(path.join(database.env.EVIDENCE_DIR!, sha.slice(0, 2), sha.slice(2, 4), sha));
    const single = await visit(app.url, fileUrl(ids.uhmb, planted.evidenceId), {
      visitor: { ...visitors.champion },
    });
    expect(single.status).toBe(410);
    const response = await visit(app.url, zipUrl(ids.uhmb, ids.period), {
      visitor: { ...visitors.champion },
    });
    const entries = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const note = Object.keys(entries).find((name) =>
      name.endsWith(`${planted.evidenceId} lost.png (missing).txt`),
    );
    expect(note).toBeDefined();
    expect(new TextDecoder().decode(entries[note as string])).toMatch(/missing from storage/);
  });
});
