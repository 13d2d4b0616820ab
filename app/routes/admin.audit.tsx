import { adminSystemIds } from "~/access/policy";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listAuditEvents } from "~/models/audit.server";
import { requireAdmin } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { ScrollableTable } from "~/components/tables/ScrollableTable";

export const meta: MetaFunction = () => [{ title: "Audit log – Anchor Charter" }];

const PAGE = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  const { auth } = await requireAdmin(request);
  const before = Number(new URL(request.url).searchParams.get("before")) || undefined;
  const events = await listAuditEvents(getDb(), {
    systemIds: adminSystemIds(auth.principal),
    limit: PAGE,
    beforeId: before,
  });
  return {
    events: events.map((e) => ({
      id: e.id,
      at: e.at,
      actor: e.actor_name ? `${e.actor_name} (${e.actor_email})` : "Nobody signed in",
      action: e.action,
      target: e.target_type ? `${e.target_type} ${e.target_id ?? ""}` : "",
      detail: e.detailParsed ? JSON.stringify(e.detailParsed) : "",
      ip: e.ip ?? "",
    })),
    olderFrom: events.length === PAGE ? events[events.length - 1]?.id : undefined,
  };
}

export default function AuditLog() {
  const { events, olderFrom } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="nhsuk-heading-l">Audit log</h1>
      {events.length === 0 ? (
        <p className="nhsuk-body">Nothing has been recorded yet.</p>
      ) : (
        <ScrollableTable label="Audit events (scrolls sideways)">
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
              Audit events, newest first
            </caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">
                  When (UTC)
                </th>
                <th scope="col" className="nhsuk-table__header">
                  Who
                </th>
                <th scope="col" className="nhsuk-table__header">
                  What
                </th>
                <th scope="col" className="nhsuk-table__header">
                  Of what
                </th>
                <th scope="col" className="nhsuk-table__header">
                  Detail
                </th>
                <th scope="col" className="nhsuk-table__header">
                  Address
                </th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {events.map((e) => (
                <tr className="nhsuk-table__row" key={e.id}>
                  <td className="nhsuk-table__cell">{e.at}</td>
                  <td className="nhsuk-table__cell">{e.actor}</td>
                  <td className="nhsuk-table__cell">{e.action}</td>
                  <td className="nhsuk-table__cell">{e.target}</td>
                  <td className="nhsuk-table__cell app-wrap-anywhere">{e.detail}</td>
                  <td className="nhsuk-table__cell">{e.ip}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
      {olderFrom ? (
        <p className="nhsuk-body">
          <Link to={`/admin/audit?before=${olderFrom}`}>Older events</Link>
        </p>
      ) : null}
    </>
  );
}
