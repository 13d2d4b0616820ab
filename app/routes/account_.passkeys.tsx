import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { TextField } from "~/components/forms/TextField";
import { PasskeyRegister } from "~/components/auth/PasskeyRegister";
import { passkeyChangeSchema } from "~/forms/auth";
import { parseForm } from "~/forms/parse";
import { requireUser } from "~/auth/guards.server";
import { formErrors } from "~/http/form-errors.server";
import { readForm } from "~/http/form-body.server";
import { clientIp } from "~/http/request.server";
import { recordAudit } from "~/models/audit.server";
import { getDb } from "~/models/db.server";
import { listPasskeys, removePasskey, renamePasskey } from "~/models/passkeys.server";
import { formatDate } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Your passkeys – Anchor Charter" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireUser(request);
  const passkeys = await listPasskeys(getDb(), { userId: auth.user.id });
  return {
    passkeys: passkeys.map((p) => ({
      id: p.id,
      name: p.name,
      added: formatDate(p.created_at),
      lastUsed: p.last_used_at ? formatDate(p.last_used_at) : null,
    })),
  };
}

/** Renaming and removing one's own passkeys; the last second factor cannot go. */
export async function action({ request, context }: ActionFunctionArgs) {
  const auth = await requireUser(request);
  const form = parseForm(passkeyChangeSchema, await readForm(request));
  if (!form.success) return formErrors(form.errors, form.values);
  const db = getDb();
  const passkeys = await listPasskeys(db, { userId: auth.user.id });
  const passkey = passkeys.find((p) => p.id === form.data.id);
  if (!passkey)
    return formErrors({ form: "That passkey is not on your account." }, {}, { status: 404 });
  const audit = (action: "passkey.renamed" | "passkey.removed", detail: Record<string, unknown>) =>
    recordAudit(db, {
      actorUserId: auth.user.id,
      action,
      detail,
      ip: clientIp(context),
      now: new Date(),
    });
  if (form.data.intent === "rename") {
    await renamePasskey(db, { userId: auth.user.id, id: passkey.id, name: form.data.name });
    await audit("passkey.renamed", { from: passkey.name, passkey: form.data.name });
    return redirect("/account/passkeys");
  }
  const last = passkeys.length === 1 && auth.user.totp_enabled_at === null;
  if (last && !auth.secondFactorExempt) {
    return formErrors(
      {
        form: "This is your only second factor. Add another passkey or an authenticator app first.",
      },
      {},
      { status: 403 },
    );
  }
  await removePasskey(db, { userId: auth.user.id, id: passkey.id });
  await audit("passkey.removed", { passkey: passkey.name });
  return redirect("/account/passkeys?removed=1");
}

export default function Passkeys() {
  const { passkeys } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = result?.errors;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        {params.get("added") || params.get("removed") ? (
          <div className="nhsuk-inset-text" role="status">
            <p>
              {params.get("added")
                ? "Your passkey has been added."
                : "The passkey has been removed."}
            </p>
          </div>
        ) : null}
        <h1 className="nhsuk-heading-l">Your passkeys</h1>
        {errors?.form ? (
          <p className="nhsuk-error-message" id="form">
            <span className="nhsuk-u-visually-hidden">Error: </span>
            {errors.form}
          </p>
        ) : null}
        {passkeys.length === 0 ? (
          <p className="nhsuk-body">You have no passkeys yet.</p>
        ) : (
          passkeys.map((p) => (
            <section key={p.id} className="nhsuk-card">
              <div className="nhsuk-card__content">
                <h2 className="nhsuk-card__heading nhsuk-heading-s">{p.name}</h2>
                <p className="nhsuk-body-s">
                  Added {p.added}. {p.lastUsed ? `Last used ${p.lastUsed}.` : "Not used yet."}
                </p>
                <Form method="post" noValidate>
                  <input type="hidden" name="intent" value="rename" />
                  <input type="hidden" name="id" value={p.id} />
                  <TextField
                    name="name"
                    id={`name-${p.id}`}
                    label={`New name for ${p.name}`}
                    width={20}
                    defaultValue={p.name}
                  />
                  <SubmitButton secondary>Rename</SubmitButton>
                </Form>
                <Form method="post">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="id" value={p.id} />
                  <SubmitButton warning>
                    Remove<span className="nhsuk-u-visually-hidden"> {p.name}</span>
                  </SubmitButton>
                </Form>
              </div>
            </section>
          ))
        )}
        <h2 className="nhsuk-heading-m">Add a passkey</h2>
        <PasskeyRegister first={passkeys.length === 0} />
        <p className="nhsuk-body">
          <Link to="/account/two-factor">Back to your second factor</Link>
        </p>
      </div>
    </div>
  );
}
