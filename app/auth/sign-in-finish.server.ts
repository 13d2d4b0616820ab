import { recordAudit } from "../models/audit.server";
import { markSessionTwoFactorVerified } from "../models/sessions.server";
import { listGrants } from "../models/users.server";
import { getDb } from "../models/db.server";
import { safeRedirectPath } from "../http/safe-redirect";
import { type Auth, beginSession, homePathFor } from "./guards.server";
import { destinationAfterSignIn } from "./held-posts.server";

export type SignInMethod = "password" | "passkey" | "organisation" | "recovery_code";

/**
 * Where a person goes once signed in all the way: what was held for them
 * when their last session ended, else where they were going, else home.
 */
export async function signedInDestination(args: { userId: number; redirectTo: string | null }) {
  const grants = await listGrants(getDb(), { userId: args.userId });
  const destination = safeRedirectPath(args.redirectTo, homePathFor({ grants }));
  return destinationAfterSignIn({ userId: args.userId, destination });
}

/** A new session for someone who has proved who they are with every factor they need. */
export async function startVerifiedSession(args: {
  userId: number;
  method: SignInMethod;
  detail?: Record<string, unknown>;
  ip: string | null;
  redirectTo: string | null;
}) {
  const now = new Date();
  await recordAudit(getDb(), {
    actorUserId: args.userId,
    action: "sign_in.success",
    detail: { method: args.method, ...args.detail },
    ip: args.ip,
    now,
  });
  const cookie = await beginSession({ userId: args.userId, twoFactorVerified: true });
  return { cookie, destination: await signedInDestination(args) };
}

/** The second factor given in a session that owed it: the session is now signed in all the way. */
export async function completeSecondFactor(args: {
  auth: Auth;
  method: "passkey" | "code" | "recovery_code";
  detail?: Record<string, unknown>;
  ip: string | null;
  redirectTo: string | null;
}) {
  const db = getDb();
  await markSessionTwoFactorVerified(db, { sessionId: args.auth.session.id });
  await recordAudit(db, {
    actorUserId: args.auth.user.id,
    action: "two_factor.verified",
    detail: { method: args.method, ...args.detail },
    ip: args.ip,
    now: new Date(),
  });
  return signedInDestination({ userId: args.auth.user.id, redirectTo: args.redirectTo });
}
