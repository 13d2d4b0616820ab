import type { LoaderFunctionArgs } from "@remix-run/node";
import { pdfResponse } from "~/documents/pdf/response.server";
import { reportingSheetPdf } from "~/documents/reporting-sheet-pdf";
import { liveReportingSheet } from "~/documents/reporting-sheet.server";
import { requireSheetReader } from "~/auth/guards.server";
import { safeSegment } from "~/evidence/zip.server";

/** The month as it stands now, as a tagged PDF in the charter's Appendix A layout. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation, period } = await requireSheetReader(request, params);
  const sheet = await liveReportingSheet({ organisation, period });
  return pdfResponse(
    reportingSheetPdf(sheet, new Date()),
    `${safeSegment(organisation.name)} reporting sheet ${safeSegment(period.label)}.pdf`,
  );
}
