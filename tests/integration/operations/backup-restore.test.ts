import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "~/evidence/store.server";
import { openSql, testingOnPostgres } from "../../setup/database";
import { startApp } from "../../setup/start-app";
import { makeTempDir } from "../../setup/temp";
import { pdfBytes, pngBytes } from "../../fixtures/files";
import { runScript } from "../../support/commands";
import { visit, type Visitor } from "../../support/http";
import { SECOND_CHAMPION, type SheetApp, startSheetApp } from "../sheet/fixture";

type Ack = { componentId: string; version: number; at: number };

/** A champion saving one component again and again, each save at the version the last one left. */
async function keepSaving(
  s: SheetApp,
  visitor: Visitor,
  assessmentId: number,
  componentId: string,
  until: () => boolean,
  acks: Ack[],
) {
  let { version } = await s.answer(assessmentId, componentId);
  for (let n = 1; !until(); n += 1) {
    const response = await s.post(visitor, s.sheetOf(s.uhmb), {
      intent: "save",
      componentId,
      version: String(version),
      status: "in_progress",
      opportunities: `Save ${n} of ${componentId}`,
    });
    if (response.status !== 302) throw new Error(`Save of ${componentId} got ${response.status}`);
    version += 1;
    acks.push({ componentId, version, at: performance.now() });
  }
}

function upload(
  s: SheetApp,
  visitor: Visitor,
  componentId: string,
  name: string,
  bytes: Uint8Array,
) {
  const form = new FormData();
  form.set("intent", "addEvidence");
  form.set("componentId", componentId);
  form.set("kind", "file");
  form.set("title", `Evidence ${name}`);
  form.set("file", new File([new Uint8Array(bytes)], name));
  return fetch(`${s.app.url}${s.sheetOf(s.uhmb)}`, {
    method: "POST",
    body: form,
    headers: { cookie: visitor.cookie ?? "", origin: s.app.url },
    redirect: "manual",
  });
}

