import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ReportingSheetView } from "~/components/documents/ReportingSheetView";
import { submittedReportingSheet } from "~/documents/reporting-sheet.server";
import { recentSubmissions } from "~/models/submissions.server";
import sheetStyles from "~/styles/reporting-sheet.css?url";
import { requireSubmissionReader } from "~/auth/guards.server";
import { getDb } from "~/models/db.server";
import { loadCharter } from "~/charter/content";
import { formatDateTimeWithSeconds } from "~/utils/dates";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: sheetStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.sheet.title ?? "Submission"} (submitted) – Anchor Charter` },
];

/** How many of the organisation's other submissions are offered. */
const OTHERS = 24;

/** A past submission from its frozen snapshot: what was sent, even if the month has changed since. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation, submission } = await requireSubmissionReader(request, params);
  const charter = loadCharter();
  const others = await recentSubmissions(getDb(), {
    organisationId: organisation.id,
    limit: OTHERS + 1,
  });
  return {
    organisationId: organisation.id,
    pdfPath: `/organisations/${organisation.id}/submissions/${submission.id}.pdf`,
    docxPath: `/organisations/${organisation.id}/submissions/${submission.id}.docx`,
    sheet: submittedReportingSheet({ organisation, submission }),
    others: others
      .filter((s) => s.id !== submission.id)
      .slice(0, OTHERS)
      .map((s) => ({
        href: `/organisations/${organisation.id}/submissions/${s.id}`,
        periodLabel: s.periodLabel,
        submittedAt: formatDateTimeWithSeconds(s.submittedAt),
        submittedBy: s.submittedBy,
        sequence: s.sequence,
        levelName: charter.levels.find((l) => l.id === s.level)?.name ?? "No level yet",
      })),
  };
}

export default function SubmissionPage() {
  const page = useLoaderData<typeof loader>();
  const { sheet } = page;
  return (
    <>
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">
          {sheet.organisationName}, {sheet.periodLabel}
        </span>
        Reporting sheet as submitted
      </h1>
      {sheet.submission ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            This is what {sheet.submission.submittedBy} submitted on{" "}
            {formatDateTimeWithSeconds(sheet.submission.submittedAt)}. It does not change if the
            month is reopened and changed later.
          </p>
        </div>
      ) : null}
      <ul className="nhsuk-list app-no-print">
        <li>
          <a href={page.pdfPath} download>
            Download this submission (PDF)
          </a>
        </li>
        <li>
          <a href={page.docxPath} download>
            Download this submission (Word)
          </a>
        </li>
        <li>
          <a href="#other-submissions">Other submissions</a>
        </li>
        <li>
          <Link to={`/organisations/${page.organisationId}`}>Back to {sheet.organisationName}</Link>
        </li>
      </ul>
      <ReportingSheetView sheet={sheet} organisationId={page.organisationId} />
      <section className="app-no-print" aria-labelledby="other-submissions">
        <h2 className="nhsuk-heading-m" id="other-submissions">
          Other submissions
        </h2>
        {page.others.length ? (
          <ul className="nhsuk-list">
            {page.others.map((s) => (
              <li key={s.href}>
                <Link to={s.href}>
                  {s.periodLabel}, submission {s.sequence}: submitted by {s.submittedBy} on{" "}
                  {s.submittedAt}
                </Link>
                , {s.levelName}
              </li>
            ))}
          </ul>
        ) : (
          <p className="nhsuk-body">{sheet.organisationName} has made no other submission.</p>
        )}
      </section>
    </>
  );
}
