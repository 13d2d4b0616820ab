import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { adminSystemIds, ledPlaceIds } from "~/access/policy";
import { requirePeopleManager } from "~/auth/guards.server";
import { SystemHomePanel } from "~/components/home/SystemHomePanel";
import { DemoBannerSlot, homeFirstHandle } from "~/components/layout/DemoBannerSlot";
import { systemHome } from "~/home/system.server";
import { getDb } from "~/models/db.server";

export const handle = homeFirstHandle;

export const meta: MetaFunction = () => [{ title: "Administration – Anchor Charter" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePeopleManager(request);
  const systemId = adminSystemIds(auth.principal)[0];
  return {
    admin: systemId !== undefined,
    ledPlaces: ledPlaceIds(auth.principal),
    // An administrator's first page: the system's latest final month and current one (issue 20).
    home: systemId !== undefined ? await systemHome(getDb(), systemId) : null,
  };
}

export default function AdminHome() {
  const { admin, ledPlaces, home } = useLoaderData<typeof loader>();
  const links = [
    { to: "/admin/organisations", text: "Organisations", show: true },
    { to: "/admin/people", text: "People and invitations", show: true },
    { to: "/admin/places", text: "Places", show: admin },
    { to: "/admin/periods", text: "Reporting periods", show: admin },
    { to: "/admin/measures", text: "Outcome measures", show: admin },
    { to: "/admin/outbox", text: "Email outbox", show: admin },
    { to: "/admin/audit", text: "Audit log", show: admin },
    { to: "/admin/sign-in-providers", text: "Sign in with an organisation's account", show: admin },
    ...ledPlaces.map((id) => ({ to: `/places/${id}`, text: "Your place summary", show: true })),
  ];
  return (
    <>
      <h1 className="nhsuk-heading-l">Administration</h1>
      {home ? <SystemHomePanel home={home} showRollupLink /> : null}
      <DemoBannerSlot />
      {home ? <h2 className="nhsuk-heading-m">Manage</h2> : null}
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
