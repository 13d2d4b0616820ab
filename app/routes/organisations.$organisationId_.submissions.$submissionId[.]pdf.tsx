import type { LoaderFunctionArgs } from "@remix-run/node";
import { pdfResponse } from "~/documents/pdf/response.server";
import { reportingSheetPdf } from "~/documents/reporting-sheet-pdf";
import { submittedReportingSheet } from "~/documents/reporting-sheet.server";
import { requireSubmissionReader } from "~/auth/guards.server";
import { safeSegment } from "~/evidence/zip.server";

/** A past submission, from its frozen snapshot, as a tagged PDF. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation, submission } = await requireSubmissionReader(request, params);
  const sheet = submittedReportingSheet({ organisation, submission });
  const day = submission.submittedAt.slice(0, 10);
  return pdfResponse(
    reportingSheetPdf(sheet, new Date()),
    `${safeSegment(organisation.name)} reporting sheet ${safeSegment(submission.periodLabel)} submitted ${day}.pdf`,
  );
}
