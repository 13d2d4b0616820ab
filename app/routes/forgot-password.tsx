import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { TextField } from "~/components/forms/TextField";
import { forgotPasswordSchema } from "~/forms/auth";
import { recordAudit } from "~/models/audit.server";
import { createOneTimeToken } from "~/models/one-time-tokens.server";
import { findUserByEmail, normaliseEmail } from "~/models/users.server";
import { getDb } from "~/models/db.server";
import { appConfig } from "~/utils/env.server";
import { formErrors } from "~/http/form-errors.server";
import { parseForm } from "~/forms/parse";
import { absoluteUrl } from "~/email/links.server";
import { sendEmail } from "~/email/notify.server";
import { clientIp } from "~/http/request.server";
import { addressKey, countAttempt, tooManyAttempts } from "~/auth/attempt-limits.server";
import { readForm } from "~/http/form-body.server";

export { passRetryAfter as headers } from "~/http/retry-after";

export const meta: MetaFunction = () => [{ title: "Reset your password – Anchor Charter" }];

export async function action({ request, context }: ActionFunctionArgs) {
  const form = parseForm(forgotPasswordSchema, await readForm(request));
  if (!form.success) return formErrors(form.errors, form.values);
  const db = getDb();
  const now = new Date();
  const ip = clientIp(context);
  const email = normaliseEmail(form.data.email);
  const limits = appConfig().limits.passwordReset;
  const waitMinutes = await countAttempt(db, {
    rules: [
      { key: `reset:account:${email}`, limit: limits.perAccount },
      { key: addressKey("reset", ip), limit: limits.perAddress },
    ],
    windowSeconds: 60 * 60,
    now,
  });
  if (waitMinutes !== null) {
    return tooManyAttempts("email", "reset requests", waitMinutes, form.values);
  }
  const user = await findUserByEmail(db, { email });
  // Only people who have set a password can reset it; invited people use their invitation.
  if (user && !user.deactivated_at && user.password_hash) {
    const token = await createOneTimeToken(db, {
      purpose: "password_reset",
      userId: user.id,
      createdBy: null,
      now,
      ttlMinutes: appConfig().passwordResetMinutes,
    });
    await sendEmail(db, {
      template: "password_reset",
      to: user.email,
      userId: user.id,
      personalisation: { name: user.name, link: absoluteUrl(`/reset-password/${token}`) },
    });
    await recordAudit(db, {
      actorUserId: null,
      action: "password_reset.requested",
      targetType: "user",
      targetId: user.id,
      ip,
      now,
    });
  }
  // The same answer whether or not the account exists.
  return { sent: true, minutes: appConfig().passwordResetMinutes };
}

export default function ForgotPassword() {
  const result = useActionData<typeof action>();
  if (result && "sent" in result) {
    return (
      <>
        <h1 className="nhsuk-heading-l">Check your email</h1>
        <p className="nhsuk-body">
          If an account uses that address, we have sent it a link to choose a new password. The link
          works for {result.minutes} minutes.
        </p>
      </>
    );
  }
  const errors = result && "errors" in result ? result.errors : undefined;
  const values = result && "values" in result ? result.values : undefined;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="nhsuk-heading-l">Reset your password</h1>
        <p className="nhsuk-body">We will email you a link to choose a new password.</p>
        <Form method="post" noValidate>
          <TextField
            name="email"
            label="Email address"
            type="email"
            autoComplete="email"
            spellCheck={false}
            defaultValue={values?.email}
            error={errors?.email}
          />
          <SubmitButton>Send link</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
