import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../../db/seed/demo-ics";
import { createTestDatabase, type TestDatabase } from "../../setup/database";
import { type RunningApp, startApp } from "../../setup/start-app";
import { lookup, signIn, visit, type Visitor } from "../../support/http";

/**
 * A whole system's annual report built off the request path, over HTTP on
 * the built app: the status page shows its progress (refreshing itself for
 * a browser without JavaScript), other pages answer meanwhile, and a
 * restart part-way through (the server killed) resumes it to a whole PDF.
 * The build is slowed a little per block so the test can catch it part-way.
 */
let database: TestDatabase;
let app: RunningApp | null = null;
let admin: Visitor;
const env = () => ({
  ...database.env,
  REPORT_JOB_BLOCK_DELAY_MS: "60",
  REPORT_JOB_LEASE_MS: "1500",
  REPORT_JOB_POLL_MS: "200",
});

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startApp(env(), { killable: true });
  admin = await signIn(app.url, "admin@example.com", DEMO_PASSWORD);
}, 60_000);

afterAll(async () => {
  await app?.stop();
  await database?.cleanup();
});

const jobRow = async (id: number) => {
  const l = lookup(database.url);
  const row = await l.row<{ status: string; progress: number; attempts: number }>(
    "select status, progress, attempts from report_job where id = ?",
    id,
  );
  await l.close();
  return { status: row.status, progress: Number(row.progress), attempts: Number(row.attempts) };
};

async function until<T>(what: string, check: () => Promise<T | null>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const value = await check();
    if (value !== null) return value;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`Timed out waiting for ${what}; the app said:\n${app?.output().slice(-2000)}`);
}

describe("asking for an annual report", () => {
  it("refuses a champion another organisation's report, or a whole place's, and queues nothing", async () => {
    const champion = await signIn(app!.url, "champion@example.com", DEMO_PASSWORD);
    const l = lookup(database.url);
    const own = await l.organisationId(
      "University Hospitals of Morecambe Bay NHS Foundation Trust",
    );
    const other = await l.organisationId("Blackpool Teaching Hospitals NHS Foundation Trust");
    const placeId = await l.placeId("Morecambe Bay");
    const jobs = async () =>
      Number((await l.row<{ n: number }>("select count(*) as n from report_job")).n);
    const before = await jobs();
    for (const scope of [`organisation:${other}`, `place:${placeId}`]) {
      const refused = await visit(app!.url, "/reports", {
        visitor: champion,
        method: "POST",
        form: { scope, year: "2026", format: "pdf" },
      });
      expect({ scope, status: refused.status }).toEqual({ scope, status: 403 });
      expect(await refused.text()).toContain("Choose one of the reports you can read");
    }
    expect(await jobs()).toBe(before);
    const asked = await visit(app!.url, "/reports", {
      visitor: champion,
      method: "POST",
      form: { scope: `organisation:${own}`, year: "2026", format: "docx" },
    });
    expect(asked.status).toBe(302);
    expect(await jobs()).toBe(before + 1);
    await l.close();
  });
});

describe("a system-wide annual report job", () => {
  it("reports progress, leaves pages answering, and survives a restart part-way", async () => {
    const l = lookup(database.url);
    const systemId = Number((await l.row<{ id: number }>("select id from system")).id);
    const placeId = await l.placeId("Morecambe Bay");
    await l.close();

    const asked = await visit(app!.url, "/reports", {
      visitor: admin,
      method: "POST",
      form: { scope: `system:${systemId}`, year: "2026", format: "pdf" },
    });
    expect(asked.status).toBe(302);
    const jobPath = asked.headers.get("location")!;
    const jobId = Number(/^\/reports\/(\d+)$/.exec(jobPath)![1]);

    // Part-way: the page says how far, and refreshes itself for a browser without JavaScript.
    const partWay = await until("progress part-way", async () => {
      const row = await jobRow(jobId);
      return row.status === "running" && row.progress >= 10 ? row : null;
    });
    expect(partWay.progress).toBeLessThan(100);
    const page = await (await visit(app!.url, jobPath, { visitor: admin })).text();
    expect(page).toMatch(/<noscript><meta http-equiv="refresh" content="3"\/><\/noscript>/);
    expect(page).toMatch(/<progress id="report-progress" max="100" value="\d+"/);
    expect(page).toMatch(/role="status" aria-live="polite">\d+% done\./);

    // Another page answers while the report is built.
    const started = performance.now();
    const other = await visit(app!.url, `/places/${placeId}`, { visitor: admin });
    const took = performance.now() - started;
    expect(other.status).toBe(200);
    expect(took).toBeLessThan(1000);

    // The server dies part-way; the job is left running under a lease that runs out.
    await app!.kill();
    app = null;
    const left = await jobRow(jobId);
    expect(left.status).toBe("running");
    expect(left.progress).toBeGreaterThanOrEqual(partWay.progress);

    app = await startApp(env(), { killable: true });
    const done = await until("the job to finish after the restart", async () => {
      const row = await jobRow(jobId);
      return row.status === "done" ? row : null;
    });
    expect(done).toMatchObject({ progress: 100, attempts: 2 });

    const finished = await (await visit(app.url, jobPath, { visitor: admin })).text();
    expect(finished).not.toContain("http-equiv");
    expect(finished).toContain(`href="/reports/${jobId}/download"`);
    const download = await visit(app.url, `${jobPath}/download`, { visitor: admin });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("content-disposition")).toMatch(
      /attachment; filename="annual-report-2026-/,
    );
    const file = path.join(database.dir, "downloaded.pdf");
    fs.writeFileSync(file, Buffer.from(await download.arrayBuffer()));
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    expect(info).toMatch(/Tagged:\s+yes/);
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
    expect(text).toContain("Integrated care system:");
    expect(text).toContain("Appendix: each organisation");
  }, 180_000);
});
