import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { SignInProviderFields } from "~/components/admin/SignInProviderFields";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { providerInput } from "~/admin/sign-in-providers.server";
import { notFound, requireAdmin, routeId } from "~/auth/guards.server";
import { signInProviderSchema } from "~/forms/sign-in-providers";
import { parseForm } from "~/forms/parse";
import { formErrors } from "~/http/form-errors.server";
import { readForm } from "~/http/form-body.server";
import { clientIp } from "~/http/request.server";
import { recordAudit } from "~/models/audit.server";
import { getDb } from "~/models/db.server";
import {
  getProvider,
  providerLists,
  removeProvider,
  updateProvider,
} from "~/models/oidc-providers.server";

export const meta: MetaFunction = () => [{ title: "Organisation sign-in – Anchor Charter" }];

/** One of the administrator's own system's providers; another system's is as absent as none. */
async function requireProvider(request: Request, providerId: string | undefined) {
  const admin = await requireAdmin(request);
  const provider = await getProvider(getDb(), { id: routeId(providerId) });
  if (!provider || provider.system_id !== admin.systemId) notFound();
  return { ...admin, provider };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { provider } = await requireProvider(request, params.providerId);
  const lists = providerLists(provider);
  return {
    name: provider.name,
    values: {
      name: provider.name,
      issuer: provider.issuer,
      clientId: provider.client_id,
      allowedTenants: lists.allowedTenants.join("\n"),
      allowedDomains: lists.allowedDomains.join("\n"),
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { auth, provider } = await requireProvider(request, params.providerId);
  const formData = await readForm(request);
  const db = getDb();
  const now = new Date();
  const audit = (action: "oidc_provider.updated" | "oidc_provider.removed", name: string) =>
    recordAudit(db, {
      actorUserId: auth.user.id,
      action,
      detail: { name, provider: provider.id },
      ip: clientIp(context),
      now,
    });
  if (formData.get("intent") === "remove") {
    await removeProvider(db, { id: provider.id });
    await audit("oidc_provider.removed", provider.name);
    return redirect("/admin/sign-in-providers");
  }
  const form = parseForm(signInProviderSchema, formData);
  if (!form.success) return formErrors(form.errors, form.values);
  const checked = await providerInput(form.data, provider);
  if (!checked.ok) return formErrors(checked.errors, form.values);
  await updateProvider(db, { ...checked.input, id: provider.id, now });
  await audit("oidc_provider.updated", checked.input.name);
  return redirect("/admin/sign-in-providers");
}

export default function SignInProvider() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={result?.errors} />
        <h1 className="nhsuk-heading-l">{page.name}</h1>
        <Form method="post" noValidate>
          <SignInProviderFields
            values={result?.values ?? page.values}
            errors={result?.errors}
            editing
          />
          <SubmitButton>Save</SubmitButton>
        </Form>
        <h2 className="nhsuk-heading-m">Remove</h2>
        <p className="nhsuk-body">
          People will no longer be able to sign in with {page.name}; their passwords and passkeys
          still work.
        </p>
        <Form method="post">
          <input type="hidden" name="intent" value="remove" />
          <SubmitButton warning>Remove {page.name}</SubmitButton>
        </Form>
        <p className="nhsuk-body">
          <Link to="/admin/sign-in-providers">Back to organisation sign-in</Link>
        </p>
      </div>
    </div>
  );
}
