import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCharter } from "~/charter/content";
import { launchBrowser } from "../../e2e/support/browser";
import {
  forgetOpenMonth,
  newContext,
  openStartedSheet,
  savedAnswer,
} from "../../e2e/support/sheet";
import { pdfBytes } from "../../fixtures/files";
import {
  createTestDatabase,
  openSql,
  type TestDatabase,
  testingOnPostgres,
} from "../../setup/database";
import { generousAttemptLimits, startApp } from "../../setup/start-app";
import { makeTempDir } from "../../setup/temp";
import { runScript } from "../../support/commands";
import { plantFileEvidence } from "../../support/evidence";
import { signIn, visit } from "../../support/http";
import { DEMO_PASSWORD } from "../../../db/seed/demo-ics";

/** The printed table's rows: table name, both counts, both checksums, verdict. */
function printedTables(output: string) {
  const rows = new Map<
    string,
    { rows: [number, number]; sha256: [string, string]; check: string }
  >();
  for (const line of output.split("\n")) {
    const cells = line.trim().split(/\s+/);
    if (cells.length !== 7 || !/^\d+$/.test(cells[1]!)) continue;
    rows.set(cells[0]!, {
      rows: [Number(cells[1]), Number(cells[2])],
      sha256: [cells[3]!, cells[4]!],
      check: cells[6]!,
    });
  }
  return rows;
}

