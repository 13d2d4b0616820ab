import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { refusal } from "~/http/refusal";
import { latestFinishedJob } from "~/models/report-jobs.server";
import { contentTypes } from "~/documents/formats";
import { readReportFile, reportsDirIn } from "~/reports/report-store.server";
import { getDb } from "~/models/db.server";
import { attachmentHeaders } from "~/http/downloads.server";
import { appConfig } from "~/utils/env.server";
import { requireReportJobReader } from "~/reports/access.server";

/**
 * A finished report, for whoever may read its scope now (checked again on
 * every download, not only when it was asked for). A report replaced by a
 * newer build of the same scope, year and format sends the reader to that
 * one; one still being built is refused in words.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { job } = await requireReportJobReader(request, params.jobId);
  if (job.status !== "done") {
    throw refusal(409, "This report is not ready yet. Its page shows how far it has got.");
  }
  if (!job.stored_as || !job.file_name) {
    const newer = await latestFinishedJob(getDb(), job);
    if (newer && newer.id !== job.id) throw redirect(`/reports/${newer.id}/download`);
    throw refusal(
      410,
      "This report has been replaced. Build it again from the annual report page.",
    );
  }
  const body = readReportFile(reportsDirIn(appConfig().evidence.dir), job.stored_as);
  if (!body) throw refusal(410, "This report is missing from storage. Build it again.");
  return new Response(body, {
    headers: attachmentHeaders({
      fileName: job.file_name,
      mediaType: contentTypes[job.format],
      size: job.file_size ?? undefined,
    }),
  });
}
