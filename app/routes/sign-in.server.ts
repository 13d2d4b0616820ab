import type { AppLoadContext } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { formErrors } from "~/http/form-errors.server";
import type { z } from "zod";
import type { signInSchema } from "~/forms/auth";
import { recordAudit } from "~/models/audit.server";
import { clearRateLimit } from "~/models/rate-limit.server";
import {
  addressKey,
  countAttempt,
  refundAttempt,
  tooManyAttempts,
} from "~/auth/attempt-limits.server";
import { findUserByEmail, listGrants, normaliseEmail } from "~/models/users.server";
import { countPasskeys } from "~/models/passkeys.server";
import { safeRedirectPath } from "~/http/safe-redirect";
import { beginSession, homePathFor } from "~/auth/guards.server";
import { destinationAfterSignIn } from "~/auth/held-posts.server";
import { getDb } from "~/models/db.server";
import { appConfig } from "~/utils/env.server";
import { verifyPassword } from "~/auth/password.server";
import { clientIp } from "~/http/request.server";

const WINDOW_SECONDS = 15 * 60;

// One message for every failure, so it never tells whether an account exists.
const WRONG = "Enter a correct email address and password";

export async function attemptSignIn(input: z.infer<typeof signInSchema>, context: AppLoadContext) {
  const db = getDb();
  const now = new Date();
  const email = normaliseEmail(input.email);
  const ip = clientIp(context);
  const limits = appConfig().limits.signIn;
  const address = { key: addressKey("sign-in", ip), limit: limits.perAddress };
  const waitMinutes = await countAttempt(db, {
    rules: [{ key: `sign-in:account:${email}`, limit: limits.perAccount }, address],
    windowSeconds: WINDOW_SECONDS,
    now,
  });
  if (waitMinutes !== null) {
    // About the address's owner, if it has one, so only their systems' administrators see it.
    const owner = await findUserByEmail(db, { email });
    await recordAudit(db, {
      actorUserId: null,
      action: "sign_in.rate_limited",
      targetType: owner ? "user" : undefined,
      targetId: owner?.id,
      detail: { email },
      ip,
      now,
    });
    return tooManyAttempts("email", "attempts to sign in", waitMinutes, { email: input.email });
  }

  const user = await findUserByEmail(db, { email });
  const passwordMatches = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!user || !passwordMatches || user.deactivated_at) {
    await recordAudit(db, {
      actorUserId: null,
      action: "sign_in.failure",
      targetType: user ? "user" : undefined,
      targetId: user?.id,
      detail: { email },
      ip,
      now,
    });
    return formErrors({ email: WRONG }, { email: input.email });
  }

  // Only failures count: the account starts afresh, and the address gets its attempt back.
  await clearRateLimit(db, { key: `sign-in:account:${email}` });
  await refundAttempt(db, { rules: [address], windowSeconds: WINDOW_SECONDS, now });
  await recordAudit(db, {
    actorUserId: user.id,
    action: "sign_in.success",
    detail: { method: "password" },
    ip,
    now,
  });
  const needsCode =
    user.totp_enabled_at !== null || (await countPasskeys(db, { userId: user.id })) > 0;
  const cookie = await beginSession({ userId: user.id, twoFactorVerified: !needsCode });
  const grants = await listGrants(db, { userId: user.id });
  const destination = safeRedirectPath(input.redirectTo ?? null, homePathFor({ grants }));
  const next = needsCode
    ? `/sign-in/two-factor?redirectTo=${encodeURIComponent(destination)}`
    : await destinationAfterSignIn({ userId: user.id, destination });
  return redirect(next, { headers: { "Set-Cookie": cookie } });
}
