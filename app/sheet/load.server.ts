import {
  canDownloadEvidenceBundle,
  canReadOrganisation,
  canReplyToQuery,
  canShareEvidence,
  canVerifyEvidence,
} from "~/access/policy";
import type { requireSheetReader } from "~/auth/guards.server";
import { componentIds, loadCharter } from "~/charter/content";
import { levelForAssessment } from "~/charter/summary";
import { reviewState, verifiedFulfilledIds } from "~/charter/verification";
import { getDb } from "~/models/db.server";
import { searchEvidenceLibrary } from "~/models/evidence-files.server";
import { libraryItemHint, type LibraryRow } from "./library-hint";
import {
  asLatestReview,
  latestByComponent,
  type ReviewRow,
  reviewsOfAssessment,
} from "~/models/reviews.server";
import {
  evidenceSummary,
  getAssessment,
  loadAnswers,
  type SheetAnswer,
} from "~/models/sheet.server";
import { listSubmissions } from "~/models/submissions.server";
import { openQueriesNotice, reopenedNotice } from "~/queries/notice.server";
import { periodPhase, returnTimeliness } from "~/periods/phase";
import { formatDate, formatDay } from "~/utils/dates";
import { appConfig } from "~/utils/env.server";
import { sheetPath } from "./paths";
import { loadSheetPlan } from "./plan.server";

const omitHash = <T extends { fileSha256: unknown }>({ fileSha256: _hash, ...rest }: T) => rest;

/** How many of the library's items a component's page lists at once; more asks for a search. */
export const LIBRARY_SHOWN = 20;

/**
 * Everything the month's pages show, whether it can be changed, and the live
 * level. The evidence library is loaded only for a component's page
 * (`library`), the one place it is offered (ADR 026).
 */
