import type { Kysely } from "kysely";
import { beforeEach, describe, expect, it } from "vitest";
import { getPeriod, setDueDateRule, setPeriodDueDate } from "~/models/periods.server";
import { firstKey, firstSubmissionTimes, returnStates } from "~/models/submissions.server";
import { returnTimeliness } from "~/periods/phase";
import type { Database } from "../../../db/schema";
import { freshDatabasePerTest } from "../../setup/database";

/**
 * On time, late, not yet due and overdue, read from the database as the
 * pages and exports read them, on SQLite and (with DATABASE_URL) PostgreSQL:
 * a return is judged by its first submission, as a UK day, against its
 * month's due date (its own, else the system's rule).
 */
const fresh = freshDatabasePerTest();
let db: Kysely<Database>;
let periodId: number;
let systemId: number;
const org: Record<
  "early" | "lastMinute" | "afterMidnight" | "reopened" | "draft" | "none",
  number
> = { early: 0, lastMinute: 0, afterMidnight: 0, reopened: 0, draft: 0, none: 0 };

beforeEach(async () => {
  db = fresh.db;
  systemId = (
    await db
      .insertInto("system")
      .values({ name: "Test ICS" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  // June 2026: by the tenth working day, due on Tuesday 14 July 2026 (BST).
  periodId = (
    await db
      .insertInto("assessment_period")
      .values({
        system_id: systemId,
        label: "June 2026",
        starts_on: "2026-06-01",
        ends_on: "2026-06-30",
        status: "open",
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  const user = await db
    .insertInto("app_user")
    .values({ email: "c@example.com", name: "C" })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const name of Object.keys(org) as Array<keyof typeof org>) {
    org[name] = (
      await db
        .insertInto("organisation")
        .values({ system_id: systemId, place_id: null, name, type: "other" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  }
  const submit = async (name: keyof typeof org, status: "draft" | "submitted", times: string[]) => {
    const a = await db
      .insertInto("assessment")
      .values({
        organisation_id: org[name],
        period_id: periodId,
        charter_version: "2021",
        status,
        submitted_at: times.at(-1) ?? null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const at of times) {
      await db
        .insertInto("assessment_submission")
        .values({
          assessment_id: a.id,
          submitted_by: user.id,
          submitted_at: at,
          level: null,
          snapshot: "{}",
        })
        .execute();
    }
  };
  await submit("early", "submitted", ["2026-07-02T09:00:00.000Z"]);
  // 23:30 BST on the due date is still the due date in the UK.
  await submit("lastMinute", "submitted", ["2026-07-14T22:30:00.000Z"]);
  // 00:30 BST the day after: still 14 July in UTC, but late in the UK.
  await submit("afterMidnight", "submitted", ["2026-07-14T23:30:00.000Z"]);
  // First sent on time, reopened, sent again late: judged by the first.
  await submit("reopened", "submitted", ["2026-07-10T10:00:00.000Z", "2026-07-20T10:00:00.000Z"]);
  await submit("draft", "draft", []);
});

async function classify(now: Date) {
  const period = (await getPeriod(db, { id: periodId }))!;
  const firsts = await firstSubmissionTimes(db, {
    periodIds: [periodId],
    organisationIds: Object.values(org),
  });
  return Object.fromEntries(
    Object.entries(org).map(([name, id]) => [
      name,
      returnTimeliness({
        firstSubmittedAt: firsts.get(firstKey(id, periodId)) ?? null,
        dueOn: period.dueOn,
        now,
      }),
    ]),
  );
}

describe("a return against its due date, read from the database", () => {
  it("is on time or late by its first submission's UK day, and not yet due or overdue before one", async () => {
    expect((await getPeriod(db, { id: periodId }))!.dueOn).toBe("2026-07-14");
    expect(await classify(new Date("2026-07-14T22:59:00.000Z"))).toEqual({
      early: "on-time",
      lastMinute: "on-time",
      afterMidnight: "late",
      reopened: "on-time",
      draft: "not-yet-due",
      none: "not-yet-due",
    });
    // An hour later it is 15 July in London: what is not in is overdue.
    const after = await classify(new Date("2026-07-14T23:01:00.000Z"));
    expect(after.draft).toBe("overdue");
    expect(after.none).toBe("overdue");
    const states = await returnStates(db, { periodId, organisationIds: Object.values(org) });
    expect(states.get(org.draft)).toBe("draft");
    expect(states.get(org.none)).toBeUndefined();
  });

  it("follows the administrators: a new rule moves the date, a month's own date overrides it", async () => {
    await setDueDateRule(db, { systemId, rule: { workingDay: 12 } });
    expect((await getPeriod(db, { id: periodId }))!.dueOn).toBe("2026-07-16");
    expect((await classify(new Date("2026-07-16T12:00:00.000Z"))).afterMidnight).toBe("on-time");
    await setPeriodDueDate(db, { id: periodId, dueOn: "2026-07-03" });
    expect((await getPeriod(db, { id: periodId }))!.dueOn).toBe("2026-07-03");
    const early = await classify(new Date("2026-07-16T12:00:00.000Z"));
    expect(early).toMatchObject({ early: "on-time", reopened: "late", lastMinute: "late" });
    await setPeriodDueDate(db, { id: periodId, dueOn: null });
    expect((await getPeriod(db, { id: periodId }))!.dueOn).toBe("2026-07-16");
  });
});
