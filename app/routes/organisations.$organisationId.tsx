import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { domainProgressChart } from "~/charts/domain-progress";
import { levelTrendChart } from "~/charts/level-trend";
import { ChartFigure } from "~/components/charts/ChartFigure";
import { canEditAssessment, canSetOrganisationTarget } from "~/access/policy";
import { OutcomesSection } from "~/components/outcomes/OutcomesSection";
import { organisationOutcomes } from "~/readers/outcomes.server";
import { LevelTag } from "~/components/charter/LevelTag";
import { ActionsTable } from "~/components/readers/ActionsTable";
import { DomainProgressTable } from "~/components/readers/DomainProgressTable";
import { LevelTrendTable } from "~/components/readers/LevelTrendTable";
import { PeriodChooser } from "~/components/readers/PeriodChooser";
import { returnStateLabels } from "~/components/readers/ReturnsTable";
import { TrendTable } from "~/components/readers/TrendTable";
import { OpenQueries } from "~/components/queries/OpenQueries";
import { ChampionHomePanel } from "~/components/home/ChampionHomePanel";
import { DemoBannerSlot, homeFirstHandle } from "~/components/layout/DemoBannerSlot";
import { championHome } from "~/home/champion.server";
import { openQueriesNotice } from "~/queries/notice.server";
import { requireOrganisationReader } from "~/auth/guards.server";
import { getDb } from "~/models/db.server";
import { organisationOverview } from "./organisations.$organisationId.server";

export const handle = homeFirstHandle;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.organisation.name ?? "Organisation"} – Anchor Charter` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { auth, organisation, readsDrafts } = await requireOrganisationReader(
    request,
    params.organisationId,
  );
  const overview = await organisationOverview(
    organisation,
    new URL(request.url).searchParams.get("period"),
  );
  const isChampion = canEditAssessment(auth.principal, organisation);
  return {
    ...overview,
    isChampion,
    // A champion's first page says what to do next, before anything else (issue 20).
    home: isChampion ? await championHome(getDb(), organisation) : null,
    // The outcome measures over time (ADR 040): drafts' figures only for those who read drafts.
    outcomes: await organisationOutcomes(getDb(), { organisation, readsDrafts }),
    setsTargets: canSetOrganisationTarget(auth.principal, organisation),
    readsDrafts,
    // Queries are the champions' work in progress: for those who read the drafts too.
    openQueries: readsDrafts
      ? await openQueriesNotice(getDb(), { organisationId: organisation.id })
      : [],
  };
}

export default function OrganisationPage() {
  const o = useLoaderData<typeof loader>();
  const charts = useMemo(
    () => ({
      trend: levelTrendChart({ levels: o.levels, points: o.trend }),
      domains:
        o.self && o.period
          ? domainProgressChart({ periodLabel: o.period.label, domains: o.self.byDomain })
          : null,
    }),
    [o],
  );
  return (
    <>
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">{o.organisation.place}</span>
        {o.organisation.name}
      </h1>
      {o.home ? <ChampionHomePanel home={o.home} /> : null}
      <DemoBannerSlot />
      <p className="nhsuk-body">
        {o.organisation.type}.{" "}
        {o.isChampion
          ? "You are a champion of this organisation: you complete its self-assessment."
          : o.readsDrafts
            ? "You can read this organisation's self-assessments."
            : "You can read this organisation's self-assessments once they are submitted."}
      </p>
      {o.home ? null : <OpenQueries queries={o.openQueries} mayReply={false} showPeriod />}
      {o.trend.length === 0 ? (
        <p className="nhsuk-body">No reporting periods have been opened yet.</p>
      ) : (
        <>
          <ChartFigure
            heading="Level by month"
            spec={charts.trend}
            table={<LevelTrendTable points={o.trend} />}
          />
          {/* Always in view: each month links to its sheet, the way in for a champion. */}
          <TrendTable
            organisationId={o.organisation.id}
            points={o.trend}
            domains={o.domainNumbers}
          />
        </>
      )}

      {o.period ? (
        <>
          <h2 className="nhsuk-heading-m">Where it stands</h2>
          <PeriodChooser groups={o.periods} chosenId={o.period.id} />
          {o.unknownRequest ? (
            <div className="nhsuk-inset-text">
              <p>
                That reporting period is not one of this organisation&apos;s. Showing{" "}
                {o.period.label}.
              </p>
            </div>
          ) : null}
          {o.self ? (
            <>
              <dl className="nhsuk-summary-list">
                <div className="nhsuk-summary-list__row">
                  <dt className="nhsuk-summary-list__key">{o.period.label}</dt>
                  <dd className="nhsuk-summary-list__value">{returnStateLabels[o.returnState]}</dd>
                </div>
                <div className="nhsuk-summary-list__row">
                  <dt className="nhsuk-summary-list__key">Level, self-assessed</dt>
                  <dd className="nhsuk-summary-list__value">
                    <LevelTag level={o.self.level} name={o.self.levelName} />
                  </dd>
                </div>
                <div className="nhsuk-summary-list__row">
                  <dt className="nhsuk-summary-list__key">Level, verified</dt>
                  <dd className="nhsuk-summary-list__value">
                    <LevelTag
                      level={o.verified?.level ?? null}
                      name={o.verified?.levelName ?? null}
                    />
                  </dd>
                </div>
              </dl>
              {charts.domains ? (
                <ChartFigure
                  heading="Progress in each domain"
                  headingLevel={3}
                  spec={charts.domains}
                  table={
                    <DomainProgressTable
                      self={o.self}
                      verifiedByDomain={o.verifiedByDomain}
                      periodLabel={o.period.label}
                    />
                  }
                />
              ) : null}
              <h2 className="nhsuk-heading-m">Open actions</h2>
              {o.actions.length ? (
                <ActionsTable actions={o.actions} periodLabel={o.period.label} />
              ) : (
                <p className="nhsuk-body">No actions are planned for {o.period.label}.</p>
              )}
            </>
          ) : o.draftHidden ? (
            <p className="nhsuk-body">
              {o.organisation.name} has not submitted {o.period.label} yet (
              {returnStateLabels[o.returnState].toLowerCase()}). Its figures show here once it is
              submitted
              {o.readsDrafts ? (
                <>
                  ; until then,{" "}
                  <Link to={`/organisations/${o.organisation.id}/periods/${o.period.id}`}>
                    its sheet for {o.period.label}
                  </Link>{" "}
                  shows the month as it stands
                </>
              ) : null}
              .
            </p>
          ) : (
            <p className="nhsuk-body">No self-assessment has been started for {o.period.label}.</p>
          )}
        </>
      ) : null}

      <OutcomesSection
        views={o.outcomes}
        readsDrafts={o.readsDrafts}
        targetLink={
          o.setsTargets
            ? (measureId) => `/organisations/${o.organisation.id}/targets/${measureId}`
            : undefined
        }
      />

      <h2 className="nhsuk-heading-m">Submission history</h2>
      {o.submissions.length ? (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {o.submissions.map((s) => (
            <li key={s.id}>
              <Link to={`/organisations/${o.organisation.id}/submissions/${s.id}`}>
                {s.periodLabel}: submitted by {s.submittedBy} on {s.submittedAt}
              </Link>
              , {s.levelName}
            </li>
          ))}
        </ul>
      ) : (
        <p className="nhsuk-body">Nothing has been submitted yet.</p>
      )}
    </>
  );
}
