import type { Kysely } from "kysely";
import type { AssessmentPeriod, Database, PeriodStatus } from "../../db/schema";

export async function listPeriods(
  db: Kysely<Database>,
  args: { systemId: number },
): Promise<AssessmentPeriod[]> {
  return db
    .selectFrom("assessment_period")
    .selectAll()
    .where("system_id", "=", args.systemId)
    .orderBy("starts_on", "desc")
    .execute();
}

export async function getPeriod(db: Kysely<Database>, args: { id: number }) {
  return db
    .selectFrom("assessment_period")
    .selectAll()
    .where("id", "=", args.id)
    .executeTakeFirst();
}

/** Opens a monthly period (app/periods/monthly.ts says its dates), creating it if new. */
export async function openMonthlyPeriod(
  db: Kysely<Database>,
  args: { systemId: number; period: { label: string; startsOn: string; endsOn: string } },
): Promise<{ id: number; created: boolean; label: string }> {
  const { period } = args;
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
