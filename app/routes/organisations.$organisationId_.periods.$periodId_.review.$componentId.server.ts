import type { AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { canVerifyEvidence } from "~/access/policy";
import { componentById, loadCharter } from "~/charter/content";
import { reviewSchema } from "~/forms/review";
import { recordAudit } from "~/models/audit.server";
import { repliesTo } from "~/models/queries.server";
import { notifyChampionsOfQuery } from "~/queries/notify.server";
import { evidenceHref, queryPath } from "~/queries/paths";
import { formatDateTime } from "~/utils/dates";
import { periodEvidence, type PeriodEvidence } from "~/models/evidence-files.server";
import { findComponentAnswer, recordReview, reviewsOfAssessment } from "~/models/reviews.server";
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
  return {
    openQuery,
    organisation: { name: r.organisation.name },
    period: { label: r.period.label },
    component: { id: r.component.id, title: r.component.title },
    statusLabel: statusLabels[r.answer.status] ?? r.answer.status,
    reviewable: r.answer.status === "fulfilled",
    answerVersion: r.answer.version,
    evidence: evidence
      .filter((item) => item.componentIds.includes(r.component.id))
      .map((item) => evidenceView(r.organisation.id, item)),
    reviews: ofComponent.map((review) => ({
      verdict: review.verdict,
      comment: review.comment,
      reviewerName: review.reviewerName,
      date: formatDateTime(review.createdAt),
      outdated: review.answerVersion !== r.answer.version,
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
  if (form.data.answerVersion !== r.answer.version) {
    return formErrors(
      {
        verdict:
          "The champion changed this component while you were reviewing it. Read the evidence again, then save your review",
      },
      form.values,
      { status: 409 },
    );
  }
  const now = new Date();
  const db = getDb();
  const reviewId = await db.transaction().execute(async (trx) => {
    const id = await recordReview(trx, {
      componentAnswerId: r.answer.id,
      answerVersion: r.answer.version,
      reviewerId: r.auth.user.id,
      verdict: form.data.verdict,
      comment: form.data.comment,
      now,
    });
    await recordAudit(trx, {
      actorUserId: r.auth.user.id,
      action: "component.reviewed",
      targetType: "organisation",
      targetId: r.organisation.id,
      detail: {
        period: r.period.label,
        component: r.component.id,
        verdict: form.data.verdict,
        review: id,
      },
      ip: clientIp(context),
      now,
    });
    return id;
  });
  if (form.data.verdict === "queried") {
    // After the commit: the query stands whether or not the emails go.
    await notifyChampionsOfQuery(db, {
      request,
      organisation: r.organisation,
      period: r.period,
      assessmentId: r.answer.assessmentId,
      component: r.component,
      reviewId,
      reviewer: { id: r.auth.user.id, name: r.auth.user.name },
      ip: clientIp(context),
    });
  }
  // Back to the month's task list, at the component just reviewed (its tag now says so).
  return redirect(`${r.sheetPath}#task-${r.component.id}-status`);
}
