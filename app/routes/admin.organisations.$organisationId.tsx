import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { canManageOrganisation } from "~/access/policy";
import { OrganisationForm } from "~/components/admin/OrganisationForm";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { getOrganisation } from "~/models/organisations.server";
import { notFound, requirePeopleManager, routeId } from "~/auth/guards.server";
import { getDb } from "~/models/db.server";
import { placeChoices, saveOrganisation } from "~/admin/organisations.server";
import { clientIp } from "~/http/request.server";
import { readForm } from "~/http/form-body.server";

export const meta: MetaFunction = () => [{ title: "Edit organisation – Anchor Charter" }];

async function requireManaged(request: Request, id: string | undefined) {
  const auth = await requirePeopleManager(request);
  const organisation = await getOrganisation(getDb(), { id: routeId(id) });
  if (!organisation || !canManageOrganisation(auth.principal, organisation)) notFound();
  return { auth, organisation };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { auth, organisation } = await requireManaged(request, params.organisationId);
  return {
    ...(await placeChoices(auth)),
    values: {
      name: organisation.name,
      type: organisation.type,
      placeId: organisation.placeId ? String(organisation.placeId) : "",
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { auth, organisation } = await requireManaged(request, params.organisationId);
  const saved = await saveOrganisation({
    auth,
    formData: await readForm(request),
    existing: organisation,
    ip: clientIp(context),
  });
  if ("response" in saved) return saved.response;
  return redirect("/admin/organisations");
}

export default function EditOrganisation() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <ErrorSummary errors={result?.errors} />
      <h1 className="nhsuk-heading-l">Edit {loaded.values.name}</h1>
      <OrganisationForm
        places={loaded.places}
        allowSystemWide={loaded.allowSystemWide}
        values={result?.values ?? loaded.values}
        errors={result?.errors}
        submitLabel="Save changes"
      />
    </>
  );
}
