import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { adminSystemIds, ledPlaceIds } from "~/access/policy";
import { listPeople } from "~/models/users.server";
import { requirePeopleManager } from "~/auth/guards.server";
import { getDb } from "~/models/db.server";

export const meta: MetaFunction = () => [{ title: "People – Anchor Charter" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePeopleManager(request);
  return {
    people: await listPeople(getDb(), {
      systemIds: adminSystemIds(auth.principal),
      placeIds: ledPlaceIds(auth.principal),
    }),
  };
}

function state(p: { deactivated_at: string | null; hasPassword: boolean }) {
  if (p.deactivated_at) return "Deactivated";
  return p.hasPassword ? "Active" : "Invited";
}

export default function People() {
  const { people } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="nhsuk-heading-l">People</h1>
      <p className="nhsuk-body">
        <Link to="/admin/people/invite">Invite someone</Link>
      </p>
      {people.length === 0 ? (
        <p className="nhsuk-body">Nobody has been invited yet.</p>
      ) : (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
            People you manage
          </caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                Name
              </th>
              <th scope="col" className="nhsuk-table__header">
                Email
              </th>
              <th scope="col" className="nhsuk-table__header">
                Roles
              </th>
              <th scope="col" className="nhsuk-table__header">
                Status
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {people.map((p) => (
              <tr className="nhsuk-table__row" key={p.id}>
                <td className="nhsuk-table__cell">
                  <Link to={`/admin/people/${p.id}`}>{p.name}</Link>
                </td>
                <td className="nhsuk-table__cell">{p.email}</td>
                <td className="nhsuk-table__cell">{p.roles}</td>
                <td className="nhsuk-table__cell">{state(p)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
