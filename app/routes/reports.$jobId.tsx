import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { formatNames } from "~/documents/formats";
import { formatDateTime } from "~/utils/dates";
import { yearLabel } from "~/periods/reporting-year";
import { requireReportJobReader } from "~/reports/access.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${data ? `Annual report ${data.year}, ${data.scopeName}` : "Annual report"} – Anchor Charter`,
  },
];

/** Seconds between looks while a report is being built. */
const REFRESH_SECONDS = 3;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { job, scopeName } = await requireReportJobReader(request, params.jobId);
  return {
    id: job.id,
    scopeName,
    year: yearLabel({ kind: job.year_kind, start: job.year }),
    provisional: job.provisional === 1,
    format: formatNames[job.format],
    status: job.status,
    progress: job.progress,
    requestedAt: formatDateTime(job.created_at),
    finishedAt: job.finished_at ? formatDateTime(job.finished_at) : null,
    size: job.file_size,
    replaced: job.status === "done" && !job.stored_as,
    error: job.error,
  };
}

const working = (status: string) => status === "queued" || status === "running";

/**
 * A report's progress. Without JavaScript the page reloads itself every few
 * seconds while the report is built (a refresh inside <noscript>, which only
 * a browser without scripting reads); with JavaScript it asks again in place
 * and a polite live region says how far it has got.
 */
export default function ReportStatusPage() {
  const job = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  const busy = working(job.status);
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, REFRESH_SECONDS * 1000);
    return () => clearInterval(timer);
  }, [busy, revalidator]);
  // Announced in tens, so a screen reader is not talked over every few seconds.
  const spoken = Math.floor(job.progress / 10) * 10;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {busy ? (
          <noscript>
            <meta httpEquiv="refresh" content={String(REFRESH_SECONDS)} />
          </noscript>
        ) : null}
        <h1 className="nhsuk-heading-l">
          <span className="nhsuk-caption-l">{job.scopeName}</span>
          Annual report {job.year}
          {job.provisional ? ", provisional" : ""} ({job.format})
        </h1>
        <p className="nhsuk-body">Asked for {job.requestedAt}.</p>
        {busy ? (
          <>
            <label className="nhsuk-label" htmlFor="report-progress">
              {job.status === "queued" ? "Waiting to start" : "Building the report"}
            </label>
            <progress id="report-progress" max={100} value={job.progress} className="app-progress">
              {job.progress}%
            </progress>
            <p className="nhsuk-body" role="status" aria-live="polite">
              {job.status === "queued" ? "Waiting to start." : `${spoken}% done.`}
            </p>
            <p className="nhsuk-body">
              You can leave this page: the report goes on being built, and this page will offer it
              once it is ready.
            </p>
          </>
        ) : job.status === "done" && !job.replaced ? (
          <div role="status">
            <p className="nhsuk-body">Ready since {job.finishedAt}.</p>
            <p className="nhsuk-body">
              <a className="nhsuk-button" href={`/reports/${job.id}/download`} download>
                Download the report ({job.format}
                {job.size ? `, ${Math.max(1, Math.round(job.size / 1024))} KB` : ""})
              </a>
            </p>
          </div>
        ) : job.status === "done" ? (
          <p className="nhsuk-body">
            This report has been replaced by a newer one.{" "}
            <a href={`/reports/${job.id}/download`}>Download the newest</a>.
          </p>
        ) : (
          <div className="nhsuk-error-summary" role="alert" tabIndex={-1}>
            <h2 className="nhsuk-error-summary__heading">The report could not be built</h2>
            <div className="nhsuk-error-summary__body">
              <p>It was tried three times. Try again later, or tell an administrator.</p>
            </div>
          </div>
        )}
        <p className="nhsuk-body">
          <Link to="/reports">Build another report</Link>
        </p>
      </div>
    </div>
  );
}
