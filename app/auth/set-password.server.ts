import type { TokenPurpose } from "../../db/schema";
import { newPasswordSchema } from "../forms/auth";
import { recordAudit } from "../models/audit.server";
import {
  checkOneTimeToken,
  consumeOneTimeToken,
  revokeOneTimeTokens,
  type TokenCheck,
} from "../models/one-time-tokens.server";
import { invalidateUserSessions } from "../models/sessions.server";
import { getUserById, setPasswordHash } from "../models/users.server";
import { addressKey, countAttempt, tooManyAttempts } from "./attempt-limits.server";
import { getDb } from "../models/db.server";
import { appConfig } from "../utils/env.server";
import { formErrors } from "../http/form-errors.server";
import { parseForm } from "../forms/parse";
import { hashPassword, passwordProblem } from "./password.server";

export type LinkProblem = "unknown" | "expired" | "used";

/** Shared by invitation and reset links: a refused link gets its own clear page. */
export async function checkLink(token: string | undefined, purpose: TokenPurpose) {
  const result: TokenCheck = await checkOneTimeToken(getDb(), {
    token: token ?? "",
    purpose,
    now: new Date(),
  });
  if (!result.ok) return { problem: result.reason as LinkProblem, user: null };
  const user = await getUserById(getDb(), { id: result.userId });
  if (!user || user.deactivated_at) return { problem: "unknown" as const, user: null };
  return { problem: null, user };
}

/**
 * Validates the new password, then uses the link exactly once and sets the
 * password; every other session and unused link of that person ends.
 */
export async function setPasswordFromLink(args: {
  token: string | undefined;
  purpose: TokenPurpose;
  formData: FormData;
  ip: string | null;
}) {
  const db = getDb();
  const now = new Date();
  const form = parseForm(newPasswordSchema, args.formData);
  const link = await checkLink(args.token, args.purpose);
  // Per address always; per account once the link names one. Links are 160
  // bits, so this is against hammering the server, not against guessing.
  const limits = appConfig().limits.link;
  const waitMinutes = await countAttempt(db, {
    rules: [
      { key: addressKey("link", args.ip), limit: limits.perAddress },
      ...(link.user ? [{ key: `link:user:${link.user.id}`, limit: limits.perAccount }] : []),
    ],
    windowSeconds: 15 * 60,
    now,
  });
  if (waitMinutes !== null) {
    return {
      outcome: "invalid" as const,
      response: tooManyAttempts("password", "attempts with this link", waitMinutes),
    };
  }
  if (!link.user) return { outcome: "link" as const, problem: link.problem };
  if (!form.success) {
    return { outcome: "invalid" as const, response: formErrors(form.errors) };
  }
  const problem = passwordProblem(form.data.password, {
    email: link.user.email,
    name: link.user.name,
  });
  if (problem) {
    return {
      outcome: "invalid" as const,
      response: formErrors({ password: problem }),
    };
  }
  const hash = await hashPassword(form.data.password);
  const used = await consumeOneTimeToken(db, {
    token: args.token ?? "",
    purpose: args.purpose,
    now,
  });
  if (!used.ok) return { outcome: "link" as const, problem: used.reason as LinkProblem };
  await setPasswordHash(db, { userId: used.userId, passwordHash: hash });
  await invalidateUserSessions(db, { userId: used.userId });
  await revokeOneTimeTokens(db, { userId: used.userId, purpose: "password_reset", now });
  await recordAudit(db, {
    actorUserId: used.userId,
    action: args.purpose === "invitation" ? "invitation.accepted" : "password_reset.completed",
    targetType: "user",
    targetId: used.userId,
    ip: args.ip,
    now,
  });
  return { outcome: "done" as const, userId: used.userId };
}