describe.skipIf(!testingOnPostgres())("moving a SQLite deployment up to PostgreSQL", () => {
  const temp = makeTempDir("anchor-copy-");
  const sqliteUrl = `file:${temp.dir}/anchor.db`;
  const sqliteEvidence = `${temp.dir}/evidence`;
  let target: TestDatabase;
  let browser: Browser;
  let copy: Awaited<ReturnType<typeof runScript>>;
  let planted: { evidenceId: number; organisationId: number };
  let evidenceFiles: number;

  beforeAll(async () => {
    const seeded = await runScript("db/seed.ts", [], { DATABASE_URL: sqliteUrl });
    expect(seeded.code, seeded.output).toBe(0);
    // An uploaded file too, so the move has evidence bytes to carry.
    const source = openSql(sqliteUrl);
    const answer = await source.one<{
      organisation_id: number;
      period_id: number;
      component_id: string;
    }>(
      `select a.organisation_id, a.period_id, c.component_id from component_answer c
       join assessment a on a.id = c.assessment_id order by c.id limit 1`,
    );
    await source.close();
    const { evidenceId } = await plantFileEvidence({
      database: { url: sqliteUrl, env: { EVIDENCE_DIR: sqliteEvidence } },
      organisationId: answer.organisation_id,
      periodId: answer.period_id,
      componentId: answer.component_id,
      fileName: "board-paper.pdf",
      bytes: pdfBytes,
      mediaType: "application/pdf",
    });
    planted = { evidenceId, organisationId: answer.organisation_id };
    // The demo's own documents and the one planted here.
    const counted = openSql(sqliteUrl);
    evidenceFiles = (await counted.all("select sha256 from evidence_file")).length;
    await counted.close();

    target = await createTestDatabase("anchor-copy-target-");
    copy = await runScript("db/copy.ts", [
      "--from",
      sqliteUrl,
      "--evidence-from",
      sqliteEvidence,
      "--to",
      target.url,
      "--evidence-to",
      target.env.EVIDENCE_DIR!,
    ]);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await target?.cleanup();
    temp.cleanup();
  });

  it("copies every table, and prints counts and checksums that agree with the source", async () => {
    expect(copy.code, copy.output).toBe(0);
    expect(copy.output).toContain("Copied and verified");
    expect(copy.output).toContain(
      `Evidence: ${evidenceFiles} file(s) in ${target.env.EVIDENCE_DIR}`,
    );
    const printed = printedTables(copy.output);

    const source = openSql(sqliteUrl);
    const copied = openSql(target.url);
    try {
      const tables = (
        await source.all<{ name: string }>(
          "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'",
        )
      ).map((t) => t.name);
      expect([...printed.keys()].sort()).toEqual(tables.sort());
      for (const table of tables) {
        const sqliteRows = (await source.one<{ n: number }>(`select count(*) as n from ${table}`))
          .n;
        const postgresRows = (await copied.one<{ n: number }>(`select count(*) as n from ${table}`))
          .n;
        expect({ table, rows: printed.get(table)!.rows, check: printed.get(table)!.check }).toEqual(
          {
            table,
            rows: [sqliteRows, sqliteRows],
            check: "ok",
          },
        );
        expect(postgresRows).toBe(sqliteRows);
        const [a, b] = printed.get(table)!.sha256;
        expect(a).toBe(b);
      }
      expect(
        (await copied.one<{ n: number }>("select count(*) as n from component_answer")).n,
      ).toBeGreaterThan(100);
      // Analysed: the planner has statistics for every table (-1 is "never analysed").
      const unanalysed = await copied.all(
        `select relname from pg_class where relkind = 'r' and reltuples < 0
         and relnamespace = current_schema()::regnamespace and relname not like 'kysely%'`,
      );
      expect(unanalysed).toEqual([]);
    } finally {
      await source.close();
      await copied.close();
    }
  });

  it("serves the copy: a champion signs in, opens the sheet and saves a component on PostgreSQL", async () => {
    const app = await startApp({ ...target.env, ...generousAttemptLimits });
    try {
      // The evidence came along: a file uploaded on SQLite downloads from the PostgreSQL server.
      const admin = await signIn(app.url, "admin@example.com", DEMO_PASSWORD);
      const download = await visit(
        app.url,
        `/organisations/${planted.organisationId}/evidence/${planted.evidenceId}`,
        { visitor: admin },
      );
      expect(download.status).toBe(200);
      expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdfBytes);

      const { periodLabel } = await forgetOpenMonth(target.url);
      const context = await newContext(browser);
      const component = loadCharter().domains[0]!.components[0]!;
      const title = `${component.id} ${component.title}`;
      // The component's own page (ADR 026).
      const page = await openStartedSheet(context, app.url, periodLabel, title);
      const block = page.getByRole("region", { name: title });
      await block.getByRole("group", { name: "Status" }).getByLabel("In progress").check();
      await block.getByLabel("Opportunities for progression").fill("Saved on the PostgreSQL copy");
      await block.getByRole("button", { name: "Save", exact: true }).click();
      await block.getByText(/^Saved at \d\d:\d\d$/).waitFor();
      await context.close();

      // New rows (the month, its answers, the audit) take ids after the copied ones.
      expect(await savedAnswer(target.url, component.id)).toMatchObject({
        status: "in_progress",
        opportunities: "Saved on the PostgreSQL copy",
      });
    } finally {
      await app.stop();
    }
  }, 90_000);

  it("refuses a target that already holds rows, and changes nothing there", async () => {
    const copied = openSql(target.url);
    const before = (await copied.one<{ n: number }>("select count(*) as n from audit_event")).n;
    const again = await runScript("db/copy.ts", ["--from", sqliteUrl, "--to", target.url]);
    expect(again.output).toMatch(/The target database is not empty \(.*app_user.*\)/);
    expect(again.code).toBe(3);
    expect((await copied.one<{ n: number }>("select count(*) as n from audit_event")).n).toBe(
      before,
    );
    await copied.close();
  });
});

describe("db:copy refuses what it cannot copy from or to", () => {
  const temp = makeTempDir("anchor-copy-");
  const existing = `file:${temp.dir}/existing.db`;
  const missing = path.join(temp.dir, "missing.db");
  const unreachable = "postgres://anchor:secret@127.0.0.1:1/anchor";
  beforeAll(async () => {
    // A real, current SQLite file, so only the argument under test is wrong.
    expect((await runScript("db/migrate.ts", [], { DATABASE_URL: existing })).code).toBe(0);
  });
  afterAll(() => temp.cleanup());

  it.each([
    ["a missing source", `file:${missing}`, unreachable, 2, `No SQLite database at ${missing}`],
    ["an unknown scheme", "mysql://db/anchor", unreachable, 2, "unsupported scheme: mysql"],
    ["a SQLite target", existing, "file:./other.db", 2, "--to must name a PostgreSQL database"],
    ["a server not there", existing, unreachable, 3, "Cannot reach PostgreSQL 127.0.0.1:1/anchor"],
  ])("%s", async (_, from, to, code, message) => {
    const result = await runScript("db/copy.ts", ["--from", from, "--to", to]);
    expect(result.output).toContain(message);
    expect(result.output).not.toContain("secret");
    expect(result.code).toBe(code);
    expect(fs.existsSync(missing)).toBe(false);
  });
});
