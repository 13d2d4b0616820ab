import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { ReopenForm } from "~/components/sheet/ReopenForm";
import {
  loadReopenPage,
  reopen,
} from "./organisations.$organisationId_.periods.$periodId_.reopen.server";

export const meta: MetaFunction = () => [{ title: "Reopen a self-assessment – Anchor Charter" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadReopenPage(request, params);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  return reopen(request, params, context);
}

/** Where the sheet's Reopen form lands when it is refused (and a page of its own without it). */
export default function Reopen() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors
    ? Object.fromEntries(Object.entries(result.errors).map(([, m]) => ["reopen-reason", m]))
    : undefined;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="nhsuk-heading-l">
          <span className="nhsuk-caption-l">
            {page.organisation.name}, {page.period.label}
          </span>
          Reopen the self-assessment
        </h1>
        {page.reopenable || result ? (
          <ReopenForm
            path={page.path}
            error={errors?.["reopen-reason"]}
            reason={result?.values.reason}
          />
        ) : (
          <p className="nhsuk-body">
            This month&apos;s self-assessment is not submitted, or the month is closed, so there is
            nothing to reopen.
          </p>
        )}
        <p className="nhsuk-body">
          <Link to={page.path}>Back to the self-assessment</Link>
        </p>
      </div>
    </div>
  );
}
