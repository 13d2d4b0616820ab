import type { Kysely } from "kysely";
import type {
  Database,
  Message,
  MessageStatus,
  MessageTemplate,
  MessageTable,
} from "../../db/schema";
import { userInSystems } from "./system-scope.server";

/** Records an email before it goes, so a crash mid-send still leaves a trace. */
export async function createMessage(
  db: Kysely<Database>,
  args: {
    template: MessageTemplate;
    toEmail: string;
    userId: number | null;
    status: MessageStatus;
    outboxBody?: string;
    /** The system it is about, if any: only that system's outbox lists it. */
    systemId?: number | null;
    now: Date;
  },
): Promise<number> {
  const at = args.now.toISOString();
  const row = await db
    .insertInto("message")
    .values({
      template: args.template,
      to_email: args.toEmail,
      user_id: args.userId,
      status: args.status,
      outbox_body: args.outboxBody ?? null,
      system_id: args.systemId ?? null,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Records how a send ended: Notify's id when it went, a short reason when it did not. */
export async function updateMessageStatus(
  db: Kysely<Database>,
  args: { id: number; status: MessageStatus; notifyId?: string; error?: string; now: Date },
): Promise<void> {
  const changes: Partial<Pick<MessageTable, "notify_id" | "error">> = {};
  if (args.notifyId !== undefined) changes.notify_id = args.notifyId;
  if (args.error !== undefined) changes.error = args.error;
  await db
    .updateTable("message")
    .set({ ...changes, status: args.status, updated_at: args.now.toISOString() })
    .where("id", "=", args.id)
    .execute();
}

/**
 * Newest first: emails about these systems' organisations, and emails about
 * a person alone (an invitation, a reset) to people of these systems.
 */
export async function listMessages(
  db: Kysely<Database>,
  args: { systemIds: readonly number[]; limit: number; status?: MessageStatus },
): Promise<Message[]> {
  if (!args.systemIds.length) return [];
  let query = db
    .selectFrom("message")
    .selectAll()
    .where((eb) =>
      eb.or([
        eb("message.system_id", "in", [...args.systemIds]),
        eb.and([
          eb("message.system_id", "is", null),
          userInSystems("message.user_id", args.systemIds),
        ]),
      ]),
    )
    .orderBy("id", "desc")
    .limit(args.limit);
  if (args.status) query = query.where("status", "=", args.status);
  return query.execute();
}

export async function getMessage(
  db: Kysely<Database>,
  args: { id: number },
): Promise<Message | undefined> {
  return db.selectFrom("message").selectAll().where("id", "=", args.id).executeTakeFirst();
}

/** The last email of a kind sent to someone: for "invitation sent, failed or waiting in the outbox". */
export async function latestMessageForUser(
  db: Kysely<Database>,
  args: { userId: number; template: MessageTemplate },
): Promise<Message | undefined> {
  return db
    .selectFrom("message")
    .selectAll()
    .where("user_id", "=", args.userId)
    .where("template", "=", args.template)
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
}
