import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { placeLevelsChart } from "~/charts/place-levels";
import { placeTrendChart } from "~/charts/place-trend";
import { ChartFigure } from "~/components/charts/ChartFigure";
import { PeriodChooser } from "~/components/readers/PeriodChooser";
import { ProvisionalNotice } from "~/components/readers/ProvisionalNotice";
import {
  HeatMapKey,
  HeatMapTable,
  PlaceTrendTable,
  RollupLevelsTable,
} from "~/components/readers/RollupTables";
import { requireSystemRollupReader } from "~/auth/guards.server";
import { SystemHomePanel } from "~/components/home/SystemHomePanel";
import { DemoBannerSlot, homeFirstHandle } from "~/components/layout/DemoBannerSlot";
import { systemHome } from "~/home/system.server";
import { getDb } from "~/models/db.server";
import { systemRollup } from "~/readers/system-rollup.server";
import { systemOutcomes } from "~/readers/outcomes.server";
import { SystemOutcomes } from "~/components/outcomes/ScopeOutcomes";

export const handle = homeFirstHandle;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `ICS roll-up, ${data?.system.name ?? "system"} – Anchor Charter` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { system } = await requireSystemRollupReader(request, params.systemId);
  const rollup = await systemRollup(getDb(), system, new URL(request.url).searchParams);
  return {
    ...rollup,
    // The system reader's first page: the latest final month and the current one (issue 20).
    home: await systemHome(getDb(), system.id),
    // The outcome measures summed over every organisation of the system (ADR 040).
    outcomes: await systemOutcomes(getDb(), { system, periodId: rollup.period?.id ?? null }),
  };
}

export default function SystemRollupPage() {
  const r = useLoaderData<typeof loader>();
  const charts = useMemo(
    () => ({
      levels: placeLevelsChart({
        periodLabel: r.period?.label ?? "",
        levelIds: r.levels.map((l) => l.id),
        buckets: r.buckets,
        places: r.places.map((p) => ({ name: p.place.name, counts: p.counts })),
      }),
      trend: placeTrendChart({
        levelName: r.level.name,
        months: r.months,
        places: r.trend.map((t) => ({ name: t.place.name, points: t.points })),
      }),
    }),
    [r],
  );
  return (
    <>
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">ICS roll-up</span>
        {r.system.name}
      </h1>
      <SystemHomePanel home={r.home} showRollupLink={false} />
      <DemoBannerSlot />
      <PeriodChooser
        groups={r.periods}
        chosenId={r.period?.id ?? null}
        keep={{ level: r.levelChosen ? r.level.id : null }}
      />
      <ProvisionalNotice words={r.period?.provisional ?? null} />
      {!r.period ? (
        <p className="nhsuk-body">No reporting period has been opened yet.</p>
      ) : r.places.length === 0 ? (
        <p className="nhsuk-body">No places have been set up in this system yet.</p>
      ) : (
        <>
          <ChartFigure
            heading="Levels held by place"
            spec={charts.levels}
            table={<RollupLevelsTable r={r} />}
          />
          <h2 className="nhsuk-heading-m">Domains by place</h2>
          <Form method="get" className="app-filters">
            <input type="hidden" name="period" value={r.period.id} />
            <div className="nhsuk-form-group app-filter">
              <label className="nhsuk-label" htmlFor="level">
                Level
              </label>
              <select className="nhsuk-select" id="level" name="level" defaultValue={r.level.id}>
                {r.levels.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name}
                  </option>
                ))}
              </select>
            </div>
            <button className="nhsuk-button nhsuk-button--secondary" type="submit">
              Show
            </button>
          </Form>
          <HeatMapKey />
          <HeatMapTable r={r} />
          <ChartFigure
            heading="Trend by place"
            spec={charts.trend}
            table={<PlaceTrendTable r={r} />}
          />
        </>
      )}
      <SystemOutcomes views={r.outcomes} system={r.system} periodLabel={r.period?.label ?? null} />
    </>
  );
}
