import type { LoaderFunctionArgs } from "@remix-run/node";
import { canDownloadEvidenceBundle } from "~/access/policy";
import { loadCharter } from "~/charter/content";
import { periodCharterVersion, periodEvidence } from "~/models/evidence-files.server";
import { forbidden, requireSheetReader } from "~/auth/guards.server";
import { getDb } from "~/models/db.server";
import { attachmentHeaders } from "~/http/downloads.server";
import { appConfig } from "~/utils/env.server";
import { evidenceZipStream, safeSegment } from "~/evidence/zip.server";

/** All of an organisation's evidence for one period, as one ZIP with an index. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { auth, organisation, period } = await requireSheetReader(request, params);
  if (!canDownloadEvidenceBundle(auth.principal, organisation)) forbidden();
  const db = getDb();
  const items = await periodEvidence(db, { organisationId: organisation.id, periodId: period.id });
  const version = await periodCharterVersion(db, {
    organisationId: organisation.id,
    periodId: period.id,
  });
  const charter = loadCharter(version ? { version } : {});
  const stream = evidenceZipStream({ charter, items, dir: appConfig().evidence.dir });
  return new Response(stream, {
    headers: attachmentHeaders({
      fileName: `${safeSegment(organisation.name)} evidence ${safeSegment(period.label)}.zip`,
      mediaType: "application/zip",
    }),
  });
}
