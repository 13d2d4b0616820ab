import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ReportingSheetView } from "~/components/documents/ReportingSheetView";
import { liveReportingSheet } from "~/documents/reporting-sheet.server";
import sheetStyles from "~/styles/reporting-sheet.css?url";
import { requireSheetReader } from "~/auth/guards.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: sheetStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.sheet.title ?? "Reporting sheet"} – Anchor Charter` },
];

/** The month as it stands now, read-only and printable, in the charter's Appendix A layout. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation, period } = await requireSheetReader(request, params);
  const path = `/organisations/${organisation.id}/periods/${period.id}`;
  return {
    organisationId: organisation.id,
    sheetPath: path,
    pdfPath: `${path}/reporting-sheet.pdf`,
    docxPath: `${path}/reporting-sheet.docx`,
    sheet: await liveReportingSheet({ organisation, period }),
  };
}

export default function ReportingSheetPage() {
  const page = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">
          {page.sheet.organisationName}, {page.sheet.periodLabel}
        </span>
        Reporting sheet
      </h1>
      <p className="nhsuk-body-l">This is the month as it stands now.</p>
      <ul className="nhsuk-list app-no-print">
        <li>
          <a href={page.pdfPath} download>
            Download the reporting sheet (PDF)
          </a>
        </li>
        <li>
          <a href={page.docxPath} download>
            Download the reporting sheet (Word)
          </a>
        </li>
        <li>
          <Link to={page.sheetPath}>Back to the self-assessment</Link>
        </li>
      </ul>
      <ReportingSheetView sheet={page.sheet} organisationId={page.organisationId} />
    </>
  );
}
