import type { ActionFunctionArgs } from "@remix-run/node";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { addressKey, countAttempt, refundAttempt } from "~/auth/attempt-limits.server";
import { getAuth, owesSecondFactor } from "~/auth/guards.server";
import {
  authenticationOptions,
  passkeyRefusalText,
  verifyPasskeySignIn,
} from "~/auth/passkeys.server";
import { completeSecondFactor, startVerifiedSession } from "~/auth/sign-in-finish.server";
import { readForm } from "~/http/form-body.server";
import { clientIp } from "~/http/request.server";
import { recordAudit } from "~/models/audit.server";
import { getDb } from "~/models/db.server";
import { getUserById } from "~/models/users.server";
import { appConfig } from "~/utils/env.server";

/**
 * Signing in with a passkey, in two posts from the page's script: `options`
 * (a challenge, stored), then `verify` (the authenticator's answer). With no
 * session the passkey signs in by itself (it must verify the person); in a
 * session that owes its second factor, it is that factor, and only the
 * person's own passkeys answer. Answers JSON: `{ options }`, `{ redirectTo }`
 * or `{ error }`. Refusals count against the same limits as security codes.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const auth = await getAuth(request);
  const pending = auth && owesSecondFactor(auth) ? auth : null;
  if (auth && !pending) return Response.json({ redirectTo: "/" });
  const intent = form.get("intent");
  if (intent === "options") {
    return Response.json({ options: await authenticationOptions(pending ? pending.user : null) });
  }
  if (intent !== "verify") return Response.json({ error: "Choose what to do" }, { status: 400 });

  const db = getDb();
  const now = new Date();
  const ip = clientIp(context);
  const limits = appConfig().limits.twoFactor;
  const rules = [
    { key: addressKey("passkey", ip), limit: limits.perAddress },
    ...(pending ? [{ key: `two-factor:user:${pending.user.id}`, limit: limits.perAccount }] : []),
  ];
  const windowSeconds = 15 * 60;
  const waitMinutes = await countAttempt(db, { rules, windowSeconds, now });
  if (waitMinutes !== null) {
    return Response.json(
      { error: `Too many attempts. Wait ${waitMinutes} minutes, then try again.` },
      { status: 429, headers: { "Retry-After": String(waitMinutes * 60) } },
    );
  }
  let response: AuthenticationResponseJSON;
  try {
    response = JSON.parse(String(form.get("response") ?? "")) as AuthenticationResponseJSON;
  } catch {
    return Response.json({ error: passkeyRefusalText.malformed }, { status: 400 });
  }
  const result = await verifyPasskeySignIn({ userId: pending?.user.id ?? null, response });
  const user = result.ok ? await getUserById(db, { id: result.userId }) : undefined;
  if (!result.ok || !user || user.deactivated_at) {
    const problem = result.ok ? "unknown" : result.problem;
    await recordAudit(db, {
      actorUserId: pending?.user.id ?? null,
      action: "passkey.refused",
      targetType: result.ok ? "user" : undefined,
      targetId: result.ok ? result.userId : undefined,
      detail: { reason: problem },
      ip,
      now,
    });
    return Response.json({ error: passkeyRefusalText[problem] }, { status: 400 });
  }
  await refundAttempt(db, { rules, windowSeconds, now });
  const redirectTo =
    typeof form.get("redirectTo") === "string" ? String(form.get("redirectTo")) : null;
  const detail = { passkey: result.passkey.name };
  if (pending) {
    const destination = await completeSecondFactor({
      auth: pending,
      method: "passkey",
      detail,
      ip,
      redirectTo,
    });
    return Response.json({ redirectTo: destination });
  }
  const { cookie, destination } = await startVerifiedSession({
    userId: user.id,
    method: "passkey",
    detail,
    ip,
    redirectTo,
  });
  return Response.json({ redirectTo: destination }, { headers: { "Set-Cookie": cookie } });
}
