import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import {
  periodReturns,
  periodsEndingWith,
  returnsOf,
  submittedLevels,
} from "../app/models/aggregation.server";
import { evidenceLibrary } from "../app/models/evidence-files.server";
import { getOrganisation, listOrganisations } from "../app/models/organisations.server";
import { getPeriod, listPeriods } from "../app/models/periods.server";
import { getPlace, listPlaces } from "../app/models/places.server";
import { loadPrinciples } from "../app/models/principles.server";
import { listActions } from "../app/models/progression-actions.server";
import { baselineSubmission } from "../app/models/reopening.server";
import { reviewsOfAssessment } from "../app/models/reviews.server";
import { SHARED_PRACTICE_PAGE, sharedPracticeForPlace } from "../app/models/shared-practice.server";
import { PRACTICE_SHOWN } from "../app/readers/place-summary.server";
import { getAssessment, loadAnswers } from "../app/models/sheet.server";
import { listSubmissions, recentSubmissions } from "../app/models/submissions.server";
import {
  SUBMISSIONS_SHOWN,
  TREND_MONTHS,
} from "../app/routes/organisations.$organisationId.server";
import { choosePeriod } from "../app/periods/monthly";
import { latestFinalPeriodId } from "../app/readers/period.server";
import { todayInUk } from "../app/utils/dates";

// The model calls each page's loader makes, in the same order and with the
// same arguments, without the session, access checks, figures or rendering:
// the floor a page's time is compared with. Keep each in step with its loader.

type Db = Kysely<Database>;

/** app/routes/organisations.$organisationId.server.ts, organisationOverview. */
export async function organisationOverviewSql(db: Db, organisationId: number) {
  const organisation = (await getOrganisation(db, { id: organisationId }))!;
  const systemId = organisation.systemId;
  const periods = await listPeriods(db, { systemId });
  const { chosen } = choosePeriod(periods, {
    requested: null,
    preferred: latestFinalPeriodId(periods, todayInUk()),
  });
  const months = periods[0]
    ? await periodsEndingWith(db, {
        systemId,
        endingWith: periods[0].starts_on,
        count: TREND_MONTHS,
      })
    : [];
  const periodIds = [...new Set([...months.map((m) => m.id), ...(chosen ? [chosen.id] : [])])];
  const returns = await returnsOf(db, { periodIds, organisationIds: [organisationId] });
  const current = returns.find((r) => r.periodId === chosen?.id);
  if (current) await listActions(db, { assessmentId: current.assessmentId });
  await recentSubmissions(db, { organisationId, limit: SUBMISSIONS_SHOWN });
}

/** app/readers/place-summary.server.ts, placeSummary. */
export async function placeSummarySql(db: Db, placeId: number) {
  const place = (await getPlace(db, { id: placeId }))!;
  const organisations = await listOrganisations(db, {
    placeIds: [place.id],
    systemWideIn: [place.systemId],
  });
  const ids = organisations.map((o) => o.id);
  const periods = await listPeriods(db, { systemId: place.systemId });
  const { chosen, previous } = choosePeriod(periods, {
    requested: null,
    preferred: latestFinalPeriodId(periods, todayInUk()),
  });
  await Promise.all([
    chosen ? periodReturns(db, { periodId: chosen.id, organisationIds: ids }) : [],
    previous ? periodReturns(db, { periodId: previous.id, organisationIds: ids }) : [],
  ]);
  await sharedPracticeForPlace(db, {
    placeId: place.id,
    systemId: place.systemId,
    limit: PRACTICE_SHOWN,
  });
}

/** app/routes/places.$placeId_.good-practice.tsx, loader. */
export async function goodPracticeSql(db: Db, placeId: number) {
  const place = (await getPlace(db, { id: placeId }))!;
  await sharedPracticeForPlace(db, {
    placeId: place.id,
    systemId: place.systemId,
    limit: SHARED_PRACTICE_PAGE,
  });
}

/** app/sheet/load.server.ts, loadSheet, for its champion. */
export async function reportingSheetSql(db: Db, organisationId: number, periodId: number) {
  await getOrganisation(db, { id: organisationId });
  const period = (await getPeriod(db, { id: periodId }))!;
  const assessment = await getAssessment(db, { organisationId, periodId });
  if (!assessment) return;
  await loadAnswers(db, { assessmentId: assessment.id });
  await reviewsOfAssessment(db, { assessmentId: assessment.id });
  // The champion's library is read only while the month can be edited.
  if (period.status === "open" && assessment.status === "draft") {
    await evidenceLibrary(db, { organisationId });
  }
  await listSubmissions(db, { assessmentId: assessment.id });
  await baselineSubmission(db, {
    assessmentId: assessment.id,
    organisationId,
    periodStartsOn: period.starts_on,
  });
  await loadPrinciples(db, { assessmentId: assessment.id });
  await listActions(db, { assessmentId: assessment.id });
}

/** app/readers/place-comparison.server.ts, placeComparison. */
export async function comparisonSql(db: Db, placeId: number) {
  const place = (await getPlace(db, { id: placeId }))!;
  const organisations = await listOrganisations(db, {
    placeIds: [place.id],
    systemWideIn: [place.systemId],
  });
  const ids = organisations.map((o) => o.id);
  const periods = await listPeriods(db, { systemId: place.systemId });
  const { chosen } = choosePeriod(periods, {
    requested: null,
    preferred: latestFinalPeriodId(periods, todayInUk()),
  });
  if (chosen) await periodReturns(db, { periodId: chosen.id, organisationIds: ids });
}

/** app/readers/system-rollup.server.ts, systemRollup. */
export async function rollupSql(db: Db, systemId: number) {
  await listPlaces(db, { systemIds: [systemId] });
  const organisations = await listOrganisations(db, { systemIds: [systemId] });
  const ids = organisations.map((o) => o.id);
  const periods = await listPeriods(db, { systemId });
  const { chosen } = choosePeriod(periods, {
    requested: null,
    preferred: latestFinalPeriodId(periods, todayInUk()),
  });
  if (!chosen) return;
  await periodReturns(db, { periodId: chosen.id, organisationIds: ids });
  const months = await periodsEndingWith(db, { systemId, endingWith: chosen.starts_on, count: 12 });
  await submittedLevels(db, { systemId, periodIds: months.map((m) => m.id) });
}
