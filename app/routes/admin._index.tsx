import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { adminSystemIds, ledPlaceIds } from "~/access/policy";
import { requirePeopleManager } from "~/auth/guards.server";

export const meta: MetaFunction = () => [{ title: "Administration – Anchor Charter" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePeopleManager(request);
  return {
    admin: adminSystemIds(auth.principal).length > 0,
    ledPlaces: ledPlaceIds(auth.principal),
  };
}

export default function AdminHome() {
  const { admin, ledPlaces } = useLoaderData<typeof loader>();
  const links = [
    { to: "/admin/organisations", text: "Organisations", show: true },
    { to: "/admin/people", text: "People and invitations", show: true },
    { to: "/admin/places", text: "Places", show: admin },
    { to: "/admin/periods", text: "Reporting periods", show: admin },
    { to: "/admin/measures", text: "Outcome measures", show: admin },
    { to: "/admin/outbox", text: "Email outbox", show: admin },
    { to: "/admin/audit", text: "Audit log", show: admin },
    ...ledPlaces.map((id) => ({ to: `/places/${id}`, text: "Your place summary", show: true })),
  ];
  return (
    <>
      <h1 className="nhsuk-heading-l">Administration</h1>
      <ul className="nhsuk-list">
        {links
          .filter((l) => l.show)
          .map((l) => (
            <li key={l.to}>
              <Link to={l.to}>{l.text}</Link>
            </li>
          ))}
      </ul>
    </>
  );
}
