import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { adminSystemIds, championedOrganisationIds, overseenPlaceIds } from "~/access/policy";
import { listOrganisations, organisationTypeLabels } from "~/models/organisations.server";
import { requireUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";

export const meta: MetaFunction = () => [{ title: "Organisations – Anchor Charter" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireUser(request);
  const overseen = auth.grants.filter(
    (g) => g.role === "steering_member" || g.role === "place_lead",
  );
  const organisations = await listOrganisations(getDb(), {
    systemIds: adminSystemIds(auth.principal),
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
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption">Organisations you can see</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                Organisation
              </th>
              <th scope="col" className="nhsuk-table__header">
                Type
              </th>
              <th scope="col" className="nhsuk-table__header">
                Place
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {organisations.map((o) => (
              <tr className="nhsuk-table__row" key={o.id}>
                <td className="nhsuk-table__cell">
                  <Link to={`/organisations/${o.id}`}>{o.name}</Link>
                </td>
                <td className="nhsuk-table__cell">{o.type}</td>
                <td className="nhsuk-table__cell">{o.place}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
