import { beforeEach, describe, expect, it } from "vitest";
import {
  claimNextJob,
  enqueueReportJob,
  finishJob,
  type JobRequest,
  RECENT_SHARE_MS,
} from "~/models/report-jobs.server";
import { MAX_WAITING_PER_PERSON, requestReportJob } from "~/models/report-requests.server";
import { migrateTo, migrateToLatest } from "../../../db/migrator";
import { createTestDatabase, freshDatabasePerTest } from "../../setup/database";

/**
 * The report queue shared fairly (issue 22), the same on SQLite and
 * PostgreSQL: one job per report while it waits, a few waiting per person,
 * and turns taken between people.
 */
const fresh = freshDatabasePerTest();
const t0 = new Date("2026-12-07T10:00:00.000Z");
const later = (ms: number) => new Date(t0.getTime() + ms);
let systemId: number;
let alex: number;
let sam: number;

beforeEach(async () => {
  systemId = (
    await fresh.db
      .insertInto("system")
      .values({ name: "ICS" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  const people = await fresh.db
    .insertInto("app_user")
    .values([
      { email: "alex@example.nhs.uk", name: "Alex" },
      { email: "sam@example.nhs.uk", name: "Sam" },
    ])
    .returning("id")
    .execute();
  [alex, sam] = people.map((p) => p.id) as [number, number];
});

/** A distinct report for each number: years apart, so no two are the same. */
const report = (n: number, requestedBy: number | null): JobRequest => ({
  scope_kind: "system",
  scope_id: systemId,
  system_id: systemId,
  year: 2000 + n,
  format: "pdf",
  requested_by: requestedBy,
});

const jobCount = async () =>
  Number(
    (
      await fresh.db
        .selectFrom("report_job")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Claims the next job and finishes it, as a runner would; its id, or null. */
async function runNext(at: Date) {
  const job = await claimNextJob(fresh.db, { runner: "r", now: at, leaseMs: 30_000 });
  if (!job) return null;
  await finishJob(fresh.db, {
    id: job.id,
    runner: "r",
    fileName: "r.pdf",
    storedAs: "a".repeat(64),
    size: 1,
    now: at,
  });
  return job.id;
}

describe("asking for a report", () => {
  it("joins the same report while it waits or is built, whoever asks, and queues it anew once it is done", async () => {
    const first = await requestReportJob(fresh.db, { ...report(1, alex), now: t0 });
    expect(first.outcome).toBe("queued");
    const again = await requestReportJob(fresh.db, { ...report(1, alex), now: later(1) });
    const bySomeoneElse = await requestReportJob(fresh.db, { ...report(1, sam), now: later(2) });
    expect(again).toMatchObject({
      outcome: "joined",
      job: { id: first.outcome === "queued" && first.job.id },
    });
    expect(bySomeoneElse.outcome).toBe("joined");
    await claimNextJob(fresh.db, { runner: "r", now: later(3), leaseMs: 30_000 });
    // Being built: still the same job.
    expect((await requestReportJob(fresh.db, { ...report(1, sam), now: later(4) })).outcome).toBe(
      "joined",
    );
    expect(await jobCount()).toBe(1);
    const id = first.outcome === "queued" ? first.job.id : 0;
    await finishJob(fresh.db, {
      id,
      runner: "r",
      fileName: "r.pdf",
      storedAs: "a".repeat(64),
      size: 1,
      now: later(5),
    });
    expect((await requestReportJob(fresh.db, { ...report(1, alex), now: later(6) })).outcome).toBe(
      "queued",
    );
    expect(await jobCount()).toBe(2);
  });

  it("meets one job when many ask for the same report at once", async () => {
    const asked = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        requestReportJob(fresh.db, { ...report(1, i % 2 ? alex : sam), now: later(i) }),
      ),
    );
    const ids = new Set(asked.map((a) => (a.outcome === "tooMany" ? null : a.job.id)));
    expect(ids.size).toBe(1);
    expect(ids.has(null)).toBe(false);
    expect(asked.filter((a) => a.outcome === "queued")).toHaveLength(1);
    expect(await jobCount()).toBe(1);
  });

  it(`lets one person have at most ${MAX_WAITING_PER_PERSON} reports waiting, and refuses the next without queuing it`, async () => {
    for (let n = 1; n <= MAX_WAITING_PER_PERSON; n++) {
      expect(
        (await requestReportJob(fresh.db, { ...report(n, alex), now: later(n) })).outcome,
      ).toBe("queued");
    }
    const refused = await requestReportJob(fresh.db, { ...report(9, alex), now: later(9) });
    expect(refused).toEqual({ outcome: "tooMany", waiting: MAX_WAITING_PER_PERSON });
    expect(await jobCount()).toBe(MAX_WAITING_PER_PERSON);
    // Someone else is not held back by it.
    expect((await requestReportJob(fresh.db, { ...report(9, sam), now: later(10) })).outcome).toBe(
      "queued",
    );
    // Once one of Alex's is done, Alex may ask again.
    await runNext(later(11));
    expect((await requestReportJob(fresh.db, { ...report(8, alex), now: later(12) })).outcome).toBe(
      "queued",
    );
  });

  it("many asking at once from one person still queue no more than the bound", async () => {
    const asked = await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        requestReportJob(fresh.db, { ...report(n, alex), now: later(n) }),
      ),
    );
    expect(asked.filter((a) => a.outcome === "queued")).toHaveLength(MAX_WAITING_PER_PERSON);
    expect(await jobCount()).toBe(MAX_WAITING_PER_PERSON);
  });
});

describe("the queue", () => {
  it("takes turns between people: one person's many requests do not all go before another's one", async () => {
    const a = [];
    for (let n = 1; n <= 3; n++)
      a.push((await enqueueReportJob(fresh.db, { ...report(n, alex), now: later(n) })).id);
    const b = (await enqueueReportJob(fresh.db, { ...report(4, sam), now: later(4) })).id;
    const order = [];
    for (let i = 0; i < 4; i++) order.push(await runNext(later(1000 * (i + 1))));
    expect(order).toEqual([a[0], b, a[1], a[2]]);
    expect(await runNext(later(5000))).toBeNull();
  });

  it("counts a person's finished jobs for a quarter of an hour, then oldest first again", async () => {
    const first = (await enqueueReportJob(fresh.db, { ...report(1, alex), now: t0 })).id;
    expect(await runNext(later(1))).toBe(first);
    const alexNext = (await enqueueReportJob(fresh.db, { ...report(2, alex), now: later(2) })).id;
    const samNext = (await enqueueReportJob(fresh.db, { ...report(3, sam), now: later(3) })).id;
    // Alex had a report built a moment ago: Sam goes first.
    const soon = await claimNextJob(fresh.db, { runner: "r", now: later(4), leaseMs: 30_000 });
    expect(soon?.id).toBe(samNext);
    await finishJob(fresh.db, {
      id: samNext,
      runner: "r",
      fileName: "r.pdf",
      storedAs: "b".repeat(64),
      size: 1,
      now: later(5),
    });
    const alexAgain = (await enqueueReportJob(fresh.db, { ...report(5, alex), now: later(6) })).id;
    const samAgain = (await enqueueReportJob(fresh.db, { ...report(6, sam), now: later(7) })).id;
    // Long after: nobody has anything recent, so the oldest waiting goes first.
    const after = later(RECENT_SHARE_MS + 10);
    expect(await runNext(after)).toBe(alexNext);
    expect([
      await runNext(later(RECENT_SHARE_MS + 20)),
      await runNext(later(RECENT_SHARE_MS + 30)),
    ]).toEqual([samAgain, alexAgain]);
  });
});

describe("the migration that makes a report one job at a time", () => {
  it("keeps the oldest of the same report waiting twice and fails the later one, saying why", async () => {
    const database = await createTestDatabase();
    const db = database.open();
    try {
      await migrateTo(db, "2026-12-07-41-audit-event-system");
      const system = await db
        .insertInto("system")
        .values({ name: "ICS" })
        .returning("id")
        .executeTakeFirstOrThrow();
      const waiting = (format: "pdf" | "docx", status: "queued" | "running" | "done") =>
        db
          .insertInto("report_job")
          .values({
            kind: "annual_report",
            scope_kind: "system",
            scope_id: system.id,
            system_id: system.id,
            year: 2026,
            format,
            requested_by: null,
            status,
            created_at: t0.toISOString(),
            updated_at: t0.toISOString(),
          })
          .returning("id")
          .executeTakeFirstOrThrow();
      const done = await waiting("pdf", "done");
      const first = await waiting("pdf", "running");
      const twice = await waiting("pdf", "queued");
      const word = await waiting("docx", "queued");
      expect(await migrateToLatest(db)).toContain("2026-12-07-42-report-job-one-at-a-time");
      const rows = await db
        .selectFrom("report_job")
        .select(["id", "status", "error"])
        .orderBy("id")
        .execute();
      expect(rows).toEqual([
        { id: done.id, status: "done", error: null },
        { id: first.id, status: "running", error: null },
        {
          id: twice.id,
          status: "failed",
          error: "The same report was already waiting to be built: that request builds it.",
        },
        { id: word.id, status: "queued", error: null },
      ]);
    } finally {
      await db.destroy();
      await database.cleanup();
    }
  });
});
