import { type AppLoadContext, redirect } from "@remix-run/node";
import { requirePlaceReviewer } from "~/auth/guards.server";
import { componentById, loadCharter } from "~/charter/content";
import { parseForm } from "~/forms/parse";
import { verifyUnchangedSchema } from "~/forms/review";
import { readForm } from "~/http/form-body.server";
import { formErrors } from "~/http/form-errors.server";
import { clientIp } from "~/http/request.server";
import { getDb } from "~/models/db.server";
import { reviewQueue, unchangedSinceLastVerified } from "~/models/review-queue.server";
import { placeQueuePath } from "~/reviews/paths";
import { placeScope, queueView } from "~/reviews/queue.server";
import { recordVerdict } from "~/reviews/record.server";

type Params = { placeId?: string };

/** What a count in the address says was just done: whole numbers only. */
function outcomeFrom(url: URL) {
  const count = (name: string) => {
    const value = url.searchParams.get(name);
    return value && /^\d{1,6}$/.test(value) ? Number(value) : null;
  };
  const verified = count("verified");
  return verified === null ? null : { verified, skipped: count("skipped") ?? 0 };
}

/** The place's review queue: replies first, then each return's components in order. */
export async function loadReviewQueue(request: Request, params: Params) {
  const { auth, place } = await requirePlaceReviewer(request, params.placeId);
  const db = getDb();
  const items = await queueView(db, await placeScope(db, place), {
    kind: "place",
    placeId: place.id,
  });
  const replies = items.filter((i) => i.isReply);
  const components = items.filter((i) => !i.isReply);
  return {
    place: { id: place.id, name: place.name },
    userId: auth.user.id,
    replies,
    components,
    unchanged: components.filter((i) => i.unchangedSince),
    organisations: new Set(components.map((i) => i.organisationId)).size,
    first: items[0]?.path ?? null,
    outcome: outcomeFrom(new URL(request.url)),
  };
}

/**
 * Verifies, in one press, every component the reviewer was shown as unchanged
 * since a month the steering group verified: each only if it still stands as
 * it was shown (same answer version and evidence), each its own review and
 * audit row, exactly as verifying it on its page would record it.
 */
export async function verifyUnchanged(request: Request, params: Params, context: AppLoadContext) {
  const { auth, place } = await requirePlaceReviewer(request, params.placeId);
  const form = parseForm(verifyUnchangedSchema, await readForm(request));
  if (!form.success) return formErrors(form.errors, form.values);
  const db = getDb();
  const items = await reviewQueue(db, await placeScope(db, place));
  const before = await unchangedSinceLastVerified(db, items);
  const charter = loadCharter();
  let verified = 0;
  for (const token of form.data.items) {
    const [answerId, version, evidence] = token.split(":");
    const item = items.find((i) => String(i.answerId) === answerId);
    const since = item ? before.get(item.answerId) : undefined;
    const sameAsShown =
      item &&
      String(item.version) === version &&
      [...item.evidenceIds].sort((a, b) => a - b).join(".") === evidence;
    if (!item || !since || !sameAsShown) continue;
    await recordVerdict(db, {
      request,
      organisation: {
        id: item.organisationId,
        name: item.organisationName,
        systemId: place.systemId,
      },
      period: { id: item.periodId, label: item.periodLabel },
      component: {
        id: item.componentId,
        title: componentById(charter, item.componentId)?.title ?? item.componentId,
      },
      answer: {
        id: item.answerId,
        version: item.version,
        evidenceIds: item.evidenceIds,
        assessmentId: item.assessmentId,
      },
      reviewer: { id: auth.user.id, name: auth.user.name },
      verdict: "verified",
      comment: `Unchanged since verified in ${since.periodLabel}.`,
      unchangedSince: since.periodLabel,
      ip: clientIp(context),
    });
    verified += 1;
  }
  const query = new URLSearchParams({
    verified: String(verified),
    skipped: String(form.data.items.length - verified),
  });
  return redirect(`${placeQueuePath(place.id)}?${query}`);
}
