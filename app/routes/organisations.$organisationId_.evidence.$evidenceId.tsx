import type { LoaderFunctionArgs } from "@remix-run/node";
import { backsSubmittedMonth, getFileEvidence } from "~/models/evidence-files.server";
import { canReadEvidence, canReadOrganisation, canReadSharedEvidence } from "~/access/policy";
import { getOrganisation } from "~/models/organisations.server";
import { notFound, requireUser, routeId } from "~/auth/guards.server";
import { getDb } from "~/models/db.server";
import { appConfig } from "~/utils/env.server";
import { attachmentHeaders } from "~/http/downloads.server";
import { readEvidenceStream } from "~/evidence/store.server";

/**
 * An uploaded evidence file, for people who may read its organisation (a
 * system reader once it backs a submitted month), or the place's
 * collaborative once it is shared as good practice. Always a download
 * under the type sniffed at upload, never shown inline, so a file cannot run
 * as a page of this site. Anything else is 404, as if it did not exist.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requireUser(request);
  const db = getDb();
  const organisation = await getOrganisation(db, { id: routeId(params.organisationId) });
  if (!organisation) notFound();
  const file = await getFileEvidence(db, {
    organisationId: organisation.id,
    evidenceId: routeId(params.evidenceId),
  });
  const allowed =
    file &&
    (canReadOrganisation(auth.principal, organisation) ||
      (file.sharedAt && canReadSharedEvidence(auth.principal, organisation)) ||
      canReadEvidence(auth.principal, organisation, {
        backsSubmittedMonth: await backsSubmittedMonth(db, { evidenceId: file.id }),
      }));
  if (!file || !allowed) notFound();
  const body = readEvidenceStream(appConfig().evidence.dir, file.sha256);
  if (!body) throw new Response("This file is missing from storage.", { status: 410 });
  return new Response(body, {
    headers: attachmentHeaders({
      fileName: file.fileName ?? "evidence",
      mediaType: file.mediaType,
      size: file.size,
    }),
  });
}
