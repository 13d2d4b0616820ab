import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { championedOrganisationIds, overseenPlaceIds, rollupSystemIds } from "~/access/policy";
import { listOrganisations, organisationTypeLabels } from "~/models/organisations.server";
import { requireUser } from "~/auth/guards.server";
import { getDb } from "~/models/db.server";
import { OrganisationTable } from "~/components/tables/OrganisationTable";

export const meta: MetaFunction = () => [{ title: "Organisations – Anchor Charter" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireUser(request);
  const overseen = auth.grants.filter(
    (g) => g.role === "steering_member" || g.role === "place_lead",
  );
  const organisations = await listOrganisations(getDb(), {
    systemIds: rollupSystemIds(auth.principal),
    placeIds: overseenPlaceIds(auth.principal),
    systemWideIn: overseen.map((g) => g.systemId),
    organisationIds: championedOrganisationIds(auth.principal),
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

export default function Organisations() {
  const { organisations } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="nhsuk-heading-l">Organisations</h1>
      {organisations.length === 0 ? (
        <p className="nhsuk-body">
          You do not have access to any organisation yet. Ask your place lead or administrator.
        </p>
      ) : (
        <OrganisationTable
          organisations={organisations}
          caption="Organisations you can see"
          hrefFor={(id) => `/organisations/${id}`}
        />
      )}
    </>
  );
}
