import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { levelForAssessment } from "~/charter/summary";
import { LevelTag } from "~/components/charter/LevelTag";
import { periodAssessments } from "~/models/assessments.server";
import { listOrganisations } from "~/models/organisations.server";
import { listPeriods } from "~/models/periods.server";
import { requirePlaceReader } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { ScrollableTable } from "~/components/tables/ScrollableTable";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.place.name ?? "Place"} – Anchor Charter` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { place } = await requirePlaceReader(request, params.placeId);
  const db = getDb();
  const organisations = await listOrganisations(db, {
    placeIds: [place.id],
    systemWideIn: [place.systemId],
  });
  const [latest] = await listPeriods(db, { systemId: place.systemId });
  const assessments = latest
    ? await periodAssessments(db, {
        periodId: latest.id,
        organisationIds: organisations.map((o) => o.id),
      })
    : new Map();
  return {
    place: { name: place.name },
    period: latest ? { label: latest.label } : null,
    rows: organisations.map((o) => {
      const a = assessments.get(o.id);
      const result = a ? levelForAssessment(a.charterVersion, a.fulfilledComponentIds) : null;
      return {
        id: o.id,
        name: o.name,
        systemWide: o.placeId === null,
        status: a?.status ?? null,
        level: result?.level ?? null,
        levelName: result?.levelName ?? null,
        byDomain: result?.byDomain.map((d) => `${d.fulfilled}/${d.total}`) ?? [],
      };
    }),
  };
}

export default function PlaceSummary() {
  const { place, period, rows } = useLoaderData<typeof loader>();
  const domainCount = Math.max(0, ...rows.map((r) => r.byDomain.length));
  return (
    <>
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">Place summary</span>
        {place.name}
      </h1>
      {!period ? (
        <p className="nhsuk-body">No reporting period has been opened yet.</p>
      ) : rows.length === 0 ? (
        <p className="nhsuk-body">No organisations belong to this place yet.</p>
      ) : (
        <ScrollableTable label="Self-assessed levels (scrolls sideways)">
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption">Self-assessed levels, {period.label}</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">
                  Organisation
                </th>
                <th scope="col" className="nhsuk-table__header">
                  Level
                </th>
                {Array.from({ length: domainCount }, (_, i) => (
                  <th scope="col" className="nhsuk-table__header" key={i}>
                    Domain {i + 1}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {rows.map((row) => (
                <tr className="nhsuk-table__row" key={row.id}>
                  <th scope="row" className="nhsuk-table__header">
                    <Link to={`/organisations/${row.id}`}>{row.name}</Link>
                    {row.systemWide ? " (system-wide)" : ""}
                  </th>
                  <td className="nhsuk-table__cell">
                    {row.status ? (
                      <LevelTag level={row.level} name={row.levelName} />
                    ) : (
                      "Not started"
                    )}
                  </td>
                  {Array.from({ length: domainCount }, (_, i) => (
                    <td className="nhsuk-table__cell" key={i}>
                      {row.byDomain[i] ?? "—"}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
    </>
  );
}
