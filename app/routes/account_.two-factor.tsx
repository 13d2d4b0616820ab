import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { TextField } from "~/components/forms/TextField";
import { twoFactorSchema } from "~/forms/auth";
import { requiresSecondFactor } from "~/access/policy";
import { recordAudit } from "~/models/audit.server";
import { markSessionTwoFactorVerified } from "~/models/sessions.server";
import { setTotp } from "~/models/users.server";
import { requireUser } from "~/auth/guards.server";
import { getDb } from "~/models/db.server";
import { formErrors } from "~/http/form-errors.server";
import { parseForm } from "~/forms/parse";
import { clientIp } from "~/http/request.server";
import {
  createTotpKey,
  totpKeyForDisplay,
  totpQrSvg,
  totpUri,
  verifyTotpCode,
} from "~/auth/totp.server";
import { readForm } from "~/http/form-body.server";

export const meta: MetaFunction = () => [{ title: "Second factor – Anchor Charter" }];

const intentSchema = z.object({ intent: z.enum(["enable", "disable"]) });

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireUser(request, { allowSecondFactorSetup: true });
  const enabled = auth.user.totp_enabled_at !== null;
  const mandatory = requiresSecondFactor(auth.principal) && !auth.secondFactorExempt;
  if (enabled) return { enabled, mandatory, keyText: null, qr: null };
  // A pending key is kept until confirmed, so reloading shows the same code.
  let key = auth.user.totp_key;
  if (!key) {
    key = createTotpKey();
    await setTotp(getDb(), { userId: auth.user.id, keyHex: key, enabledAt: null });
  }
  const uri = totpUri({ keyHex: key, accountName: auth.user.email, issuer: "Anchor Charter" });
  return { enabled, mandatory, keyText: totpKeyForDisplay(key), qr: totpQrSvg(uri) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = await requireUser(request, { allowSecondFactorSetup: true });
  const formData = await readForm(request);
  const intent = intentSchema.safeParse({ intent: formData.get("intent") });
  const form = parseForm(twoFactorSchema, formData);
  if (!intent.success) return formErrors({ code: "Choose what to do" });
  if (!form.success) return formErrors(form.errors);
  const db = getDb();
  const now = new Date();
  const key = auth.user.totp_key ?? "";
  if (!verifyTotpCode({ keyHex: key, code: form.data.code, now })) {
    await recordAudit(db, {
      actorUserId: auth.user.id,
      action: "two_factor.failure",
      ip: clientIp(context),
      now,
    });
    return formErrors({ code: "The code is not correct. Enter the current code." });
  }
  if (intent.data.intent === "disable") {
    if (requiresSecondFactor(auth.principal) && !auth.secondFactorExempt) {
      return formErrors(
        { code: "Your role needs a second factor: it cannot be turned off." },
        {},
        { status: 403 },
      );
    }
    await setTotp(db, { userId: auth.user.id, keyHex: null, enabledAt: null });
    await recordAudit(db, {
      actorUserId: auth.user.id,
      action: "two_factor.disabled",
      ip: clientIp(context),
      now,
    });
    return redirect("/account");
  }
  await setTotp(db, { userId: auth.user.id, keyHex: key, enabledAt: now.toISOString() });
  await markSessionTwoFactorVerified(db, { sessionId: auth.session.id });
  await recordAudit(db, {
    actorUserId: auth.user.id,
    action: "two_factor.enabled",
    ip: clientIp(context),
    now,
  });
  return redirect("/account");
}

export default function TwoFactorSetup() {
  const { enabled, mandatory, keyText, qr } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={result?.errors} />
        <h1 className="nhsuk-heading-l">Second factor</h1>
        {params.get("required") && !enabled ? (
          <div className="nhsuk-warning-callout">
            <h2 className="nhsuk-warning-callout__label">
              <span role="text">
                <span className="nhsuk-u-visually-hidden">Important: </span>Set this up to continue
              </span>
            </h2>
            <p>Administrators and place leads must use a second factor.</p>
          </div>
        ) : null}
        {enabled ? (
          mandatory ? (
            <p className="nhsuk-body">Your authenticator app is turned on. Your role needs it.</p>
          ) : (
            <Form method="post" noValidate>
              <p className="nhsuk-body">
                Your authenticator app is turned on. To turn it off, enter a current code.
              </p>
              <input type="hidden" name="intent" value="disable" />
              <TextField
                name="code"
                label="Security code"
                inputMode="numeric"
                autoComplete="one-time-code"
                width={10}
                error={result?.errors.code}
              />
              <SubmitButton warning>Turn off</SubmitButton>
            </Form>
          )
        ) : (
          <Form method="post" noValidate>
            <p className="nhsuk-body">
              Scan the code with an authenticator app, or type the key into it. Then enter the
              6-digit code the app shows.
            </p>
            {/* The SVG is generated on the server from our own key: no user text inside. */}
            {qr ? <div className="app-qr" dangerouslySetInnerHTML={{ __html: qr }} /> : null}
            <p className="nhsuk-body">
              Key: <code className="app-totp-key">{keyText}</code>
            </p>
            <input type="hidden" name="intent" value="enable" />
            <TextField
              name="code"
              label="Security code"
              inputMode="numeric"
              autoComplete="one-time-code"
              width={10}
              error={result?.errors.code}
            />
            <SubmitButton>Turn on</SubmitButton>
          </Form>
        )}
      </div>
    </div>
  );
}
