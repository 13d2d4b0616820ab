import type { AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { canReplyToQuery, canVerifyEvidence } from "~/access/policy";
import { componentById, loadCharter } from "~/charter/content";
import { queryReplySchema } from "~/forms/query-reply";
import { readFormWithFile } from "~/http/form-body.server";
import type { Actor } from "~/models/actor.server";
import type { NewEvidence } from "~/models/component-answers.server";
import { findQuery, recordReply, repliesTo } from "~/models/queries.server";
import { notifyReviewerOfReply } from "~/queries/notify.server";
import { evidenceHref, queryPath } from "~/queries/paths";
import { forbidden, notFound, requireSheetReader, routeId } from "~/auth/guards.server";
import { formatDateTime } from "~/utils/dates";
import { getDb } from "~/models/db.server";
import { appConfig } from "~/utils/env.server";
import { chosenFile, storeUploadedEvidence } from "~/evidence/upload.server";
import { formErrors } from "~/http/form-errors.server";
import { parseForm } from "~/forms/parse";
import { clientIp } from "~/http/request.server";

type Params = LoaderFunctionArgs["params"];

/**
 * A query on a month the person may read (as the sheet: a system reader once
 * it stands submitted). Anything else, or a review that is not a query,
 * answers 404 as if it did not exist.
 */
async function requireQueryReader(request: Request, params: Params) {
  const sheet = await requireSheetReader(request, params);
  const query = await findQuery(getDb(), {
    reviewId: routeId(params.reviewId),
    organisationId: sheet.organisation.id,
    periodId: sheet.period.id,
  });
  if (!query) notFound();
  const component = componentById(
    loadCharter({ version: query.charterVersion }),
    query.componentId,
  );
  if (!component) notFound();
  const sheetPath = `/organisations/${sheet.organisation.id}/periods/${sheet.period.id}`;
  return { ...sheet, query, component, sheetPath };
}

export async function loadQueryPage(request: Request, params: Params) {
  const q = await requireQueryReader(request, params);
  const replies = await repliesTo(getDb(), { reviewIds: [q.query.reviewId] });
  const mayReply = canReplyToQuery(q.auth.principal, q.organisation);
  return {
    organisation: { id: q.organisation.id, name: q.organisation.name },
    period: { label: q.period.label },
    component: { id: q.component.id, title: q.component.title },
    query: {
      comment: q.query.comment,
      reviewerName: q.query.reviewerName,
      queriedAt: formatDateTime(q.query.queriedAt),
      open: q.query.open,
      submitted: q.query.assessmentStatus === "submitted",
    },
    replies: replies.map((reply) => ({
      id: reply.id,
      body: reply.body,
      authorName: reply.authorName ?? "Someone who has since left",
      at: formatDateTime(reply.createdAt),
      evidence: reply.evidence
        ? {
            title: reply.evidence.title,
            kind: reply.evidence.kind,
            detail: reply.evidence.kind === "file" ? reply.evidence.fileName : reply.evidence.url,
            href: evidenceHref(q.organisation.id, reply.evidence),
          }
        : null,
    })),
    mayReply: mayReply && q.query.open,
    reviewPath: canVerifyEvidence(q.auth.principal, q.organisation)
      ? `${q.sheetPath}/review/${encodeURIComponent(q.component.id)}`
      : null,
    sheetPath: q.sheetPath,
    maxMegabytes: Math.floor(appConfig().evidence.maxBytes / (1024 * 1024)),
  };
}

/**
 * A champion's reply. Allowed on a submitted (even a closed) month: it is
 * recorded against the query, so the month is not reopened and its snapshot
 * stays as sent. Bad input is answered 400 with messages and stores nothing
 * (a file is checked before any row is written).
 */
export async function replyToQuery(request: Request, params: Params, context: AppLoadContext) {
  const q = await requireQueryReader(request, params);
  if (!canReplyToQuery(q.auth.principal, q.organisation)) {
    forbidden("Only the organisation's champions can reply to a query.");
  }
  const { evidence: evidenceConfig } = appConfig();
  const read = await readFormWithFile(request, evidenceConfig.maxBytes);
  if (!read.ok) return formErrors({ file: read.problem }, { evidence: "file" }, { status: 413 });
  const form = parseForm(queryReplySchema, read.formData);
  if (!form.success) return formErrors(form.errors, form.values);
  if (!q.query.open) {
    return formErrors(
      { body: "This query has been answered by a later review, so it cannot take a reply" },
      form.values,
      { status: 409 },
    );
  }
  const db = getDb();
  let evidence: NewEvidence | null = null;
  if (form.data.evidence === "link") {
    evidence = { kind: "link", title: form.data.title, url: form.data.url };
  } else if (form.data.evidence === "file") {
    const chosen = chosenFile(read.formData, "file");
    const stored = chosen
      ? await storeUploadedEvidence(db, { file: chosen, dir: evidenceConfig.dir })
      : ({ ok: false, problem: "Select a file to upload" } as const);
    if (!stored.ok) return formErrors({ file: stored.problem }, form.values);
    evidence = { kind: "file", title: form.data.title, file: stored.file };
  }
  const actor: Actor = { userId: q.auth.user.id, ip: clientIp(context), now: new Date() };
  const result = await recordReply(db, {
    reviewId: q.query.reviewId,
    organisationId: q.organisation.id,
    assessmentId: q.query.assessmentId,
    componentId: q.component.id,
    periodLabel: q.period.label,
    body: form.data.body,
    evidence,
    actor,
  });
  if (result.outcome === "closed") {
    return formErrors(
      { body: "This query has been answered by a later review, so it cannot take a reply" },
      form.values,
      { status: 409 },
    );
  }
  // After the commit: the reply stands whether or not the email goes.
  await notifyReviewerOfReply(db, {
    request,
    organisation: q.organisation,
    period: q.period,
    assessmentId: q.query.assessmentId,
    component: q.component,
    reviewId: q.query.reviewId,
    reviewer: {
      id: q.query.reviewerId,
      name: q.query.reviewerName,
      email: q.query.reviewerEmail,
      deactivated: q.query.reviewerDeactivatedAt !== null,
    },
    champion: { id: q.auth.user.id, name: q.auth.user.name },
    ip: actor.ip,
  });
  const path = queryPath({
    organisationId: q.organisation.id,
    periodId: q.period.id,
    reviewId: q.query.reviewId,
  });
  return redirect(`${path}?replied=1#reply-${result.replyId}`);
}
