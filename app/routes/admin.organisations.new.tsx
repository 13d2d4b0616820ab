import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { OrganisationForm } from "~/components/admin/OrganisationForm";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { requirePeopleManager } from "~/auth/guards.server";
import { placeChoices, saveOrganisation } from "~/admin/organisations.server";
import { clientIp } from "~/http/request.server";
import { readForm } from "~/http/form-body.server";

export const meta: MetaFunction = () => [{ title: "Add an organisation – Anchor Charter" }];

export async function loader({ request }: LoaderFunctionArgs) {
  return placeChoices(await requirePeopleManager(request));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = await requirePeopleManager(request);
  const saved = await saveOrganisation({
    auth,
    formData: await readForm(request),
    existing: null,
    ip: clientIp(context),
  });
  if ("response" in saved) return saved.response;
  return redirect("/admin/organisations");
}

export default function NewOrganisation() {
  const choices = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <ErrorSummary errors={result?.errors} />
      <h1 className="nhsuk-heading-l">Add an organisation</h1>
      <OrganisationForm
        {...choices}
        values={result?.values}
        errors={result?.errors}
        submitLabel="Add organisation"
      />
    </>
  );
}
