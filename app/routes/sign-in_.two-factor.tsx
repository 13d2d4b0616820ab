import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { TextField } from "~/components/forms/TextField";
import { PasskeySignIn } from "~/components/auth/PasskeySignIn";
import { twoFactorSchema } from "~/forms/auth";
import { recordAudit } from "~/models/audit.server";
import { claimTotpStep } from "~/models/users.server";
import { requirePendingSecondFactor } from "~/auth/guards.server";
import { completeSecondFactor } from "~/auth/sign-in-finish.server";
import { getDb } from "~/models/db.server";
import { appConfig } from "~/utils/env.server";
import { formErrors } from "~/http/form-errors.server";
import { parseForm } from "~/forms/parse";
import { clientIp } from "~/http/request.server";
import {
  addressKey,
  countAttempt,
  refundAttempt,
  tooManyAttempts,
} from "~/auth/attempt-limits.server";
import { totpStepOf } from "~/auth/totp.server";
import { readForm } from "~/http/form-body.server";

export { passRetryAfter as headers } from "~/http/retry-after";

export const meta: MetaFunction = () => [{ title: "Your second factor – Anchor Charter" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePendingSecondFactor(request);
  return { passkeys: auth.passkeyCount > 0, code: auth.user.totp_enabled_at !== null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = await requirePendingSecondFactor(request);
  const db = getDb();
  const now = new Date();
  const ip = clientIp(context);
  const form = parseForm(twoFactorSchema, await readForm(request));
  if (!form.success) return formErrors(form.errors);
  const limits = appConfig().limits.twoFactor;
  const rules = [
    { key: `two-factor:user:${auth.user.id}`, limit: limits.perAccount },
    { key: addressKey("two-factor", ip), limit: limits.perAddress },
  ];
  const windowSeconds = 15 * 60;
  const waitMinutes = await countAttempt(db, { rules, windowSeconds, now });
  if (waitMinutes !== null) return tooManyAttempts("code", "codes tried", waitMinutes);
  const step = auth.user.totp_key
    ? totpStepOf({ keyHex: auth.user.totp_key, code: form.data.code, now })
    : null;
  // A code that already signed in once (or an older one) is refused like a wrong one.
  if (step === null || !(await claimTotpStep(db, { userId: auth.user.id, step }))) {
    await recordAudit(db, { actorUserId: auth.user.id, action: "two_factor.failure", ip, now });
    return formErrors({
      code:
        step === null
          ? "The code is not correct. Enter the current code."
          : "This code has been used already. Wait for the next code and enter that.",
    });
  }
  await refundAttempt(db, { rules, windowSeconds, now });
  const destination = await completeSecondFactor({
    auth,
    method: "code",
    ip,
    redirectTo: form.data.redirectTo ?? null,
  });
  return redirect(destination);
}

export default function TwoFactorSignIn() {
  const { passkeys, code } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const redirectTo = params.get("redirectTo") ?? "";
  const recovery = `/sign-in/recovery-code${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}`;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={result?.errors} />
        <h1 className="nhsuk-heading-l">Confirm it is you</h1>
        {passkeys ? (
          <>
            <PasskeySignIn
              label="Use your passkey"
              redirectTo={redirectTo}
              hint="Use the passkey on this device, your phone or your security key."
            />
            <noscript>
              <p className="nhsuk-body">
                Your passkey needs JavaScript, which is turned off in this browser.
                {code ? " Enter a code from your authenticator app instead." : ""}
              </p>
            </noscript>
          </>
        ) : null}
        {code ? (
          <>
            {passkeys ? (
              <h2 className="nhsuk-heading-m">Or use your authenticator app</h2>
            ) : (
              <p className="nhsuk-body">
                Open your authenticator app and enter the 6-digit code it shows.
              </p>
            )}
            <Form method="post" noValidate>
              <input type="hidden" name="redirectTo" value={redirectTo} />
              <TextField
                name="code"
                label="Security code"
                hint={passkeys ? "The 6-digit code your authenticator app shows." : undefined}
                inputMode="numeric"
                autoComplete="one-time-code"
                width={10}
                error={result?.errors.code}
              />
              <SubmitButton>Continue</SubmitButton>
            </Form>
          </>
        ) : null}
        <p className="nhsuk-body">
          <Link to={recovery}>Use a recovery code</Link> if you cannot use your passkey or app.
        </p>
      </div>
    </div>
  );
}
