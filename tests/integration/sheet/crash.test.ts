import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../../db/seed/demo-ics";
import { type RunningApp, startApp } from "../../setup/start-app";
import { createTestDatabase, openSql, type TestDatabase } from "../../setup/database";
import { signIn, visit, type Visitor } from "../../support/http";
import { UHMB } from "./fixture";

let database: TestDatabase;
const running: RunningApp[] = [];

beforeAll(async () => {
  database = await createTestDatabase("anchor-crash-");
});
afterAll(async () => {
  for (const app of running) await app.stop();
  await database?.cleanup();
});

async function start() {
  const app = await startApp(database.env, { killable: true });
  running.push(app);
  return app;
}

const open = () => openSql(database.url);

type Row = { component_id: string; status: string; opportunities: string; version: number };

describe("killing the server in the middle of saves", () => {
  it("leaves every answer whole and consistent, and the app starts again on the same file", async () => {
    const app = await start();
    const setup = open();
    const organisationId = (
      await setup.one<{ id: number }>("select id from organisation where name = ?", UHMB)
    ).id;
    const periodId = (
      await setup.one<{ id: number }>("select id from assessment_period where status = 'open'")
    ).id;
    await setup.run(
      "delete from assessment where organisation_id = ? and period_id = ?",
      organisationId,
      periodId,
    );
    await setup.close();

    const sheet = `/organisations/${organisationId}/periods/${periodId}`;
    const champion: Visitor = await signIn(app.url, "champion@example.com", DEMO_PASSWORD);
    // A component's form posts to its own page (ADR 026); starting is the overview's.
    const pageOf = (form: Record<string, string>) =>
      form.componentId ? `${sheet}/components/${form.componentId}` : sheet;
    const post = (form: Record<string, string>, autosave = false) =>
      visit(app.url, autosave ? `${pageOf(form)}?autosave=1` : pageOf(form), {
        visitor: { ...champion },
        method: "POST",
        form,
      });
    expect((await post({ intent: "start" })).status).toBe(302);

    const db = open();
    const assessmentId = (
      await db.one<{ id: number }>(
        "select id from assessment where organisation_id = ? and period_id = ?",
        organisationId,
        periodId,
      )
    ).id;
    const components = (
      await db.all<{ component_id: string }>(
        "select component_id from component_answer where assessment_id = ?",
        assessmentId,
      )
    ).map((r) => r.component_id);
    await db.close();

    // One writer per component saving version after version, and some adding evidence,
    // all at once; the server is killed once enough of them have been answered.
    const acknowledged = new Map<string, number>();
    const evidenceAcknowledged: string[] = [];
    let answered = 0;
    let interrupted = 0;
    let crashed = false;
    let killing: Promise<void> | null = null;
    const killAfter = 60;
    const answeredOne = () => {
      answered++;
      if (answered >= killAfter && !killing) killing = app.kill().then(() => void (crashed = true));
    };

    const saver = async (componentId: string, index: number) => {
      let version = 1;
      while (!killing) {
        const status = (version + index) % 2 ? "in_progress" : "not_started";
        const opportunities = `${componentId} became version ${version + 1} as ${status}`;
        try {
          const response = await post(
            { intent: "save", componentId, version: String(version), status, opportunities },
            index % 2 === 0,
          );
          await response.arrayBuffer();
          if (response.status !== 302 && response.status !== 200) {
            throw new Error(`Save answered ${response.status}`);
          }
          version++;
          acknowledged.set(componentId, version);
          answeredOne();
        } catch (error) {
          if (!killing) throw error;
          interrupted++;
          return;
        }
      }
    };
    const evidenceAdder = async (componentId: string, writer: number) => {
      for (let n = 0; !killing; n++) {
        const title = `Crash test evidence ${writer}-${n}`;
        try {
          const response = await post({
            intent: "addEvidence",
            componentId,
            kind: "narrative",
            title,
            body: "Demonstration narrative written while the server was killed",
          });
          await response.arrayBuffer();
          if (response.status !== 302) throw new Error(`Evidence answered ${response.status}`);
          evidenceAcknowledged.push(title);
          answeredOne();
        } catch (error) {
          if (!killing) throw error;
          interrupted++;
          return;
        }
      }
    };
    await Promise.all([
      ...components.map((id, index) => saver(id, index)),
      ...components.slice(0, 4).map((id, writer) => evidenceAdder(id, writer)),
    ]);
    await killing;
    expect(crashed).toBe(true);
    expect(answered).toBeGreaterThanOrEqual(killAfter);
    // The kill landed while requests were still being served.
    expect(interrupted).toBeGreaterThan(0);

    const after = open();
    try {
      if (!after.postgres) {
        // PostgreSQL checks its keys as it writes; SQLite is asked.
        expect(await after.all("pragma integrity_check")).toEqual([{ integrity_check: "ok" }]);
        expect(await after.all("pragma foreign_key_check")).toEqual([]);
      }

      const rows = await after.all<Row>(
        "select component_id, status, opportunities, version from component_answer where assessment_id = ?",
        assessmentId,
      );
      expect(rows.map((r) => r.component_id).sort()).toEqual([...components].sort());
      const savesOf = (componentId: string) =>
        after.one<{ n: number }>(
          `select count(*) as n from audit_event where action = 'component.saved'
           and target_type = 'assessment' and target_id = ? and ${after.jsonField("detail", "component")} = ?`,
          String(assessmentId),
          componentId,
        );
      for (const row of rows) {
        // Every acknowledged save is there (synchronous=FULL); at most one more landed unanswered.
        const promised = acknowledged.get(row.component_id) ?? 1;
        expect(row.version).toBeGreaterThanOrEqual(promised);
        expect(row.version).toBeLessThanOrEqual(promised + 1);
        // One audit row per version step: no save half-applied without its audit, or the reverse.
        const saves = await savesOf(row.component_id);
        expect(saves.n, row.component_id).toBe(row.version - 1);
        if (row.version > 1) {
          // Status and text come from the same save: the row is one whole version.
          expect(row.opportunities).toBe(
            `${row.component_id} became version ${row.version} as ${row.status}`,
          );
        }
      }

      const items = await after.all<{ title: string; links: number; audits: number }>(
        `select e.title,
           (select count(*) from component_evidence ce where ce.evidence_item_id = e.id) as links,
           (select count(*) from audit_event a where a.action = 'evidence.added'
              and cast(${after.jsonField("a.detail", "evidenceItem")} as integer) = e.id) as audits
         from evidence_item e where e.title like 'Crash test evidence %'`,
      );
      for (const item of items) expect(item, item.title).toMatchObject({ links: 1, audits: 1 });
      const stored = new Set(items.map((i) => i.title));
      for (const title of evidenceAcknowledged) expect(stored.has(title), title).toBe(true);
    } finally {
      await after.close();
    }

    // The same file serves the sheet again, to the same session.
    const again = await start();
    const overview = await visit(again.url, sheet, { visitor: { ...champion } });
    expect(overview.status).toBe(200);
    expect(await overview.text()).toContain(`Self-assessment for`);
    const latest = [...acknowledged.entries()][0];
    expect(latest).toBeDefined();
    const page = await visit(again.url, `${sheet}/components/${latest![0]}`, {
      visitor: { ...champion },
    });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`${latest![0]} became version`);
  }, 120_000);
});
