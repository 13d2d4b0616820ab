import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { adminSystemIds, ledPlaceIds } from "~/access/policy";
import { listOrganisations, organisationTypeLabels } from "~/models/organisations.server";
import { requirePeopleManager } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";

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
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
            Organisations you manage
          </caption>
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
                  <Link to={`/admin/organisations/${o.id}`}>
                    {o.name}
                    <span className="nhsuk-u-visually-hidden"> (edit)</span>
                  </Link>
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
