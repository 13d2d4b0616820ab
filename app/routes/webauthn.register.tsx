import type { ActionFunctionArgs } from "@remix-run/node";
import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { requireUser } from "~/auth/guards.server";
import { passkeyRefusalText, registerPasskey, registrationOptions } from "~/auth/passkeys.server";
import { passkeyNameSchema } from "~/forms/auth";
import { parseForm } from "~/forms/parse";
import { readForm } from "~/http/form-body.server";
import { clientIp } from "~/http/request.server";
import { recordAudit } from "~/models/audit.server";
import { getDb } from "~/models/db.server";
import { unusedRecoveryCodes } from "~/models/recovery-codes.server";
import { markSessionTwoFactorVerified } from "~/models/sessions.server";

/**
 * Adding a passkey to one's own account, in two posts from the page's
 * script: `options` (a challenge), then `verify` with the authenticator's
 * answer and the name given. Open while the second factor is still to be
 * set up: a passkey is the first choice of one. Answers JSON.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const auth = await requireUser(request, { allowSecondFactorSetup: true });
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "options") {
    return Response.json({ options: await registrationOptions(auth.user) });
  }
  if (intent !== "verify") return Response.json({ error: "Choose what to do" }, { status: 400 });
  const named = parseForm(passkeyNameSchema, form);
  if (!named.success) return Response.json({ errors: named.errors }, { status: 400 });
  let response: RegistrationResponseJSON;
  try {
    response = JSON.parse(String(form.get("response") ?? "")) as RegistrationResponseJSON;
  } catch {
    return Response.json({ error: passkeyRefusalText.malformed }, { status: 400 });
  }
  const result = await registerPasskey({
    userId: auth.user.id,
    name: named.data.name,
    response,
  });
  if (!result.ok) {
    return Response.json({ error: passkeyRefusalText[result.problem] }, { status: 400 });
  }
  const db = getDb();
  await recordAudit(db, {
    actorUserId: auth.user.id,
    action: "passkey.added",
    detail: { passkey: result.passkey.name },
    ip: clientIp(context),
    now: new Date(),
  });
  // Setting up a first factor in this session proves it as well as using one would.
  if (!auth.session.two_factor_verified || auth.passkeyCount === 0) {
    await markSessionTwoFactorVerified(db, { sessionId: auth.session.id });
  }
  const codes = await unusedRecoveryCodes(db, { userId: auth.user.id });
  return Response.json({
    redirectTo: codes === 0 ? "/account/recovery-codes?new=1" : "/account/passkeys?added=1",
  });
}
