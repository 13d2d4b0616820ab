import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ComparisonTable } from "~/components/outcomes/ComparisonTable";
import { OutcomeSeries } from "~/components/outcomes/OutcomeSeries";
import { notFound, requirePlaceReader, routeId } from "~/auth/guards.server";
import { getDb } from "~/models/db.server";
import { getMeasure } from "~/models/outcome-measures.server";
import { placeMeasurePage } from "~/readers/measure-pages.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${data?.view.name ?? "Outcome measure"}, ${data?.place.name ?? "place"} – Anchor Charter`,
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { place } = await requirePlaceReader(request, params.placeId);
  const db = getDb();
  const measure = await getMeasure(db, { id: routeId(params.measureId) });
  // A measure of another system is as absent as one that does not exist.
  if (!measure || measure.systemId !== place.systemId) notFound();
  const page = await placeMeasurePage(db, { place, measureId: measure.id });
  if (!page) notFound();
  return { place: { id: place.id, name: place.name }, ...page };
}

/** A measure in a place: its sum over time against the target, and its organisations side by side. */
export default function PlaceMeasure() {
  const { place, view, own, systemWide, yearBeforeLabel } = useLoaderData<typeof loader>();
  const toRow = (r: (typeof own)[number]) => ({ ...r, key: String(r.id) });
  return (
    <>
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">{place.name}</span>
        {view.name}
      </h1>
      <p className="nhsuk-body">
        <Link to={`/places/${place.id}#outcomes`}>Back to {place.name}&apos;s summary</Link>
      </p>
      <p className="nhsuk-body">
        {place.name}&apos;s figure is the sum over its own organisations that reported: the parts
        added up over the wholes added up. A figure counts once its month is submitted and the
        month&apos;s returns are due.
      </p>
      <OutcomeSeries view={view} headingLevel={2} />
      <h2 className="nhsuk-heading-m">Organisations side by side</h2>
      {view.latest ? (
        <>
          <p className="nhsuk-body">
            Each organisation&apos;s own figure for {view.latest.label}, sorted by name: this is a
            comparison, not a ranking.
          </p>
          <ComparisonTable
            caption={`${view.name}: ${place.name}'s organisations`}
            nameHeader="Organisation"
            latestLabel={view.latest.label}
            yearBeforeLabel={yearBeforeLabel}
            ratio={view.kind === "ratio"}
            rows={own.map(toRow)}
          />
          {systemWide.length ? (
            <ComparisonTable
              caption="System-wide organisations serving the place (not in the place's sum)"
              nameHeader="Organisation"
              latestLabel={view.latest.label}
              yearBeforeLabel={yearBeforeLabel}
              ratio={view.kind === "ratio"}
              rows={systemWide.map(toRow)}
            />
          ) : null}
        </>
      ) : (
        <p className="nhsuk-body">No organisation&apos;s figure for this measure counts yet.</p>
      )}
    </>
  );
}
