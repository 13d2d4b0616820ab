import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireSheetReader, requireSubmissionReader } from "~/auth/guards.server";
import { safeSegment } from "~/evidence/zip.server";
import { renderDocx } from "./docx/render-docx.server";
import type { DocumentFormat } from "./formats";
import { renderPdf } from "./pdf/render-pdf.server";
import type { ReportingSheet } from "./reporting-sheet";
import { reportingSheetDocument } from "./reporting-sheet-document";
import { liveReportingSheet, submittedReportingSheet } from "./reporting-sheet.server";
import { documentResponse } from "./response.server";
import { getDb } from "~/models/db.server";
import { documentMarking } from "~/models/settings.server";

/**
 * The loaders of the sheet's downloads, one per kind and format: the month
 * as it stands and a past submission, each as PDF and as Word, from the one
 * block model through the one renderer of each format. Each checks its
 * reader first, exactly as the sheet's page does.
 */

async function download(sheet: ReportingSheet, name: string, format: DocumentFormat) {
  const marking = (await documentMarking(getDb())) ?? undefined;
  const model = reportingSheetDocument(sheet, new Date(), { marking });
  const bytes = format === "pdf" ? await renderPdf(model) : await renderDocx(model);
  return documentResponse(bytes, `${name}.${format}`, format);
}

/** The month as it stands now. */
export const liveSheetDownload =
  (format: DocumentFormat) =>
  async ({ request, params }: LoaderFunctionArgs) => {
    const { organisation, period } = await requireSheetReader(request, params);
    const sheet = await liveReportingSheet({ organisation, period });
    const name = `${safeSegment(organisation.name)} reporting sheet ${safeSegment(period.label)}`;
    return download(sheet, name, format);
  };

/** A past submission, from its frozen snapshot, whatever the month holds now. */
export const submissionDownload =
  (format: DocumentFormat) =>
  async ({ request, params }: LoaderFunctionArgs) => {
    const { organisation, submission } = await requireSubmissionReader(request, params);
    const sheet = submittedReportingSheet({ organisation, submission });
    const day = submission.submittedAt.slice(0, 10);
    const period = safeSegment(submission.periodLabel);
    return download(
      sheet,
      `${safeSegment(organisation.name)} reporting sheet ${period} submitted ${day}`,
      format,
    );
  };
