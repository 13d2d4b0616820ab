import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ComparisonTable } from "~/components/outcomes/ComparisonTable";
import { OutcomeSeries } from "~/components/outcomes/OutcomeSeries";
import { notFound, requireSystemRollupReader, routeId } from "~/auth/guards.server";
import { getDb } from "~/models/db.server";
import { getMeasure } from "~/models/outcome-measures.server";
import { systemMeasurePage } from "~/readers/measure-pages.server";
import { figureWords } from "~/utils/figures";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.view.name ?? "Outcome measure"}, ICS roll-up – Anchor Charter` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { system } = await requireSystemRollupReader(request, params.systemId);
  const db = getDb();
  const measure = await getMeasure(db, { id: routeId(params.measureId) });
  if (!measure || measure.systemId !== system.id) notFound();
  const page = await systemMeasurePage(db, { system, measureId: measure.id });
  if (!page) notFound();
  return { system: { id: system.id, name: system.name }, ...page };
}

/** A measure across the system: its sum over time against the target, and each place's. */
export default function SystemMeasure() {
  const { system, view, places, systemWide, yearBeforeLabel } = useLoaderData<typeof loader>();
  const toRow = (r: (typeof places)[number]) => ({
    ...r,
    key: String(r.id ?? "system-wide"),
    reporting: `${r.reporting} of ${r.organisations}`,
  });
  return (
    <>
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">ICS roll-up, {system.name}</span>
        {view.name}
      </h1>
      <p className="nhsuk-body">
        <Link to={`/systems/${system.id}#outcomes`}>Back to the ICS roll-up</Link>
      </p>
      <p className="nhsuk-body">
        The system&apos;s figure is the sum over every organisation that reported, the system-wide
        ones included: the parts added up over the wholes added up. A figure counts once its month
        is submitted and the month&apos;s returns are due.
      </p>
      <OutcomeSeries view={view} headingLevel={2} />
      <h2 className="nhsuk-heading-m">Places side by side</h2>
      {view.latest ? (
        <ComparisonTable
          caption={`${view.name} by place, ${view.latest.label}`}
          nameHeader="Place"
          latestLabel={view.latest.label}
          yearBeforeLabel={yearBeforeLabel}
          ratio={view.kind === "ratio"}
          withReporting
          rows={[...places, systemWide].map(toRow)}
          total={{
            key: "total",
            name: `${system.name} (all)`,
            now: figureWords(view.kind, view.unit, view.latest.value),
            parts: null,
            before: "",
            change: view.change,
            reporting: `${view.reporting ?? 0} of ${view.organisations ?? 0}`,
          }}
        />
      ) : (
        <p className="nhsuk-body">No organisation&apos;s figure for this measure counts yet.</p>
      )}
    </>
  );
}
