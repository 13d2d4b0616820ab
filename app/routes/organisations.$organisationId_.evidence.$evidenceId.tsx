import type { LoaderFunctionArgs } from "@remix-run/node";
import { getFileEvidence } from "~/models/evidence-files.server";
import { notFound, requireOrganisationReader, routeId } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { appConfig } from "~/utils/env.server";
import { attachmentHeaders } from "~/utils/downloads.server";
import { readEvidenceStream } from "~/utils/evidence-store.server";

/**
 * An uploaded evidence file, for people who may read its organisation. Always
 * a download under the type sniffed at upload, never shown inline, so a file
 * cannot run as a page of this site.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisationReader(request, params.organisationId);
  const file = await getFileEvidence(getDb(), {
    organisationId: organisation.id,
    evidenceId: routeId(params.evidenceId),
  });
  if (!file) notFound();
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
