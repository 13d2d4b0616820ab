import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import {
  AwaitingTable,
  RepliesTable,
  UnchangedSinceVerified,
} from "~/components/reviews/ReviewQueueTables";
import { loadReviewQueue, verifyUnchanged } from "./places.$placeId_.reviews.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Awaiting review, ${data?.place.name ?? "place"} – Anchor Charter` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadReviewQueue(request, params);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  return verifyUnchanged(request, params, context);
}

const components = (n: number) => (n === 1 ? "1 component" : `${n} components`);
const organisations = (n: number) => (n === 1 ? "1 organisation" : `${n} organisations`);

/** A steering group's review queue for its place: what awaits them, in the order to take it. */
export default function ReviewQueuePage() {
  const q = useLoaderData<typeof loader>();
  const problem = useActionData<typeof action>();
  const nothing = q.replies.length === 0 && q.components.length === 0;
  return (
    <>
      <ErrorSummary errors={problem?.errors} />
      {q.outcome ? (
        <div
          className="nhsuk-notification-banner nhsuk-notification-banner--success"
          role="alert"
          aria-labelledby="verified-banner-title"
        >
          <div className="nhsuk-notification-banner__header">
            <h2 className="nhsuk-notification-banner__title" id="verified-banner-title">
              Success
            </h2>
          </div>
          <div className="nhsuk-notification-banner__content">
            <p className="nhsuk-notification-banner__heading">
              Verified {components(q.outcome.verified)} unchanged since last verified.
            </p>
            {q.outcome.skipped > 0 ? (
              <p className="nhsuk-body">
                {components(q.outcome.skipped)} changed since you looked, so{" "}
                {q.outcome.skipped === 1 ? "it was" : "they were"} not verified: review{" "}
                {q.outcome.skipped === 1 ? "it" : "them"} below.
              </p>
            ) : null}
          </div>
        </div>
      ) : null}
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">{q.place.name}</span>
        Awaiting review
      </h1>
      {nothing ? (
        <p className="nhsuk-body">
          Nothing awaits review in {q.place.name}: every fulfilled component of each
          organisation&apos;s latest return is reviewed, and no query has a reply waiting.
        </p>
      ) : (
        <>
          <p className="nhsuk-body-l">
            {components(q.components.length)} from {organisations(q.organisations)}
            {q.replies.length
              ? `, and ${q.replies.length === 1 ? "1 reply" : `${q.replies.length} replies`} to queries`
              : ""}
            .
          </p>
          <p className="nhsuk-body">
            This covers each organisation&apos;s latest submitted month in {q.place.name} and the
            system-wide organisations. Work through it in order: each review page has Verify, Query
            and Next.
          </p>
          {q.first ? (
            <Link to={q.first} className="nhsuk-button" draggable={false}>
              Start reviewing
            </Link>
          ) : null}
          {q.unchanged.length ? <UnchangedSinceVerified items={q.unchanged} /> : null}
          {q.replies.length ? (
            <>
              <h2 className="nhsuk-heading-m">Replies to queries</h2>
              <RepliesTable items={q.replies} userId={q.userId} />
            </>
          ) : null}
          {q.components.length ? (
            <>
              <h2 className="nhsuk-heading-m">Components awaiting review</h2>
              <AwaitingTable
                items={q.components}
                caption={`Components awaiting review in ${q.place.name}, in order`}
              />
            </>
          ) : null}
        </>
      )}
      <p className="nhsuk-body">
        <Link to={`/places/${q.place.id}`}>Back to the {q.place.name} summary</Link>
      </p>
    </>
  );
}
