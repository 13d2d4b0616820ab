import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { QueryReplies } from "~/components/queries/QueryReplies";
import { QueryReplyForm } from "~/components/queries/QueryReplyForm";
import {
  loadQueryPage,
  replyToQuery,
} from "./organisations.$organisationId_.periods.$periodId_.queries.$reviewId.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Query on ${data?.component.id ?? "a component"} – Anchor Charter` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadQueryPage(request, params);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  return replyToQuery(request, params, context);
}

/** A steering group's query on one component, its replies, and (for champions) a reply form. */
export default function QueryPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {/* With a reply form, its own summary says what is wrong; without one (closed), this does. */}
        {page.mayReply ? null : <ErrorSummary errors={result?.errors} />}
        {search.get("replied") && !result ? (
          <div className="nhsuk-inset-text" role="status">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>Your reply has been sent to the steering group.</p>
          </div>
        ) : null}
        <h1 className="nhsuk-heading-l">
          <span className="nhsuk-caption-l">
            {page.organisation.name}, {page.period.label}
          </span>
          Query on {page.component.id} {page.component.title}
        </h1>
        <div className="nhsuk-card">
          <div className="nhsuk-card__content">
            <h2 className="nhsuk-card__heading nhsuk-heading-s">
              {page.query.reviewerName} asked on {page.query.queriedAt}
            </h2>
            <p className="nhsuk-card__description app-wrap-anywhere app-pre-line">
              {page.query.comment}
            </p>
          </div>
        </div>
        {page.query.open ? null : (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>
              The steering group has reviewed this component again since, so this query is closed.
            </p>
          </div>
        )}
        <QueryReplies replies={page.replies} />
        {page.mayReply ? (
          <>
            <h2 className="nhsuk-heading-m">Reply to the query</h2>
            {page.query.submitted ? (
              <p className="nhsuk-body">
                The month stays submitted as it was sent: your reply and any evidence are kept with
                this query for the steering group, without reopening the month.
              </p>
            ) : null}
            <QueryReplyForm
              server={result}
              maxMegabytes={page.maxMegabytes}
              key={page.replies.length}
            />
          </>
        ) : null}
        {page.reviewPath ? (
          <p className="nhsuk-body">
            <Link to={page.reviewPath}>
              Review the evidence
              <span className="nhsuk-u-visually-hidden"> for {page.component.title}</span>
            </Link>
          </p>
        ) : null}
        <p className="nhsuk-body">
          <Link to={page.sheetPath}>Back to {page.period.label}</Link>
        </p>
      </div>
    </div>
  );
}
