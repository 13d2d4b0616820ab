import { recordAudit } from "../models/audit.server";
import { createOneTimeToken, revokeOneTimeTokens } from "../models/one-time-tokens.server";
import { getUserById, listGrants, roleLabel } from "../models/users.server";
import { getDb } from "../models/db.server";
import { appConfig } from "../utils/env.server";
import { absoluteUrl } from "../email/links.server";
import { sendEmail } from "../email/notify.server";

/**
 * Sends (or re-sends) an invitation: earlier invitation links stop working,
 * and a failed send is recorded so it can be retried from the person's page.
 */
export async function sendInvitation(args: {
  userId: number;
  invitedBy: number;
  ip: string | null;
}) {
  const db = getDb();
  const now = new Date();
  const user = await getUserById(db, { id: args.userId });
  if (!user) throw new Error(`No user ${args.userId} to invite`);
  const config = appConfig();
  await revokeOneTimeTokens(db, { userId: user.id, purpose: "invitation", now });
  const token = await createOneTimeToken(db, {
    purpose: "invitation",
    userId: user.id,
    createdBy: args.invitedBy,
    now,
    ttlMinutes: config.invitationDays * 24 * 60,
  });
  const grants = await listGrants(db, { userId: user.id });
  const roleDescription = grants.map((g) => `${roleLabel(g.role)}, ${g.scopeName}`).join("; ");
  const result = await sendEmail(db, {
    template: "invitation",
    to: user.email,
    userId: user.id,
    personalisation: {
      name: user.name,
      link: absoluteUrl(`/invitations/${token}`),
      role_description: roleDescription,
      expiry: `${config.invitationDays} days`,
    },
  });
  await recordAudit(db, {
    actorUserId: args.invitedBy,
    action: result.status === "failed" ? "invitation.failed" : "invitation.sent",
    targetType: "user",
    targetId: user.id,
    detail: { messageId: result.messageId, status: result.status, error: result.error ?? null },
    ip: args.ip,
    now,
  });
  return result;
}
