import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { overseenPlaceIds, rollupSystemIds } from "~/access/policy";
import { listPlaces } from "~/models/places.server";
import { requireUser } from "~/auth/guards.server";
import { getDb } from "~/models/db.server";

export const meta: MetaFunction = () => [{ title: "Places – Anchor Charter" }];

/** Every place the person reads: all of their system's for administrators and system readers. */
export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireUser(request);
  const places = await listPlaces(getDb(), {
    systemIds: rollupSystemIds(auth.principal),
    placeIds: overseenPlaceIds(auth.principal),
  });
  return {
    places: places.map((p) => ({
      id: p.id,
      name: p.name,
      organisationCount: Number(p.organisationCount),
    })),
  };
}

export default function Places() {
  const { places } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="nhsuk-heading-l">Places</h1>
      {places.length === 0 ? (
        <p className="nhsuk-body">
          You do not read any place&apos;s summary. Steering group members, place leads, system
          readers and administrators do.
        </p>
      ) : (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption">Places you can read</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                Place
              </th>
              <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">
                Organisations
              </th>
              <th scope="col" className="nhsuk-table__header">
                Also
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {places.map((p) => (
              <tr className="nhsuk-table__row" key={p.id}>
                <td className="nhsuk-table__cell">
                  <Link to={`/places/${p.id}`}>{p.name} summary</Link>
                </td>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">
                  {p.organisationCount}
                </td>
                <td className="nhsuk-table__cell">
                  <Link to={`/places/${p.id}/comparison`}>
                    Compare<span className="nhsuk-u-visually-hidden"> {p.name}</span>
                  </Link>
                  {" · "}
                  <Link to={`/places/${p.id}/good-practice`}>
                    Good practice<span className="nhsuk-u-visually-hidden"> in {p.name}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