describe.skipIf(testingOnPostgres())("backing up a running SQLite deployment", () => {
  let s: SheetApp;
  let temp: ReturnType<typeof makeTempDir>;
  let champion: Visitor;
  let assessmentId: number;
  // The demo's own documents, and the two uploaded below.
  let files: number;

  beforeAll(async () => {
    s = await startSheetApp();
    temp = makeTempDir("anchor-backup-");
    champion = await s.signInAs("champion@example.com");
    expect((await s.post(champion, s.sheetOf(s.uhmb), { intent: "start" })).status).toBe(302);
    assessmentId = (await s.assessmentOf(s.uhmb))!.id;
    expect((await upload(s, champion, "1.1", "policy.pdf", pdfBytes)).status).toBe(302);
    expect((await upload(s, champion, "1.2", "chart.png", pngBytes)).status).toBe(302);
    const read = openSql(s.database.url);
    files = (await read.all("select sha256 from evidence_file")).length;
    await read.close();
    expect(files).toBeGreaterThanOrEqual(2);
  }, 60_000);

  afterAll(async () => {
    await s?.stop();
    temp?.cleanup();
  });

  it("restores every save acknowledged before the backup began, with its evidence files", async () => {
    const second = await s.signInAs(SECOND_CHAMPION);
    const acks: Ack[] = [];
    let stop = false;
    const writers = [
      keepSaving(s, champion, assessmentId, "2.1", () => stop, acks),
      keepSaving(s, champion, assessmentId, "2.2", () => stop, acks),
      keepSaving(s, second, assessmentId, "3.1", () => stop, acks),
      keepSaving(s, second, assessmentId, "3.2", () => stop, acks),
    ];
    try {
      while (acks.length < 20) await new Promise((resolve) => setTimeout(resolve, 20));
      const backup = path.join(temp.dir, "backup");
      const startedAt = performance.now();
      const result = await runScript("db/backup.ts", [backup], s.database.env);
      const finishedAt = performance.now();
      expect(result.output).toContain(`and ${files} evidence file(s)`);
      expect(result.code).toBe(0);
      // The saves did not wait for the backup: some were acknowledged while it ran.
      expect(acks.filter((a) => a.at > startedAt && a.at < finishedAt).length).toBeGreaterThan(0);
      stop = true;
      await Promise.all(writers);

      const restoredDb = path.join(temp.dir, "restored", "anchor.db");
      const restoredEvidence = path.join(temp.dir, "restored", "evidence");
      const restored = await runScript("db/restore.ts", [backup, "--to", `file:${restoredDb}`]);
      expect(restored.output).toContain(`with ${files} evidence file(s) in ${restoredEvidence}`);
      expect(restored.code).toBe(0);

      const db = openSql(`file:${restoredDb}`);
      try {
        expect(await db.one("pragma integrity_check")).toEqual({ integrity_check: "ok" });
        const before = acks.filter((a) => a.at < startedAt);
        expect(before.length).toBeGreaterThanOrEqual(20);
        const saved = await db.all<{ component: string; version: number }>(
          `select ${db.jsonField("detail", "component")} as component,
                  ${db.jsonField("detail", "version")} as version
           from audit_event where action = 'component.saved'`,
        );
        const found = new Set(saved.map((row) => `${row.component}@${row.version}`));
        const lost = before.filter((a) => !found.has(`${a.componentId}@${a.version}`));
        expect(lost).toEqual([]);
        for (const componentId of ["2.1", "2.2", "3.1", "3.2"]) {
          const last = before.filter((a) => a.componentId === componentId).at(-1);
          const row = await db.one<{ version: number }>(
            "select version from component_answer where assessment_id = ? and component_id = ?",
            assessmentId,
            componentId,
          );
          expect(row.version).toBeGreaterThanOrEqual(last?.version ?? 0);
        }
        const stored = await db.all<{ sha256: string }>("select sha256 from evidence_file");
        expect(stored).toHaveLength(files);
        for (const { sha256 } of stored) {
          const file = path.join(restoredEvidence, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
          expect(sha256Hex(fs.readFileSync(file))).toBe(sha256);
        }
      } finally {
        await db.close();
      }

      // The restored copy serves: the app starts on it and hands out the evidence.
      const app = await startApp({
        DATABASE_URL: `file:${restoredDb}`,
        EVIDENCE_DIR: restoredEvidence,
      });
      try {
        const db = openSql(`file:${restoredDb}`);
        const item = await db.one<{ id: number }>(
          "select id from evidence_item where file_name = 'policy.pdf'",
        );
        await db.close();
        const response = await visit(app.url, `/organisations/${s.uhmb}/evidence/${item.id}`, {
          visitor: { ...champion },
        });
        expect(response.status).toBe(200);
        expect(new Uint8Array(await response.arrayBuffer())).toEqual(pdfBytes);
      } finally {
        await app.stop();
      }
    } finally {
      stop = true;
      await Promise.allSettled(writers);
    }
  }, 90_000);

  it("restores only into an empty place, and never over a backup", async () => {
    const backup = path.join(temp.dir, "second-backup");
    expect((await runScript("db/backup.ts", [backup], s.database.env)).code).toBe(0);
    const again = await runScript("db/backup.ts", [backup], s.database.env);
    expect(again.output).toContain(`${backup} already exists: name a new backup`);
    expect(again.code).toBe(1);

    // Onto the live database itself.
    const ontoLive = await runScript("db/restore.ts", [backup], s.database.env);
    expect(ontoLive.output).toContain("already exists: a backup restores only into an empty place");
    expect(ontoLive.code).toBe(3);

    // A new database file, but an evidence folder that already holds files.
    const fresh = path.join(temp.dir, "fresh", "anchor.db");
    const intoUsedEvidence = await runScript("db/restore.ts", [
      backup,
      "--to",
      `file:${fresh}`,
      "--evidence-to",
      s.database.env.EVIDENCE_DIR!,
    ]);
    expect(intoUsedEvidence.output).toContain(
      `The evidence folder ${s.database.env.EVIDENCE_DIR} is not empty`,
    );
    expect(intoUsedEvidence.code).toBe(3);
    expect(fs.existsSync(fresh)).toBe(false);
  }, 60_000);
});

describe("backing up PostgreSQL", () => {
  it("is PostgreSQL's own job: db:backup says to use pg_dump and does nothing", async () => {
    const temp = makeTempDir("anchor-backup-");
    try {
      const target = path.join(temp.dir, "backup");
      const result = await runScript("db/backup.ts", [
        target,
        "--from",
        "postgres://anchor:secret@db.example.nhs.uk:5432/anchor",
      ]);
      expect(result.output).toContain("pg_dump --format=custom");
      expect(result.output).not.toContain("secret");
      expect(result.code).toBe(2);
      expect(fs.existsSync(target)).toBe(false);
    } finally {
      temp.cleanup();
    }
  });
});
