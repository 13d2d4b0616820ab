import type { AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { canVerifyEvidence, overseenPlaceIds } from "~/access/policy";
import { evidenceKey } from "~/charter/verification";
import { componentById, loadCharter } from "~/charter/content";
import { reviewSchema } from "~/forms/review";
import { repliesTo } from "~/models/queries.server";
import type { QueueScope } from "~/models/review-queue.server";
import { type QueueRef, placeQueuePath, queueFrom } from "~/reviews/paths";
import { nextInQueue, placeScope } from "~/reviews/queue.server";
import { recordVerdict } from "~/reviews/record.server";
import { evidenceHref, queryPath } from "~/queries/paths";
import { formatDateTime } from "~/utils/dates";
import { periodEvidence, type PeriodEvidence } from "~/models/evidence-files.server";
import { findComponentAnswer, reviewsOfAssessment } from "~/models/reviews.server";
import { forbidden, notFound, requireSheetReader } from "~/auth/guards.server";
import { getDb } from "~/models/db.server";
import { formErrors } from "~/http/form-errors.server";
import { parseForm } from "~/forms/parse";
import { measureText } from "~/utils/measure-text";
import { clientIp } from "~/http/request.server";
import { readForm } from "~/http/form-body.server";

type Params = LoaderFunctionArgs["params"];

const statusLabels: Record<string, string> = {
  not_started: "not started",
  in_progress: "in progress",
  fulfilled: "fulfilled",
};

/** The component of a month's sheet that a steering group member may review; 403 for others. */
async function requireReviewer(request: Request, params: Params) {
  const { auth, organisation, period } = await requireSheetReader(request, params);
  if (!canVerifyEvidence(auth.principal, organisation)) {
    forbidden("Only the place's steering group can verify evidence.");
  }
  const db = getDb();
  const answer = await findComponentAnswer(db, {
    organisationId: organisation.id,
    periodId: period.id,
    componentId: params.componentId ?? "",
  });
  if (!answer) notFound();
  const component = componentById(
    loadCharter({ version: answer.charterVersion }),
    params.componentId ?? "",
  );
  if (!component) notFound();
  const sheetPath = `/organisations/${organisation.id}/periods/${period.id}`;
  return { auth, organisation, period, answer, component, sheetPath };
}

type Reviewer = Awaited<ReturnType<typeof requireReviewer>>;

/**
 * The queue this review page follows for "Next": the place's, when it was
 * opened from a place's queue the reviewer works; otherwise the month's.
 */
async function queueOf(request: Request, r: Reviewer) {
  const asked = queueFrom(new URL(request.url));
  const month: { ref: QueueRef; scope: QueueScope; home: string } = {
    ref: { kind: "month" },
    scope: { kind: "month", organisationId: r.organisation.id, periodId: r.period.id },
    home: r.sheetPath,
  };
  if (asked?.kind !== "place" || !overseenPlaceIds(r.auth.principal).includes(asked.placeId)) {
    return month;
  }
  const place = { id: asked.placeId, systemId: r.organisation.systemId };
  return { ref: asked, scope: await placeScope(getDb(), place), home: placeQueuePath(place.id) };
}

async function nextOf(request: Request, r: Reviewer) {
  const queue = await queueOf(request, r);
  const next = await nextInQueue(getDb(), {
    scope: queue.scope,
    queue: queue.ref,
    current: {
      organisationId: r.organisation.id,
      periodId: r.period.id,
      componentId: r.component.id,
    },
  });
  return { next, home: queue.home, isPlace: queue.ref.kind === "place" };
}

function evidenceView(organisationId: number, item: PeriodEvidence) {
  const details =
    item.kind === "narrative"
      ? item.body
      : item.kind === "measure"
        ? measureText(item.measure)
        : item.kind === "file"
          ? item.file?.name
          : item.url;
  const href =
    item.kind === "file"
      ? `/organisations/${organisationId}/evidence/${item.id}`
      : item.kind === "link" && item.url && /^https?:\/\//i.test(item.url)
        ? item.url
        : null;
  return { id: item.id, kind: item.kind, title: item.title, details: details ?? "", href };
}

export async function loadReviewPage(request: Request, params: Params) {
  const r = await requireReviewer(request, params);
  const db = getDb();
  const evidence = await periodEvidence(db, {
    organisationId: r.organisation.id,
    periodId: r.period.id,
  });
  const reviews = await reviewsOfAssessment(db, { assessmentId: r.answer.assessmentId });
  const ofComponent = reviews.filter((review) => review.componentId === r.component.id);
  // The newest review applies; when it is a query, its replies are what the reviewer reads next.
  const latest = ofComponent[0];
  const openQuery =
    latest && latest.verdict === "queried"
      ? {
          reviewId: latest.id,
          comment: latest.comment,
          reviewerName: latest.reviewerName,
          at: formatDateTime(latest.createdAt),
          replies: (await repliesTo(db, { reviewIds: [latest.id] })).map((reply) => ({
            id: reply.id,
            body: reply.body,
            authorName: reply.authorName ?? "Someone who has since left",
            at: formatDateTime(reply.createdAt),
            evidence: reply.evidence
              ? {
                  title: reply.evidence.title,
                  kind: reply.evidence.kind,
                  detail:
                    reply.evidence.kind === "file" ? reply.evidence.fileName : reply.evidence.url,
                  href: evidenceHref(r.organisation.id, reply.evidence),
                }
              : null,
          })),
          path: queryPath({
            organisationId: r.organisation.id,
            periodId: r.period.id,
            reviewId: latest.id,
          }),
        }
      : null;
  const queue = await nextOf(request, r);
  return {
    openQuery,
    next: queue.next,
    queueHome: { path: queue.home, isPlace: queue.isPlace },
    organisation: { name: r.organisation.name },
    period: { label: r.period.label },
    component: { id: r.component.id, title: r.component.title },
    statusLabel: statusLabels[r.answer.status] ?? r.answer.status,
    reviewable: r.answer.status === "fulfilled",
    answerVersion: r.answer.version,
    evidenceKey: evidenceKey(r.answer.evidenceIds),
    evidence: evidence
      .filter((item) => item.componentIds.includes(r.component.id))
      .map((item) => evidenceView(r.organisation.id, item)),
    reviews: ofComponent.map((review) => ({
      verdict: review.verdict,
      comment: review.comment,
      reviewerName: review.reviewerName,
      date: formatDateTime(review.createdAt),
      outdated:
        review.answerVersion !== r.answer.version ||
        (review.evidenceKey !== null && review.evidenceKey !== evidenceKey(r.answer.evidenceIds)),
      carriedFrom: review.carriedFrom
        ? {
            periodLabel: review.carriedFrom.periodLabel,
            verifiedAt: formatDateTime(review.carriedFrom.verifiedAt),
          }
        : null,
    })),
    sheetPath: r.sheetPath,
  };
}

export async function saveReview(request: Request, params: Params, context: AppLoadContext) {
  const r = await requireReviewer(request, params);
  const form = parseForm(reviewSchema, await readForm(request));
  if (!form.success) return formErrors(form.errors, form.values);
  if (r.answer.status !== "fulfilled") {
    return formErrors(
      { verdict: "Only a component the champion has marked fulfilled can be reviewed" },
      form.values,
    );
  }
  const changedSince =
    form.data.answerVersion !== r.answer.version ||
    (form.data.evidenceKey !== undefined &&
      form.data.evidenceKey !== evidenceKey(r.answer.evidenceIds));
  if (changedSince) {
    return formErrors(
      {
        verdict:
          "The champion changed this component while you were reviewing it. Read the evidence again, then save your review",
      },
      form.values,
      { status: 409 },
    );
  }
  // Worked out before the write: once reviewed, this component leaves the queue.
  const queue = await nextOf(request, r);
  await recordVerdict(getDb(), {
    request,
    organisation: r.organisation,
    period: r.period,
    component: r.component,
    answer: { ...r.answer, assessmentId: r.answer.assessmentId },
    reviewer: { id: r.auth.user.id, name: r.auth.user.name },
    verdict: form.data.verdict,
    comment: form.data.comment,
    ip: clientIp(context),
  });
  // From a queue: on to the next item, or back to the queue once none is left.
  if (queueFrom(new URL(request.url))) {
    return redirect(queue.next ?? `${queue.home}${queue.isPlace ? "" : "#awaiting-review"}`);
  }
  // Otherwise back to the month's task list, at the component just reviewed (its tag now says so).
  return redirect(`${r.sheetPath}#task-${r.component.id}-status`);
}
