import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { SignInProviderFields } from "~/components/admin/SignInProviderFields";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { providerInput } from "~/admin/sign-in-providers.server";
import { requireAdmin } from "~/auth/guards.server";
import { secretsKey } from "~/auth/oidc/secrets.server";
import { signInProviderSchema } from "~/forms/sign-in-providers";
import { parseForm } from "~/forms/parse";
import { formErrors } from "~/http/form-errors.server";
import { readForm } from "~/http/form-body.server";
import { clientIp } from "~/http/request.server";
import { recordAudit } from "~/models/audit.server";
import { getDb } from "~/models/db.server";
import { createProvider, listProviders, providerLists } from "~/models/oidc-providers.server";
import { CALLBACK_PATH } from "~/auth/oidc/flow.server";
import { appConfig } from "~/utils/env.server";

export const meta: MetaFunction = () => [
  { title: "Sign in with an organisation's account – Anchor Charter" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { systemId } = await requireAdmin(request);
  const providers = await listProviders(getDb(), { systemIds: [systemId] });
  return {
    providers: providers.map((p) => ({
      id: p.id,
      name: p.name,
      issuer: p.issuer,
      ...providerLists(p),
    })),
    redirectUri: `${appConfig().linkOrigin}${CALLBACK_PATH}`,
    keySet: secretsKey() !== null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { auth, systemId } = await requireAdmin(request);
  const form = parseForm(signInProviderSchema, await readForm(request));
  if (!form.success) return formErrors(form.errors, form.values);
  const checked = await providerInput(form.data, null);
  if (!checked.ok) return formErrors(checked.errors, form.values);
  const db = getDb();
  const now = new Date();
  const provider = await createProvider(db, { ...checked.input, systemId, now });
  await recordAudit(db, {
    actorUserId: auth.user.id,
    action: "oidc_provider.created",
    detail: { name: provider.name, issuer: provider.issuer, systemId },
    ip: clientIp(context),
    now,
  });
  return redirect("/admin/sign-in-providers");
}

export default function SignInProviders() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={result?.errors} />
        <h1 className="nhsuk-heading-l">Sign in with an organisation's account</h1>
        <p className="nhsuk-body">
          People you have invited can sign in with their organisation's own account (for example
          NHSmail) instead of a password here. Signing in never creates an account: they are
          matched, by e-mail address, to the account you invited. Those without such an account keep
          their password and passkey.
        </p>
        <p className="nhsuk-body">
          Register this address with the provider as the redirect URI:{" "}
          <code>{page.redirectUri}</code>
        </p>
        {page.providers.length ? (
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption">Set up</caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Issuer</th>
                <th scope="col">Allowed</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {page.providers.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/admin/sign-in-providers/${p.id}`}>{p.name}</Link>
                  </td>
                  <td className="app-break-anywhere">{p.issuer}</td>
                  <td>{[...p.allowedTenants, ...p.allowedDomains].join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="nhsuk-body">None set up yet.</p>
        )}
        <h2 className="nhsuk-heading-m">Add one</h2>
        {page.keySet ? null : (
          <div className="nhsuk-warning-callout">
            <h3 className="nhsuk-warning-callout__label">
              <span role="text">
                <span className="nhsuk-u-visually-hidden">Important: </span>SECRETS_KEY is not set
              </span>
            </h3>
            <p>
              The server needs SECRETS_KEY to keep client secrets encrypted. Ask whoever runs it.
            </p>
          </div>
        )}
        <Form method="post" noValidate>
          <SignInProviderFields
            values={result?.values ?? {}}
            errors={result?.errors}
            editing={false}
          />
          <SubmitButton>Add</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
