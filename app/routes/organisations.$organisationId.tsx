import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { levelForAssessment } from "~/charter/summary";
import { canEditAssessment } from "~/access/policy";
import { LevelTag } from "~/components/charter/LevelTag";
import { organisationHistory } from "~/models/assessments.server";
import { organisationTypeLabels } from "~/models/organisations.server";
import { requireOrganisationReader } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.organisation.name ?? "Organisation"} – Anchor Charter` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { auth, organisation } = await requireOrganisationReader(request, params.organisationId);
  const history = await organisationHistory(getDb(), {
    organisationId: organisation.id,
    systemId: organisation.systemId,
  });
  return {
    organisation: {
      id: organisation.id,
      name: organisation.name,
      type: organisationTypeLabels[organisation.type],
      place: organisation.placeName ?? "System-wide (spans places)",
    },
    isChampion: canEditAssessment(auth.principal, organisation),
    periods: history.map((h) => {
      const result = levelForAssessment(h.charterVersion, h.fulfilledComponentIds);
      return {
        id: h.periodId,
        label: h.periodLabel,
        open: h.periodStatus === "open",
        status: h.status,
        level: result?.level ?? null,
        levelName: result?.levelName ?? null,
        fulfilled: h.fulfilledComponentIds.length,
      };
    }),
  };
}

const statusText = { draft: "In progress", submitted: "Submitted" } as const;

export default function OrganisationPage() {
  const { organisation, isChampion, periods } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">{organisation.place}</span>
        {organisation.name}
      </h1>
      <p className="nhsuk-body">
        {organisation.type}.{" "}
        {isChampion
          ? "You are a champion of this organisation: you complete its self-assessment."
          : "You can read this organisation's self-assessments."}
      </p>
      <h2 className="nhsuk-heading-m">Self-assessments by month</h2>
      {periods.length === 0 ? (
        <p className="nhsuk-body">No reporting periods have been opened yet.</p>
      ) : (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
            Self-assessment status and level for each month
          </caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                Month
              </th>
              <th scope="col" className="nhsuk-table__header">
                Status
              </th>
              <th scope="col" className="nhsuk-table__header">
                Components fulfilled
              </th>
              <th scope="col" className="nhsuk-table__header">
                Level (self-assessed)
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {periods.map((p) => (
              <tr className="nhsuk-table__row" key={p.id}>
                <th scope="row" className="nhsuk-table__header">
                  <Link to={`/organisations/${organisation.id}/periods/${p.id}`}>{p.label}</Link>
                  {p.open ? " (open)" : ""}
                </th>
                <td className="nhsuk-table__cell">
                  {p.status ? statusText[p.status] : "Not started"}
                </td>
                <td className="nhsuk-table__cell">{p.status ? p.fulfilled : "—"}</td>
                <td className="nhsuk-table__cell">
                  {p.status ? <LevelTag level={p.level} name={p.levelName} /> : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
