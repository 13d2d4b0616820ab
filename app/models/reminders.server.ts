import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";

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

export async function recordReminder(
  db: Kysely<Database>,
  args: {
    organisationId: number;
    periodId: number;
    sentBy: number;
    recipients: number;
    now: Date;
  },
): Promise<void> {
  await db
    .insertInto("reminder")
    .values({
      organisation_id: args.organisationId,
      period_id: args.periodId,
      sent_by: args.sentBy,
      recipients: args.recipients,
      sent_at: args.now.toISOString(),
    })
    .execute();
}
