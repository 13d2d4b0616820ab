import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { adminSystemIds, ledPlaceIds } from "~/access/policy";
import { listOrganisations, organisationTypeLabels } from "~/models/organisations.server";
import { requirePeopleManager } from "~/auth/guards.server";
import { getDb } from "~/models/db.server";
import { OrganisationTable } from "~/components/tables/OrganisationTable";

export const meta: MetaFunction = () => [{ title: "Manage organisations – Anchor Charter" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePeopleManager(request);
  const organisations = await listOrganisations(getDb(), {
    systemIds: adminSystemIds(auth.principal),
    placeIds: ledPlaceIds(auth.principal),
  });
  return {
    organisations: organisations.map((o) => ({
      id: o.id,
      name: o.name,
      type: organisationTypeLabels[o.type],
      place: o.placeName ?? "System-wide",
    })),
  };
}

export default function ManageOrganisations() {
  const { organisations } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="nhsuk-heading-l">Manage organisations</h1>
      <p className="nhsuk-body">
        <Link to="/admin/organisations/new">Add an organisation</Link>
      </p>
      {organisations.length === 0 ? (
        <p className="nhsuk-body">There are no organisations yet.</p>
      ) : (
        <OrganisationTable
          organisations={organisations}
          caption="Organisations you manage"
          captionHidden
          hrefFor={(id) => `/admin/organisations/${id}`}
          linkSuffix=" (edit)"
        />
      )}
    </>
  );
}
