import type { Kysely } from "kysely";
import type { AssessmentPeriod, Database, PeriodStatus } from "../../db/schema";
import { type DueDateRule, periodDueOn } from "../periods/due-dates";
import { monthlyPeriod } from "../periods/monthly";

/** A period with the date its returns are due (its own, else the system's rule). */
export type Period = AssessmentPeriod & { dueOn: string };

function withDueDate(row: AssessmentPeriod & { workingDay: number }): Period {
  const { workingDay, ...period } = row;
  return {
    ...period,
    dueOn: periodDueOn({ endsOn: period.ends_on, dueOnOverride: period.due_on }, { workingDay }),
  };
}

function periodsWithRule(db: Kysely<Database>) {
  return db
    .selectFrom("assessment_period")
    .innerJoin("system", "system.id", "assessment_period.system_id")
    .selectAll("assessment_period")
    .select("system.returns_due_working_day as workingDay");
}

/** A system's periods, newest first, each with its due date. */
export async function listPeriods(
  db: Kysely<Database>,
  args: { systemId: number },
): Promise<Period[]> {
  const rows = await periodsWithRule(db)
    .where("assessment_period.system_id", "=", args.systemId)
    .orderBy("assessment_period.starts_on", "desc")
    .execute();
  return rows.map(withDueDate);
}

/**
 * Up to `count` periods of the system starting on or before `endingWith`,
 * newest first, each with its due date: a fixed number of rows, indexed by
 * system and start, however long the history.
 */
export async function periodsUpTo(
  db: Kysely<Database>,
  args: { systemId: number; endingWith: string; count: number },
): Promise<Period[]> {
  const rows = await periodsWithRule(db)
    .where("assessment_period.system_id", "=", args.systemId)
    .where("assessment_period.starts_on", "<=", args.endingWith)
    .orderBy("assessment_period.starts_on", "desc")
    .limit(args.count)
    .execute();
  return rows.map(withDueDate);
}

/** The system's periods starting from `from` to `to` (YYYY-MM-DD, inclusive), oldest first. */
export async function periodsBetween(
  db: Kysely<Database>,
  args: { systemId: number; from: string; to: string },
): Promise<Period[]> {
  const rows = await periodsWithRule(db)
    .where("assessment_period.system_id", "=", args.systemId)
    .where("assessment_period.starts_on", ">=", args.from)
    .where("assessment_period.starts_on", "<=", args.to)
    .orderBy("assessment_period.starts_on")
    .execute();
  return rows.map(withDueDate);
}

/** The periods with these ids, each with its due date (any order). */
export async function periodsWithIds(
  db: Kysely<Database>,
  args: { ids: readonly number[] },
): Promise<Period[]> {
  if (!args.ids.length) return [];
  const rows = await periodsWithRule(db)
    .where("assessment_period.id", "in", [...args.ids])
    .execute();
  return rows.map(withDueDate);
}

export async function getPeriod(
  db: Kysely<Database>,
  args: { id: number },
): Promise<Period | undefined> {
  const row = await periodsWithRule(db)
    .where("assessment_period.id", "=", args.id)
    .executeTakeFirst();
  return row && withDueDate(row);
}

/** The system's rule for due dates. */
export async function dueDateRule(
  db: Kysely<Database>,
  args: { systemId: number },
): Promise<DueDateRule> {
  const row = await db
    .selectFrom("system")
    .select("returns_due_working_day as workingDay")
    .where("id", "=", args.systemId)
    .executeTakeFirstOrThrow();
  return { workingDay: row.workingDay };
}

/** Opens the monthly period for year and month (1-12), creating it if new. */
export async function openMonthlyPeriod(
  db: Kysely<Database>,
  args: { systemId: number; year: number; month: number },
): Promise<{ id: number; created: boolean; label: string }> {
  const period = monthlyPeriod(args.year, args.month - 1);
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom("assessment_period")
      .select("id")
      .where("system_id", "=", args.systemId)
      .where("starts_on", "=", period.startsOn)
      .executeTakeFirst();
    if (existing) {
      await setStatus(trx, existing.id, "open");
      return { id: existing.id, created: false, label: period.label };
    }
    const row = await trx
      .insertInto("assessment_period")
      .values({
        system_id: args.systemId,
        label: period.label,
        starts_on: period.startsOn,
        ends_on: period.endsOn,
        status: "open",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { id: row.id, created: true, label: period.label };
  });
}

export async function setPeriodStatus(
  db: Kysely<Database>,
  args: { id: number; status: PeriodStatus },
) {
  await setStatus(db, args.id, args.status);
}

async function setStatus(db: Kysely<Database>, id: number, status: PeriodStatus) {
  await db.updateTable("assessment_period").set({ status }).where("id", "=", id).execute();
}

/** Sets the system's rule for due dates; every month without a date of its own follows it. */
export async function setDueDateRule(
  db: Kysely<Database>,
  args: { systemId: number; rule: DueDateRule },
): Promise<void> {
  await db
    .updateTable("system")
    .set({ returns_due_working_day: args.rule.workingDay })
    .where("id", "=", args.systemId)
    .execute();
}

/** Gives a month a due date of its own, or (null) returns it to the system's rule. */
export async function setPeriodDueDate(
  db: Kysely<Database>,
  args: { id: number; dueOn: string | null },
): Promise<void> {
  await db
    .updateTable("assessment_period")
    .set({ due_on: args.dueOn })
    .where("id", "=", args.id)
    .execute();
}
