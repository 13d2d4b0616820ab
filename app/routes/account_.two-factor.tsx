import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { TextField } from "~/components/forms/TextField";
import { PasskeyRegister } from "~/components/auth/PasskeyRegister";
import { twoFactorSchema } from "~/forms/auth";
import { recordAudit } from "~/models/audit.server";
import { markSessionTwoFactorVerified } from "~/models/sessions.server";
import { listPasskeys } from "~/models/passkeys.server";
import { unusedRecoveryCodes } from "~/models/recovery-codes.server";
import { setTotp } from "~/models/users.server";
import { mustSetUpSecondFactor, requireUser } from "~/auth/guards.server";
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
import { formatDate } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Second factor – Anchor Charter" }];

const intentSchema = z.object({ intent: z.enum(["enable", "disable"]) });

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireUser(request, { allowSecondFactorSetup: true });
  const db = getDb();
  const enabled = auth.user.totp_enabled_at !== null;
  const passkeys = (await listPasskeys(db, { userId: auth.user.id })).map((p) => ({
    id: p.id,
    name: p.name,
    added: formatDate(p.created_at),
  }));
  const common = {
    required: mustSetUpSecondFactor(auth),
    exempt: auth.secondFactorExempt,
    enabled,
    passkeys,
    recoveryCodes: await unusedRecoveryCodes(db, { userId: auth.user.id }),
  };
  if (enabled) return { ...common, keyText: null, qr: null };
  // A pending key is kept until confirmed, so reloading shows the same code.
  let key = auth.user.totp_key;
  if (!key) {
    key = createTotpKey();
    await setTotp(db, { userId: auth.user.id, keyHex: key, enabledAt: null });
  }
  const uri = totpUri({ keyHex: key, accountName: auth.user.email, issuer: "Anchor Charter" });
  return { ...common, keyText: totpKeyForDisplay(key), qr: totpQrSvg(uri) };
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
    // Everyone keeps at least one second factor: the app goes only if a passkey stays.
    if (auth.passkeyCount === 0 && !auth.secondFactorExempt) {
      return formErrors(
        { code: "Add a passkey first: everyone needs a second factor, so the app cannot go." },
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
    return redirect("/account/two-factor");
  }
  await setTotp(db, { userId: auth.user.id, keyHex: key, enabledAt: now.toISOString() });
  await markSessionTwoFactorVerified(db, { sessionId: auth.session.id });
  await recordAudit(db, {
    actorUserId: auth.user.id,
    action: "two_factor.enabled",
    ip: clientIp(context),
    now,
  });
  const codes = await unusedRecoveryCodes(db, { userId: auth.user.id });
  return redirect(codes === 0 ? "/account/recovery-codes?new=1" : "/account");
}

export default function SecondFactor() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const anyFactor = page.enabled || page.passkeys.length > 0;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={result?.errors} />
        <h1 className="nhsuk-heading-l">Second factor</h1>
        {page.required || (params.get("required") && !anyFactor) ? (
          <div className="nhsuk-warning-callout">
            <h2 className="nhsuk-warning-callout__label">
              <span role="text">
                <span className="nhsuk-u-visually-hidden">Important: </span>Set this up to continue
              </span>
            </h2>
            <p>
              Everyone who signs in needs a second factor as well as their password: a passkey, or
              an authenticator app.
            </p>
          </div>
        ) : null}
        {params.get("recovered") ? (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>
              You signed in with a recovery code. If you have lost your phone or passkey, remove it
              here and set up a new one. You have {page.recoveryCodes} recovery codes left.
            </p>
          </div>
        ) : null}
        <p className="nhsuk-body">
          Each time you sign in with your password, you also use your passkey or a code from your
          app. A passkey can also sign you in by itself, without your password.
        </p>

        <h2 className="nhsuk-heading-m">Passkeys (recommended)</h2>
        <p className="nhsuk-body">
          A passkey is kept by this device, your phone or a security key, and unlocked with your
          fingerprint, face or PIN. It cannot be typed into a fake website.
        </p>
        {page.passkeys.length ? (
          <>
            <ul className="nhsuk-list nhsuk-list--bullet">
              {page.passkeys.map((p) => (
                <li key={p.id}>
                  {p.name}, added {p.added}
                </li>
              ))}
            </ul>
            <p className="nhsuk-body">
              <Link to="/account/passkeys">Rename or remove your passkeys</Link>
            </p>
          </>
        ) : null}
        <PasskeyRegister first={!anyFactor} />

        <h2 className="nhsuk-heading-m">Authenticator app</h2>
        {page.enabled ? (
          page.passkeys.length || page.exempt ? (
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
          ) : (
            <p className="nhsuk-body">
              Your authenticator app is turned on. It is your only second factor, so it stays on
              until you add a passkey.
            </p>
          )
        ) : (
          <Form method="post" noValidate>
            <p className="nhsuk-body">
              Scan the code with an authenticator app, or type the key into it. Then enter the
              6-digit code the app shows.
            </p>
            {/* The SVG is generated on the server from our own key: no user text inside. */}
            {page.qr ? (
              <div className="app-qr" dangerouslySetInnerHTML={{ __html: page.qr }} />
            ) : null}
            <p className="nhsuk-body">
              Key: <code className="app-totp-key">{page.keyText}</code>
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
            <SubmitButton secondary={page.passkeys.length > 0}>Turn on</SubmitButton>
          </Form>
        )}

        {anyFactor ? (
          <>
            <h2 className="nhsuk-heading-m">Recovery codes</h2>
            <p className="nhsuk-body">
              If you lose your phone or passkey, a recovery code signs you in once. You have{" "}
              {page.recoveryCodes} unused.
            </p>
            <p className="nhsuk-body">
              <Link to="/account/recovery-codes">Make new recovery codes</Link>
            </p>
          </>
        ) : null}
      </div>
    </div>
  );
}
