import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { lockedForUpdate } from "./row-locks.server";

/**
 * The champions to remind for each organisation: everyone holding the role
 * whose account is not deactivated.
 */
export async function championRecipients(
  db: Kysely<Database>,
  args: { organisationIds: readonly number[] },
): Promise<Array<{ organisationId: number; userId: number; name: string; email: string }>> {
  if (!args.organisationIds.length) return [];
  return db
    .selectFrom("role_assignment as r")
    .innerJoin("app_user as u", "u.id", "r.user_id")
    .select([
      "r.organisation_id as organisationId",
      "u.id as userId",
      "u.name as name",
      "u.email as email",
    ])
    .where("r.role", "=", "champion")
    .where("r.organisation_id", "in", [...args.organisationIds])
    .where("u.deactivated_at", "is", null)
    .orderBy("r.organisation_id")
    .orderBy("u.email")
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, organisationId: Number(r.organisationId) })));
}

/** Per organisation, how often it has been reminded for the period and when last. */
export async function remindersFor(
  db: Kysely<Database>,
  args: { periodId: number; organisationIds: readonly number[] },
): Promise<Map<number, { times: number; lastSentAt: string }>> {
  if (!args.organisationIds.length) return new Map();
  const rows = await db
    .selectFrom("reminder")
    .select((eb) => [
      "organisation_id as organisationId",
      eb.fn.countAll<number>().as("times"),
      eb.fn.max("sent_at").as("lastSentAt"),
    ])
    .where("period_id", "=", args.periodId)
    .where("organisation_id", "in", [...args.organisationIds])
    .groupBy("organisation_id")
    .execute();
  return new Map(
    rows.map((r) => [
      Number(r.organisationId),
      { times: Number(r.times), lastSentAt: String(r.lastSentAt) },
    ]),
  );
}

/** Per organisation, how many reminders it has had since a time (for any period). */
export async function remindersSince(
  db: Kysely<Database>,
  args: { organisationIds: readonly number[]; since: string },
): Promise<Map<number, number>> {
  if (!args.organisationIds.length) return new Map();
  const rows = await db
    .selectFrom("reminder")
    .select((eb) => ["organisation_id as organisationId", eb.fn.countAll<number>().as("times")])
    .where("organisation_id", "in", [...args.organisationIds])
    .where("sent_at", ">=", args.since)
    .groupBy("organisation_id")
    .execute();
  return new Map(rows.map((r) => [Number(r.organisationId), Number(r.times)]));
}

/**
 * Takes one of the organisation's reminders for the day before its emails
 * go, or none when it has had `limit` since `since`: counted and recorded in
 * one transaction with the organisation's row locked, so two senders
 * pressing at once cannot both take the last one. The caller settles it
 * with how many champions were emailed.
 */
export async function reserveReminder(
  db: Kysely<Database>,
  args: {
    organisationId: number;
    periodId: number;
    sentBy: number;
    since: string;
    limit: number;
    now: Date;
  },
): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    await lockedForUpdate(
      trx,
      trx.selectFrom("organisation").select("id").where("id", "=", args.organisationId),
    ).execute();
    const today = await remindersSince(trx, {
      organisationIds: [args.organisationId],
      since: args.since,
    });
    if ((today.get(args.organisationId) ?? 0) >= args.limit) return null;
    const row = await trx
      .insertInto("reminder")
      .values({
        organisation_id: args.organisationId,
        period_id: args.periodId,
        sent_by: args.sentBy,
        recipients: 0,
        sent_at: args.now.toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  });
}

/** How a reserved reminder went: kept with the champions emailed, or gone when none was. */
export async function settleReminder(
  db: Kysely<Database>,
  args: { id: number; recipients: number },
): Promise<void> {
  if (args.recipients > 0) {
    await db
      .updateTable("reminder")
      .set({ recipients: args.recipients })
      .where("id", "=", args.id)
      .execute();
  } else {
    await db.deleteFrom("reminder").where("id", "=", args.id).execute();
  }
}
