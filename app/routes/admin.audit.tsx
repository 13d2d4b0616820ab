import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AuditFilters } from "~/components/admin/AuditFilters";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { Pagination } from "~/components/layout/Pagination";
import { ScrollableTable } from "~/components/tables/ScrollableTable";
import { loadAuditLog } from "./admin.audit.server";

export const meta: MetaFunction = () => [{ title: "Audit log – Anchor Charter" }];

export async function loader({ request }: LoaderFunctionArgs) {
  return loadAuditLog(request);
}

export default function AuditLog() {
  const page = useLoaderData<typeof loader>();
  const { events } = page;
  const filtered = "filtered" in page && page.filtered;
  return (
    <>
      <ErrorSummary errors={page.errors} />
      <h1 className="nhsuk-heading-l">Audit log</h1>
      <p className="nhsuk-body">
        Who did what, newest first, in UK time. Each page shows up to {page.pageSize} events.
      </p>
      <AuditFilters organisations={page.organisations} values={page.values} errors={page.errors} />
      {events === null ? (
        <p className="nhsuk-body">Correct the filters to see the events.</p>
      ) : events.length === 0 ? (
        filtered ? (
          <p className="nhsuk-body">
            No events match these filters. <Link to="/admin/audit">Clear the filters</Link> to see
            everything.
          </p>
        ) : (
          <p className="nhsuk-body">Nothing has been recorded yet.</p>
        )
      ) : (
        <>
          <ScrollableTable label="Audit events (scrolls sideways)">
            <table className="nhsuk-table">
              <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
                Audit events, newest first
              </caption>
              <thead className="nhsuk-table__head">
                <tr className="nhsuk-table__row">
                  <th scope="col" className="nhsuk-table__header">
                    When
                  </th>
                  <th scope="col" className="nhsuk-table__header">
                    What happened
                  </th>
                  <th scope="col" className="nhsuk-table__header">
                    From address
                  </th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {events.map((e) => (
                  <tr className="nhsuk-table__row" key={e.id}>
                    <td className="nhsuk-table__cell app-nowrap">{e.at}</td>
                    <td className="nhsuk-table__cell app-wrap-anywhere">{e.sentence}</td>
                    <td className="nhsuk-table__cell">{e.ip}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollableTable>
          <Pagination previous={page.previous} next={page.next} />
        </>
      )}
    </>
  );
}