export async function loadSheet(
  sheet: Awaited<ReturnType<typeof requireSheetReader>>,
  options: { library?: { componentId: string; query: string } } = {},
) {
  const db = getDb();
  const assessment = await getAssessment(db, {
    organisationId: sheet.organisation.id,
    periodId: sheet.period.id,
  });
  // An assessment is shown against the charter it was made under; a new one, the current.
  const charter = loadCharter(assessment ? { version: assessment.charter_version } : {});
  const answers = assessment ? await loadAnswers(db, { assessmentId: assessment.id }) : new Map();
  const fulfilled = [...answers.values()]
    .filter((a: SheetAnswer) => a.status === "fulfilled")
    .map((a: SheetAnswer) => a.componentId);
  const open = sheet.period.status === "open";
  const { principal } = sheet.auth;
  const reviews = assessment
    ? latestByComponent(await reviewsOfAssessment(db, { assessmentId: assessment.id }))
    : new Map<string, ReviewRow>();
  const reviewed = [...answers.values()].map((a: SheetAnswer) => {
    const review = reviews.get(a.componentId);
    const latestReview = review ? asLatestReview(review) : null;
    const evidenceIds = a.evidence.map((e) => e.id);
    return {
      componentId: a.componentId,
      status: a.status,
      version: a.version,
      evidenceIds,
      latestReview,
    };
  });
  const reviewViews = new Map(
    reviewed.map((a) => {
      const review = reviews.get(a.componentId);
      return [
        a.componentId,
        review
          ? {
              state: reviewState(a),
              comment: review.comment,
              reviewerName: review.reviewerName,
              date: formatDate(review.createdAt),
              // "Verified in November 2026, unchanged since" (ADR 039).
              carriedFrom: review.carriedFrom?.periodLabel ?? null,
            }
          : null,
      ];
    }),
  );
  const canShare = canShareEvidence(principal, sheet.organisation);
  const submissions = assessment ? await listSubmissions(db, { assessmentId: assessment.id }) : [];
  return {
    path: sheetPath(sheet),
    // Browser drafts are keyed by who typed them, so nobody else signing in here sees them.
    userId: sheet.auth.user.id,
    organisation: { id: sheet.organisation.id, name: sheet.organisation.name },
    period: {
      id: sheet.period.id,
      label: sheet.period.label,
      open,
      ...dueOf(sheet.period, submissions),
    },
    charter: {
      version: charter.version,
      domains: charter.domains.map((d) => ({
        number: d.number,
        title: d.title,
        components: d.components.map((c) => ({
          id: c.id,
          title: c.title,
          practices: [...c.practices],
          // The slides' outcome measure for the domain, offered when adding a measure.
          suggestedMeasures: [...d.outcomeMeasures],
        })),
      })),
    },
    componentIds: componentIds(charter),
    levelNames: Object.fromEntries(charter.levels.map((l) => [l.id, l.name])),
    assessment: assessment
      ? {
          id: assessment.id,
          status: assessment.status,
          submittedAt: assessment.submitted_at,
          lastChangedAt: String(assessment.updated_at),
        }
      : null,
    answers: Object.fromEntries(
      [...answers.values()].map((a: SheetAnswer) => [
        a.componentId,
        {
          status: a.status,
          answered: a.answered,
          opportunities: a.opportunities,
          practicesInPlace: a.practicesInPlace,
          version: a.version,
          evidence: a.evidence.map((e) => ({
            // The page needs no hashes: files are reached by their item's download link.
            ...omitHash(evidenceSummary(e)),
            href:
              e.kind === "file" ? `/organisations/${sheet.organisation.id}/evidence/${e.id}` : null,
            shared: e.shared_at !== null,
          })),
          review: reviewViews.get(a.componentId) ?? null,
        },
      ]),
    ),
    editable: sheet.canEdit && open && assessment?.status === "draft",
    canStart: sheet.canEdit && open && !assessment,
    level: assessment ? levelForAssessment(assessment.charter_version, fulfilled) : null,
    verifiedLevel: assessment
      ? levelForAssessment(assessment.charter_version, verifiedFulfilledIds(reviewed))
      : null,
    evidenceMaxMegabytes: Math.floor(appConfig().evidence.maxBytes / (1024 * 1024)),
    can: {
      verify: canVerifyEvidence(principal, sheet.organisation),
      share: canShare,
      downloadBundle: canDownloadEvidenceBundle(principal, sheet.organisation),
    },
    // Champions reuse their organisation's evidence on other components.
    library:
      options.library && sheet.canEdit && open && assessment?.status === "draft"
        ? libraryWithHints(
            options.library.query,
            await searchEvidenceLibrary(db, {
              organisationId: sheet.organisation.id,
              query: options.library.query,
              excludeIds: (answers.get(options.library.componentId)?.evidence ?? []).map(
                (e: { id: number }) => e.id,
              ),
              limit: LIBRARY_SHOWN,
            }),
          )
        : null,
    submissions,
    plan: await loadSheetPlan({ sheet, assessment, answers, charter }),
    // Queries answered without reopening (issue 11, part 6): two notices, kept apart to re-home.
    openQueries: {
      items: canReadOrganisation(principal, sheet.organisation)
        ? await openQueriesNotice(db, {
            organisationId: sheet.organisation.id,
            periodId: sheet.period.id,
          })
        : [],
      mayReply: canReplyToQuery(principal, sheet.organisation),
    },
    reopened: await reopenedNotice(db, { assessmentId: assessment?.id ?? null }),
  };
}

/**
 * When the month's return is due, and how this organisation's return stands
 * against it: on time or late by its first submission (a reopened month sent
 * again keeps the lateness of its first), else not yet due or overdue.
 */
function dueOf(
  period: { dueOn: string; status: "open" | "closed" },
  submissions: ReadonlyArray<{ submittedAt: string }>,
) {
  const first = submissions[0]?.submittedAt ?? null;
  return {
    dueOn: formatDay(period.dueOn),
    phase: periodPhase(period),
    timeliness: returnTimeliness({ firstSubmittedAt: first, dueOn: period.dueOn }),
    firstSubmittedOn: first ? formatDate(first) : null,
  };
}

/** The library as the page shows it: each item's title and what tells it apart. */
function libraryWithHints(query: string, found: { items: LibraryRow[]; total: number }) {
  return {
    query,
    total: found.total,
    items: found.items.map((item) => ({
      id: item.id,
      title: item.title,
      hint: libraryItemHint(item),
    })),
  };
}
