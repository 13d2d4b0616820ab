import { getDb } from "~/models/db.server";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ComparisonFilters } from "~/components/readers/ComparisonFilters";
import { DownloadLink } from "~/components/readers/DownloadLink";
import { PeriodChooser } from "~/components/readers/PeriodChooser";
import { ProvisionalNotice } from "~/components/readers/ProvisionalNotice";
import { StatusCell, StatusKey } from "~/components/readers/StatusCell";
import { ScrollableTable } from "~/components/tables/ScrollableTable";
import { requirePlaceReader } from "~/auth/guards.server";
import { placeComparison } from "~/readers/place-comparison.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Compare organisations, ${data?.place.name ?? "place"} – Anchor Charter` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { place } = await requirePlaceReader(request, params.placeId);
  return placeComparison(getDb(), place, new URL(request.url).searchParams);
}

export default function ComparisonPage() {
  const c = useLoaderData<typeof loader>();
  const query = new URLSearchParams();
  if (c.period) query.set("period", String(c.period.id));
  for (const [key, value] of Object.entries(c.filters))
    if (value !== null) query.set(key, String(value));
  return (
    <>
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">{c.place.name}</span>
        Compare organisations
      </h1>
      <p className="nhsuk-body">
        Where each organisation stands on each component, to learn from each other. Choose two to
        four organisations to compare them side by side.
      </p>
      <PeriodChooser
        groups={c.periods}
        chosenId={c.period?.id ?? null}
        // The default sort is left out of the address, as the filters' own form leaves it.
        keep={{ ...c.filters, sort: c.filters.sort === "name" ? null : c.filters.sort }}
      />
      <ProvisionalNotice words={c.period?.provisional ?? null} />
      {!c.period ? (
        <p className="nhsuk-body">No reporting period has been opened yet.</p>
      ) : (
        <>
          <ComparisonFilters c={c} />
          <StatusKey />
          {c.rows.length === 0 ? (
            <p className="nhsuk-body">
              {c.organisationCount === 0
                ? "No organisations belong to this place yet."
                : "No organisation matches these filters."}
            </p>
          ) : (
            <Form method="get" action={`/places/${c.place.id}/side-by-side`}>
              <input type="hidden" name="period" value={c.period.id} />
              <ScrollableTable
                label={`Components by organisation, ${c.period.label} (scrolls sideways)`}
              >
                <table className="nhsuk-table app-comparison">
                  <caption className="nhsuk-table__caption">
                    Components by organisation, {c.period.label}
                  </caption>
                  <thead className="nhsuk-table__head">
                    <tr className="nhsuk-table__row">
                      <th scope="col" className="nhsuk-table__header">
                        Compare
                      </th>
                      <th scope="col" className="nhsuk-table__header">
                        Organisation
                      </th>
                      <th scope="col" className="nhsuk-table__header">
                        Level
                      </th>
                      {c.components.map((component) => (
                        <th scope="col" className="nhsuk-table__header" key={component.id}>
                          <abbr title={component.title}>{component.id}</abbr>
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody className="nhsuk-table__body">
                    {c.rows.map((row) => (
                      <tr className="nhsuk-table__row" key={row.organisation.id}>
                        <td className="nhsuk-table__cell">
                          <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
                            <div className="nhsuk-checkboxes__item">
                              <input
                                className="nhsuk-checkboxes__input"
                                id={`compare-${row.organisation.id}`}
                                name="org"
                                type="checkbox"
                                value={row.organisation.id}
                              />
                              <label
                                className="nhsuk-label nhsuk-checkboxes__label"
                                htmlFor={`compare-${row.organisation.id}`}
                              >
                                <span className="nhsuk-u-visually-hidden">
                                  Compare {row.organisation.name}
                                </span>
                              </label>
                            </div>
                          </div>
                        </td>
                        <th scope="row" className="nhsuk-table__header">
                          <Link to={`/organisations/${row.organisation.id}?period=${c.period!.id}`}>
                            {row.organisation.name}
                          </Link>
                          <span className="nhsuk-body-s app-block">
                            {row.typeLabel}, {row.organisation.placeName}
                          </span>
                        </th>
                        <td className="nhsuk-table__cell">{row.levelLabel}</td>
                        {row.cells ? (
                          row.cells.map((cell, i) => (
                            <StatusCell
                              key={cell.componentId}
                              cell={cell}
                              organisation={row.organisation.name}
                              component={`${cell.componentId} ${c.components[i]?.title ?? ""}`}
                              href={`/organisations/${row.organisation.id}/periods/${c.period!.id}/components/${encodeURIComponent(cell.componentId)}`}
                            />
                          ))
                        ) : (
                          <td className="nhsuk-table__cell" colSpan={c.components.length}>
                            {row.levelLabel}
                          </td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollableTable>
              <button className="nhsuk-button" type="submit">
                Compare the chosen organisations side by side
              </button>
            </Form>
          )}
          <DownloadLink
            to={`/places/${c.place.id}/summary.csv?table=comparison&${query.toString()}`}
            what="this comparison"
          />
        </>
      )}
    </>
  );
}
