import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import {
  championedOrganisationIds,
  exportReach,
  overseenPlaceIds,
  rollupSystemIds,
} from "~/access/policy";
import { datasetIds, datasets } from "~/exports/datasets";
import { listOrganisations } from "~/models/organisations.server";
import { listPeriods } from "~/models/periods.server";
import { getSystem, listPlaces } from "~/models/places.server";
import { requireUser } from "~/auth/guards.server";
import { getDb } from "~/models/db.server";

export const meta: MetaFunction = () => [{ title: "Data exports – Anchor Charter" }];

type Scope = { path: string; name: string; kind: string; submittedOnly: boolean };

/** Every scope the person may export (ADR 030): their systems, places and organisations. */
export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireUser(request);
  const p = auth.principal;
  const db = getDb();
  const systemIds = rollupSystemIds(p);
  const [systems, places, organisations] = await Promise.all([
    Promise.all(systemIds.map((id) => getSystem(db, { id }))),
    listPlaces(db, { systemIds, placeIds: overseenPlaceIds(p) }),
    listOrganisations(db, { organisationIds: championedOrganisationIds(p) }),
  ]);
  const scopes: Scope[] = [
    ...systems.flatMap((s) =>
      s
        ? [
            {
              path: `systems/${s.id}`,
              name: s.name,
              kind: "Whole system",
              submittedOnly: exportReach(p, { kind: "system", systemId: s.id }) === "submitted",
            },
          ]
        : [],
    ),
    ...places.map((pl) => ({
      path: `places/${pl.id}`,
      name: pl.name,
      kind: "Place, with the system-wide organisations",
      submittedOnly: exportReach(p, { kind: "place", place: pl }) === "submitted",
    })),
    ...organisations.map((o) => ({
      path: `organisations/${o.id}`,
      name: o.name,
      kind: "Organisation",
      submittedOnly: exportReach(p, { kind: "organisation", organisation: o }) === "submitted",
    })),
  ];
  const periodSystems = [
    ...new Set([
      ...systemIds,
      ...places.map((pl) => pl.systemId),
      ...organisations.map((o) => o.systemId),
    ]),
  ];
  const periods = (
    await Promise.all(periodSystems.map((systemId) => listPeriods(db, { systemId })))
  ).flat();
  const requested = new URL(request.url).searchParams.get("period");
  const chosen = periods.find((pe) => String(pe.id) === requested) ?? null;
  return {
    scopes,
    periods: periods.map((pe) => ({ id: pe.id, label: pe.label })),
    chosen: chosen ? { id: chosen.id, label: chosen.label } : null,
    unknownPeriod: requested !== null && requested !== "" && requested !== "all" && !chosen,
  };
}

const datasetList = datasetIds.map((id) => datasets[id]);

export default function Exports() {
  const { scopes, periods, chosen, unknownPeriod } = useLoaderData<typeof loader>();
  const query = chosen ? `?period=${chosen.id}` : "";
  return (
    <>
      <h1 className="nhsuk-heading-l">Data exports</h1>
      <p className="nhsuk-body">
        Statuses, levels (self-assessed and verified), measures and outcome figures for analysts, as
        CSV (UTF-8, opens in Excel) or Excel workbooks. Column names stay the same from one download
        to the next; dates are ISO 8601 (2026-11-25, or 2026-11-25T10:42:00.000Z for a moment in
        UTC).
      </p>
      <ul className="nhsuk-list nhsuk-list--bullet">
        {datasetList.map((d) => (
          <li key={d.id}>
            <strong>{d.title}</strong>: {d.description}
          </li>
        ))}
      </ul>
      {scopes.length === 0 ? (
        <p className="nhsuk-body">
          You have nothing to export: exports cover the organisations, places and systems your roles
          let you read.
        </p>
      ) : (
        <>
          <Form method="get" className="nhsuk-u-margin-bottom-5">
            <div className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor="period">
                Period
              </label>
              {unknownPeriod ? (
                <span className="nhsuk-error-message" id="period-error">
                  <span className="nhsuk-u-visually-hidden">Error:</span> There is no such period:
                  showing every period.
                </span>
              ) : null}
              <select
                className="nhsuk-select"
                id="period"
                name="period"
                defaultValue={chosen ? String(chosen.id) : "all"}
                aria-describedby={unknownPeriod ? "period-error" : undefined}
              >
                <option value="all">Every period</option>
                {periods.map((pe) => (
                  <option key={pe.id} value={pe.id}>
                    {pe.label}
                  </option>
                ))}
              </select>
            </div>
            <button className="nhsuk-button nhsuk-button--secondary" type="submit">
              Show downloads for this period
            </button>
          </Form>
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption">
              What you can download, {chosen ? chosen.label : "every period"}
            </caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">
                  Scope
                </th>
                {datasetList.map((d) => (
                  <th scope="col" className="nhsuk-table__header" key={d.id}>
                    {d.title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {scopes.map((s) => (
                <tr className="nhsuk-table__row" key={s.path}>
                  <th scope="row" className="nhsuk-table__header">
                    {s.name}
                    <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-font-weight-normal">
                      {s.kind}
                      {s.submittedOnly ? "; submitted months only" : ""}
                    </span>
                  </th>
                  {datasetList.map((d) => (
                    <td className="nhsuk-table__cell" key={d.id}>
                      {(["csv", "xlsx"] as const).map((format, i) => (
                        <span key={format}>
                          {i > 0 ? " · " : ""}
                          <a href={`/exports/${s.path}/${d.id}.${format}${query}`} download>
                            {format.toUpperCase()}
                            <span className="nhsuk-u-visually-hidden">
                              {" "}
                              of {d.title.toLowerCase()} for {s.name}
                            </span>
                          </a>
                        </span>
                      ))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
