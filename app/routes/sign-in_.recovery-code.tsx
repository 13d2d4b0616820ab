import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { TextField } from "~/components/forms/TextField";
import { recoveryCodeSchema } from "~/forms/auth";
import { parseForm } from "~/forms/parse";
import { requirePendingSecondFactor } from "~/auth/guards.server";
import { hashRecoveryCode } from "~/auth/recovery-codes.server";
import { completeSecondFactor } from "~/auth/sign-in-finish.server";
import {
  addressKey,
  countAttempt,
  refundAttempt,
  tooManyAttempts,
} from "~/auth/attempt-limits.server";
import { formErrors } from "~/http/form-errors.server";
import { readForm } from "~/http/form-body.server";
import { clientIp } from "~/http/request.server";
import { recordAudit } from "~/models/audit.server";
import { getDb } from "~/models/db.server";
import { spendRecoveryCode } from "~/models/recovery-codes.server";
import { appConfig } from "~/utils/env.server";

export { passRetryAfter as headers } from "~/http/retry-after";

export const meta: MetaFunction = () => [{ title: "Use a recovery code – Anchor Charter" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePendingSecondFactor(request);
  return null;
}

/** A recovery code in place of the second factor: each works once, and counts as a code tried. */
export async function action({ request, context }: ActionFunctionArgs) {
  const auth = await requirePendingSecondFactor(request);
  const db = getDb();
  const now = new Date();
  const ip = clientIp(context);
  const form = parseForm(recoveryCodeSchema, await readForm(request));
  if (!form.success) return formErrors(form.errors);
  const limits = appConfig().limits.twoFactor;
  const rules = [
    { key: `two-factor:user:${auth.user.id}`, limit: limits.perAccount },
    { key: addressKey("two-factor", ip), limit: limits.perAddress },
  ];
  const windowSeconds = 15 * 60;
  const waitMinutes = await countAttempt(db, { rules, windowSeconds, now });
  if (waitMinutes !== null) return tooManyAttempts("code", "codes tried", waitMinutes);
  const used = await spendRecoveryCode(db, {
    userId: auth.user.id,
    codeHash: hashRecoveryCode(form.data.code),
    now,
  });
  if (!used) {
    await recordAudit(db, { actorUserId: auth.user.id, action: "recovery_code.failure", ip, now });
    return formErrors({
      code: "This recovery code is not right, or has been used. Check it, or try another.",
    });
  }
  await refundAttempt(db, { rules, windowSeconds, now });
  await completeSecondFactor({ auth, method: "recovery_code", ip, redirectTo: null });
  // Straight to their second factor: they may have lost it, and should replace it now.
  return redirect("/account/two-factor?recovered=1");
}

export default function RecoveryCodeSignIn() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const redirectTo = params.get("redirectTo") ?? "";
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={result?.errors} />
        <h1 className="nhsuk-heading-l">Use a recovery code</h1>
        <p className="nhsuk-body">
          Enter one of the recovery codes you saved when you set up your second factor. Each code
          works once.
        </p>
        <Form method="post" noValidate>
          <TextField
            name="code"
            label="Recovery code"
            hint="24 letters and digits, for example abcd-efgh-ijkl-mnop-qrst-uvwx"
            autoComplete="off"
            spellCheck={false}
            error={result?.errors.code}
          />
          <SubmitButton>Continue</SubmitButton>
        </Form>
        <p className="nhsuk-body">
          <Link
            to={`/sign-in/two-factor${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}`}
          >
            Use your passkey or authenticator app instead
          </Link>
        </p>
        <p className="nhsuk-body">
          No codes left? Ask your administrator to reset your second factor.
        </p>
      </div>
    </div>
  );
}
