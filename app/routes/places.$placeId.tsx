import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { coverageChart } from "~/charts/coverage";
import { levelCountsChart } from "~/charts/level-counts";
import { ChartFigure } from "~/components/charts/ChartFigure";
import { CoverageTable, percent } from "~/components/readers/CoverageTable";
import { DownloadLink } from "~/components/readers/DownloadLink";
import { LevelCountsTable } from "~/components/readers/LevelCountsTable";
import { PeriodChooser } from "~/components/readers/PeriodChooser";
import { ProvisionalNotice } from "~/components/readers/ProvisionalNotice";
import { ReturnsTable } from "~/components/readers/ReturnsTable";
import { canSendReminders } from "~/access/policy";
import { PlaceHomePanel } from "~/components/home/PlaceHomePanel";
import { DemoBannerSlot, homeFirstHandle } from "~/components/layout/DemoBannerSlot";
import { placeHome } from "~/home/place.server";
import { getDb } from "~/models/db.server";
import { requirePlaceReader } from "~/auth/guards.server";
import { placeSummary } from "~/readers/place-summary.server";
import { placeOutcomes } from "~/readers/outcomes.server";
import { PlaceOutcomes } from "~/components/outcomes/ScopeOutcomes";

export const handle = homeFirstHandle;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${data?.place.name ?? "Place"}${data?.period ? `, ${data.period.label}` : ""} – Anchor Charter`,
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { auth, place } = await requirePlaceReader(request, params.placeId);
  const summary = await placeSummary(
    getDb(),
    place,
    new URL(request.url).searchParams.get("period"),
  );
  return {
    ...summary,
    canRemind: canSendReminders(auth.principal, place),
    // The steering group's and place lead's first page says what needs them (issue 20).
    home: await placeHome(getDb(), place, auth.principal),
    // The outcome measures summed over the place's own organisations (ADR 040).
    outcomes: await placeOutcomes(getDb(), { place, periodId: summary.period?.id ?? null }),
  };
}

export default function PlaceSummaryPage() {
  const s = useLoaderData<typeof loader>();
  const csv = (table: string) =>
    `/places/${s.place.id}/summary.csv?table=${table}${s.period ? `&period=${s.period.id}` : ""}`;
  const submitted = s.organisations.filter((o) => o.returnState === "submitted").length;
  const charts = useMemo(() => {
    const periodLabel = s.period?.label ?? "";
    return {
      levels: levelCountsChart({ periodLabel, levelIds: s.levelIds, rows: s.levelCounts }),
      coverage: coverageChart({ periodLabel, rows: s.coverage }),
    };
  }, [s]);
  return (
    <>
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">Place summary</span>
        {s.place.name}
      </h1>
      <PlaceHomePanel home={s.home} />
      <DemoBannerSlot />
      <PeriodChooser groups={s.periods} chosenId={s.period?.id ?? null} />
      <ProvisionalNotice words={s.period?.provisional ?? null} />
      {s.unknownRequest && s.period ? (
        <div className="nhsuk-inset-text">
          <p>That reporting period is not one of this place&apos;s. Showing {s.period.label}.</p>
        </div>
      ) : null}
      {!s.period ? (
        <p className="nhsuk-body">No reporting period has been opened yet.</p>
      ) : s.organisationCount === 0 ? (
        <p className="nhsuk-body">No organisations belong to this place yet.</p>
      ) : (
        <>
          <p className="nhsuk-body-l">
            {submitted} of {s.organisationCount} organisations have submitted for {s.period.month}
            {s.period.provisional ? " so far" : ""}.
          </p>
          {submitted === 0 ? (
            <div className="nhsuk-inset-text">
              <p>No organisation in this place has submitted for {s.period.label} yet.</p>
            </div>
          ) : null}
          <ChartFigure
            heading="Levels held"
            spec={charts.levels}
            table={
              <LevelCountsTable
                rows={s.levelCounts}
                periodLabel={s.period.label}
                total={s.organisationCount}
              />
            }
          />
          <DownloadLink to={csv("levels")} what="levels held" />

          <h2 className="nhsuk-heading-m">Who has returned</h2>
          <ReturnsTable
            rows={s.organisations}
            periodLabel={s.period.label}
            previousLabel={
              s.previousPeriod
                ? s.period.provisional
                  ? `${s.previousPeriod.label}, returns so far`
                  : s.previousPeriod.label
                : null
            }
            dueOn={s.period.dueOn}
          />
          <DownloadLink to={csv("returns")} what="returns" />
          {s.canRemind ? (
            <p className="nhsuk-body">
              {submitted < s.organisationCount ? (
                <Link to={`/places/${s.place.id}/reminders?period=${s.period.id}`}>
                  Remind the champions of organisations that have not submitted for {s.period.label}
                </Link>
              ) : (
                <Link to={`/places/${s.place.id}/reminders`}>
                  Remind the champions of organisations that have not submitted this month
                </Link>
              )}
            </p>
          ) : null}

          {submitted > 0 ? (
            <>
              <h2 className="nhsuk-heading-m">Most common gaps</h2>
              <p className="nhsuk-body">The components fewest organisations have fulfilled.</p>
              <ul className="nhsuk-list nhsuk-list--bullet">
                {s.gaps.map((gap) => (
                  <li key={gap.componentId}>
                    {gap.componentId} {gap.title}: fulfilled by {gap.fulfilled} of {gap.returns} (
                    {percent(gap.fulfilled, gap.returns)})
                  </li>
                ))}
              </ul>
              <h2 className="nhsuk-heading-m">Steps that would move organisations up a level</h2>
              {s.nextSteps.length ? (
                <ul className="nhsuk-list nhsuk-list--bullet">
                  {s.nextSteps.map((step) => (
                    <li key={step.componentId}>
                      Fulfilling {step.componentId} {step.title} would move{" "}
                      {step.organisations.length}{" "}
                      {step.organisations.length === 1 ? "organisation" : "organisations"} up a
                      level:{" "}
                      {step.organisations.map((o, index) => (
                        <span key={o.id}>
                          {index === 0
                            ? ""
                            : index === step.organisations.length - 1
                              ? " and "
                              : ", "}
                          <Link to={`/organisations/${o.id}?period=${s.period!.id}`}>{o.name}</Link>
                        </span>
                      ))}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="nhsuk-body">
                  No single component would move an organisation up a level: each needs more than
                  one.
                </p>
              )}
              <ChartFigure
                heading="Coverage of each component"
                spec={charts.coverage}
                table={<CoverageTable rows={s.coverage} periodLabel={s.period.label} />}
              />
              <DownloadLink to={csv("coverage")} what="coverage of each component" />
            </>
          ) : null}
        </>
      )}
      <PlaceOutcomes views={s.outcomes} place={s.place} periodLabel={s.period?.label ?? null} />
      <h2 className="nhsuk-heading-m">Recent shared good practice</h2>
      {s.practice.length ? (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {s.practice.map((item) => (
            <li key={item.id}>
              {item.title} ({item.organisationName})
            </li>
          ))}
        </ul>
      ) : (
        <p className="nhsuk-body">Nothing has been shared as good practice in this place yet.</p>
      )}
      <p className="nhsuk-body">
        <Link to={`/places/${s.place.id}/good-practice`}>All good practice in {s.place.name}</Link>
      </p>
      <h2 className="nhsuk-heading-m">Annual report</h2>
      <p className="nhsuk-body">
        <Link to={`/reports?scope=place:${s.place.id}`}>
          Build {s.place.name}&apos;s annual report as PDF or Word
        </Link>
      </p>
    </>
  );
}
