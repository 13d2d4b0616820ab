import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { canShareEvidence } from "~/access/policy";
import { shareSchema } from "~/forms/review";
import { recordAudit } from "~/models/audit.server";
import { getEvidenceItem, setEvidenceShared } from "~/models/shared-practice.server";
import { forbidden, notFound, requireOrganisationReader, routeId } from "~/auth/guards.server";
import { safeRedirectPath } from "~/http/safe-redirect";
import { getDb } from "~/models/db.server";
import { parseForm } from "~/forms/parse";
import { clientIp } from "~/http/request.server";
import { readForm } from "~/http/form-body.server";

/**
 * A champion shares one of the organisation's evidence items with the
 * collaborative (or stops): it then shows as good practice to the place.
 * Buttons on the sheet post here and come back to where they were.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { auth, organisation } = await requireOrganisationReader(request, params.organisationId);
  if (!canShareEvidence(auth.principal, organisation)) {
    forbidden("Only the organisation's champions can share its evidence.");
  }
  const form = parseForm(shareSchema, await readForm(request));
  if (!form.success) throw new Response("Choose whether to share the evidence.", { status: 400 });
  const db = getDb();
  const evidenceId = routeId(params.evidenceId);
  const item = await getEvidenceItem(db, { organisationId: organisation.id, evidenceId });
  if (!item) notFound();
  const shared = form.data.share === "yes";
  const now = new Date();
  await db.transaction().execute(async (trx) => {
    await setEvidenceShared(trx, {
      organisationId: organisation.id,
      evidenceId,
      shared,
      userId: auth.user.id,
      now,
    });
    await recordAudit(trx, {
      actorUserId: auth.user.id,
      action: shared ? "evidence.shared" : "evidence.unshared",
      targetType: "organisation",
      targetId: organisation.id,
      detail: { evidence: item.title },
      ip: clientIp(context),
      now,
    });
  });
  return redirect(
    safeRedirectPath(form.data.returnTo ?? null, `/organisations/${organisation.id}`),
  );
}
