import { beforeEach, describe, expect, it } from "vitest";
import {
  claimNextJob,
  enqueueReportJob,
  failAttempt,
  finishJob,
  getReportJob,
  latestFinishedJob,
  MAX_ATTEMPTS,
  recordProgress,
} from "~/models/report-jobs.server";
import { freshDatabasePerTest } from "../../setup/database";

/** The job table's claims, leases and replacements, the same on SQLite and PostgreSQL. */
const fresh = freshDatabasePerTest();
const t0 = new Date("2026-11-25T10:00:00.000Z");
const later = (ms: number) => new Date(t0.getTime() + ms);
let systemId: number;

beforeEach(async () => {
  systemId = (
    await fresh.db
      .insertInto("system")
      .values({ name: "Test ICS", created_at: t0.toISOString() })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
});

const request = (format: "pdf" | "docx" = "pdf") => ({
  scope_kind: "system" as const,
  scope_id: systemId,
  system_id: systemId,
  year: 2026,
  format,
  requested_by: null,
  now: t0,
});

describe("report jobs", () => {
  it("are claimed oldest first, by one runner only, even when two ask at once", async () => {
    const first = await enqueueReportJob(fresh.db, request());
    const second = await enqueueReportJob(fresh.db, request("docx"));
    const [a, b] = await Promise.all([
      claimNextJob(fresh.db, { runner: "a", now: t0, leaseMs: 30_000 }),
      claimNextJob(fresh.db, { runner: "b", now: t0, leaseMs: 30_000 }),
    ]);
    expect([a?.id, b?.id].sort()).toEqual([first.id, second.id].sort());
    expect(await claimNextJob(fresh.db, { runner: "c", now: t0, leaseMs: 30_000 })).toBeNull();
    expect((await getReportJob(fresh.db, { id: first.id }))?.attempts).toBe(1);
  });

  it("records progress only for the runner holding the job, and renews its lease", async () => {
    const job = await enqueueReportJob(fresh.db, request());
    await claimNextJob(fresh.db, { runner: "a", now: t0, leaseMs: 1000 });
    expect(
      await recordProgress(fresh.db, {
        id: job.id,
        runner: "b",
        progress: 50,
        now: t0,
        leaseMs: 1000,
      }),
    ).toBe(false);
    expect(
      await recordProgress(fresh.db, {
        id: job.id,
        runner: "a",
        progress: 42.7,
        now: later(900),
        leaseMs: 1000,
      }),
    ).toBe(true);
    const row = (await getReportJob(fresh.db, { id: job.id }))!;
    expect(row.progress).toBe(42);
    expect(row.lease_until).toBe(later(1900).toISOString());
    // Renewed: not claimable at 1.5 s, though the first lease would have run out.
    expect(
      await claimNextJob(fresh.db, { runner: "b", now: later(1500), leaseMs: 1000 }),
    ).toBeNull();
  });

  it("is claimed again once its runner's lease runs out (the runner died), and the old runner can no longer finish it", async () => {
    const job = await enqueueReportJob(fresh.db, request());
    await claimNextJob(fresh.db, { runner: "dead", now: t0, leaseMs: 1000 });
    const again = await claimNextJob(fresh.db, { runner: "new", now: later(1001), leaseMs: 1000 });
    expect(again).toMatchObject({ id: job.id, claimed_by: "new", attempts: 2, status: "running" });
    const late = await finishJob(fresh.db, {
      id: job.id,
      runner: "dead",
      fileName: "x.pdf",
      storedAs: "a".repeat(64),
      size: 1,
      now: later(1100),
    });
    expect(late.finished).toBe(false);
  });

  it("keeps the newest finished file of a report and hands back the ones it replaces", async () => {
    const done = async (storedAs: string) => {
      const job = await enqueueReportJob(fresh.db, request());
      await claimNextJob(fresh.db, { runner: "a", now: t0, leaseMs: 1000 });
      return {
        job,
        result: await finishJob(fresh.db, {
          id: job.id,
          runner: "a",
          fileName: "r.pdf",
          storedAs,
          size: 10,
          now: t0,
        }),
      };
    };
    const first = await done("a".repeat(64));
    expect(first.result).toEqual({ finished: true, replaced: [] });
    const second = await done("b".repeat(64));
    expect(second.result).toEqual({ finished: true, replaced: ["a".repeat(64)] });
    const latest = await latestFinishedJob(fresh.db, {
      scope_kind: "system",
      scope_id: systemId,
      year: 2026,
      year_kind: "calendar",
      provisional: 0,
      format: "pdf",
    });
    expect(latest).toMatchObject({ id: second.job.id, stored_as: "b".repeat(64), progress: 100 });
    expect(
      await latestFinishedJob(fresh.db, {
        scope_kind: "system",
        scope_id: systemId,
        year: 2026,
        year_kind: "calendar",
        provisional: 0,
        format: "docx",
      }),
    ).toBeUndefined();
  });

  it("is tried again after a failure, and fails for good after the last attempt, saying why", async () => {
    const job = await enqueueReportJob(fresh.db, request());
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const claimed = await claimNextJob(fresh.db, { runner: "a", now: t0, leaseMs: 1000 });
      expect(claimed?.id).toBe(job.id);
      await failAttempt(fresh.db, { id: job.id, runner: "a", error: "Out of paper", now: t0 });
    }
    expect(await getReportJob(fresh.db, { id: job.id })).toMatchObject({
      status: "failed",
      error: "Out of paper",
    });
    expect(await claimNextJob(fresh.db, { runner: "a", now: t0, leaseMs: 1000 })).toBeNull();
  });
});
