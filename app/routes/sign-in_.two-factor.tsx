import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { TextField } from "~/components/forms/TextField";
import { twoFactorSchema } from "~/forms/auth";
import { recordAudit } from "~/models/audit.server";
import { markSessionTwoFactorVerified } from "~/models/sessions.server";
import { safeRedirectPath } from "~/http/safe-redirect";
import { getAuth, homePathFor } from "~/auth/guards.server";
import { getDb } from "~/models/db.server";
import { appConfig } from "~/utils/env.server";
import { formErrors } from "~/http/form-errors.server";
import { parseForm } from "~/forms/parse";
import { clientIp } from "~/http/request.server";
import { addressKey, countAttempt, tooManyAttempts } from "~/auth/attempt-limits.server";
import { verifyTotpCode } from "~/auth/totp.server";
import { readForm } from "~/http/form-body.server";

export { passRetryAfter as headers } from "~/http/retry-after";

export const meta: MetaFunction = () => [{ title: "Enter your security code – Anchor Charter" }];

/** Only a session that passed the password and still owes a code may be here. */
async function requirePendingCode(request: Request) {
  const auth = await getAuth(request);
  if (!auth) throw redirect("/sign-in");
  if (!auth.user.totp_enabled_at || auth.session.two_factor_verified) {
    throw redirect(homePathFor(auth));
  }
  return auth;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePendingCode(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = await requirePendingCode(request);
  const db = getDb();
  const now = new Date();
  const ip = clientIp(context);
  const form = parseForm(twoFactorSchema, await readForm(request));
  if (!form.success) return formErrors(form.errors);
  const limits = appConfig().limits.twoFactor;
  const waitMinutes = await countAttempt(db, {
    rules: [
      { key: `two-factor:user:${auth.user.id}`, limit: limits.perAccount },
      { key: addressKey("two-factor", ip), limit: limits.perAddress },
    ],
    windowSeconds: 15 * 60,
    now,
  });
  if (waitMinutes !== null) return tooManyAttempts("code", "codes tried", waitMinutes);
  if (!verifyTotpCode({ keyHex: auth.user.totp_key ?? "", code: form.data.code, now })) {
    await recordAudit(db, { actorUserId: auth.user.id, action: "two_factor.failure", ip, now });
    return formErrors({ code: "The code is not correct. Enter the current code." });
  }
  await markSessionTwoFactorVerified(db, { sessionId: auth.session.id });
  return redirect(safeRedirectPath(form.data.redirectTo ?? null, homePathFor(auth)));
}

export default function TwoFactorSignIn() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={result?.errors} />
        <h1 className="nhsuk-heading-l">Enter your security code</h1>
        <p className="nhsuk-body">
          Open your authenticator app and enter the 6-digit code it shows.
        </p>
        <Form method="post" noValidate>
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
          <TextField
            name="code"
            label="Security code"
            inputMode="numeric"
            autoComplete="one-time-code"
            width={10}
            error={result?.errors.code}
          />
          <SubmitButton>Continue</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
