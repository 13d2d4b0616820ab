/** Creating a new deployment's first administrator: see first-admin-command.ts. */
import type { Kysely } from "kysely";
import { z } from "zod";
import { singleLineText } from "../app/forms/fields";
import { recordAudit } from "../app/models/audit.server";
import { createOneTimeToken, revokeOneTimeTokens } from "../app/models/one-time-tokens.server";
import { createUser, findUserByEmail, grantRole } from "../app/models/users.server";
import type { Database } from "../db/schema";

export const firstAdminSchema = z.object({
  system: singleLineText("The system's name", 200).min(1, "Give the system's name with --system"),
  name: singleLineText("The person's name", 200).min(1, "Give their name with --name"),
  email: z.string().trim().pipe(z.email("Give their email address with --email")),
});

/**
 * Creates the system if new, the person if new, makes them its administrator
 * and returns a fresh invitation token (earlier ones stop working), all in
 * one transaction.
 */
export async function createFirstAdmin(
  db: Kysely<Database>,
  args: z.infer<typeof firstAdminSchema> & { now: Date; ttlMinutes: number },
) {
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom("system")
      .select("id")
      .where("name", "=", args.system)
      .executeTakeFirst();
    const systemId =
      existing?.id ??
      (
        await trx
          .insertInto("system")
          .values({ name: args.system })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    const user =
      (await findUserByEmail(trx, { email: args.email })) ??
      (await createUser(trx, { email: args.email, name: args.name }));
    await grantRole(trx, { userId: user.id, role: "admin", systemId });
    await revokeOneTimeTokens(trx, { userId: user.id, purpose: "invitation", now: args.now });
    const token = await createOneTimeToken(trx, {
      purpose: "invitation",
      userId: user.id,
      createdBy: null,
      now: args.now,
      ttlMinutes: args.ttlMinutes,
    });
    await recordAudit(trx, {
      actorUserId: null,
      action: "role.granted",
      targetType: "user",
      targetId: user.id,
      detail: { role: "admin", systemId, by: "admin:first command" },
      system: { systemId },
      now: args.now,
    });
    return { systemId, userId: user.id, token, newSystem: !existing };
  });
}
