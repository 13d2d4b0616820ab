import { getDb } from "~/models/db.server";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { cellWords, statusMarks } from "~/components/readers/StatusCell";
import { ProvisionalNotice } from "~/components/readers/ProvisionalNotice";
import { ScrollableTable } from "~/components/tables/ScrollableTable";
import { requirePlaceReader } from "~/auth/guards.server";
import { placeComparison } from "~/readers/place-comparison.server";

export const meta: MetaFunction = () => [{ title: "Side by side – Anchor Charter" }];

export const SIDE_BY_SIDE = { fewest: 2, most: 4 };

/** Two to four of a place's organisations, component by component. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { place } = await requirePlaceReader(request, params.placeId);
  const url = new URL(request.url);
  const asked = [...new Set(url.searchParams.getAll("org"))];
  const c = await placeComparison(
    getDb(),
    place,
    new URLSearchParams({ period: url.searchParams.get("period") ?? "" }),
  );
  const chosen = asked.flatMap((id) => c.rows.filter((r) => String(r.organisation.id) === id));
  const problem =
    chosen.length !== asked.length
      ? "Choose organisations of this place."
      : chosen.length < SIDE_BY_SIDE.fewest || chosen.length > SIDE_BY_SIDE.most
        ? `Choose between ${SIDE_BY_SIDE.fewest} and ${SIDE_BY_SIDE.most} organisations to compare.`
        : null;
  return {
    place: c.place,
    period: c.period,
    components: c.components,
    chosen: problem ? [] : chosen,
    problem,
  };
}

export default function SideBySide() {
  const s = useLoaderData<typeof loader>();
  const back = `/places/${s.place.id}/comparison${s.period ? `?period=${s.period.id}` : ""}`;
  return (
    <>
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">
          {s.place.name}
          {s.period ? `, ${s.period.label}` : ""}
        </span>
        Side by side
      </h1>
      <ProvisionalNotice words={s.period?.provisional ?? null} />
      {s.problem ? (
        <div
          className="nhsuk-error-summary"
          aria-labelledby="error-summary-title"
          role="alert"
          tabIndex={-1}
        >
          <h2 className="nhsuk-error-summary__title" id="error-summary-title">
            There is a problem
          </h2>
          <div className="nhsuk-error-summary__body">
            <ul className="nhsuk-list nhsuk-error-summary__list">
              <li>
                <Link to={back}>{s.problem}</Link>
              </li>
            </ul>
          </div>
        </div>
      ) : (
        <ScrollableTable label="Components side by side (scrolls sideways)">
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption">Components side by side</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">
                  Component
                </th>
                {s.chosen.map((row) => (
                  <th scope="col" className="nhsuk-table__header" key={row.organisation.id}>
                    {row.organisation.name}
                    <span className="nhsuk-body-s app-block">{row.levelLabel}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {s.components.map((component, i) => (
                <tr className="nhsuk-table__row" key={component.id}>
                  <th scope="row" className="nhsuk-table__header">
                    {component.id} {component.title}
                  </th>
                  {s.chosen.map((row) => {
                    const cell = row.cells?.[i];
                    return (
                      <td className="nhsuk-table__cell" key={row.organisation.id}>
                        {cell && s.period ? (
                          <Link
                            to={`/organisations/${row.organisation.id}/periods/${s.period.id}/components/${encodeURIComponent(component.id)}`}
                          >
                            <span aria-hidden="true">{statusMarks[cell.status].symbol} </span>
                            {cellWords(cell)}
                          </Link>
                        ) : (
                          row.levelLabel
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
      <p className="nhsuk-body">
        <Link to={back}>Back to the comparison</Link>
      </p>
    </>
  );
}
