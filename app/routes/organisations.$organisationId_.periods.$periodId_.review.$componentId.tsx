import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { TextArea } from "~/components/forms/TextArea";
import { QueryReplies } from "~/components/queries/QueryReplies";
import { useValidatedForm } from "~/components/forms/useValidatedForm";
import { reviewSchema, verdictLabels } from "~/forms/review";
import {
  loadReviewPage,
  saveReview,
} from "./organisations.$organisationId_.periods.$periodId_.review.$componentId.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Review ${data?.component.id ?? "component"} – Anchor Charter` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadReviewPage(request, params);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  return saveReview(request, params, context);
}

const evidenceKindLabels: Record<string, string> = {
  narrative: "Narrative",
  link: "Link",
  measure: "Measure",
  file: "File",
};

export default function ReviewComponent() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  // Checked in the browser with the schema the action uses; the server checks again.
  const check = useValidatedForm(reviewSchema, { server: result });
  const { errors } = check;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="nhsuk-heading-l">
          <span className="nhsuk-caption-l">
            {page.organisation.name}, {page.period.label}
          </span>
          Review {page.component.id} {page.component.title}
        </h1>
        <p className="nhsuk-body">
          The champion marked this component <strong>{page.statusLabel}</strong>.
        </p>
        <h2 className="nhsuk-heading-m">Evidence</h2>
        {page.evidence.length === 0 ? (
          <p className="nhsuk-body">No evidence has been added.</p>
        ) : (
          <ul className="nhsuk-list nhsuk-list--bullet">
            {page.evidence.map((item) => (
              <li key={item.id}>
                <strong>{evidenceKindLabels[item.kind]}:</strong> {item.title}
                {item.details ? <span className="app-wrap-anywhere"> – {item.details}</span> : null}
                {item.href ? (
                  <>
                    {" "}
                    <a href={item.href}>
                      {item.kind === "file" ? "Download" : "Open"}
                      <span className="nhsuk-u-visually-hidden"> {item.title}</span>
                    </a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {page.openQuery ? (
          <section aria-labelledby="open-query-heading">
            <h2 className="nhsuk-heading-m" id="open-query-heading">
              The open query
            </h2>
            <p className="nhsuk-body">
              {page.openQuery.reviewerName} asked on {page.openQuery.at}:{" "}
              <span className="app-wrap-anywhere app-pre-line">{page.openQuery.comment}</span>
            </p>
            <QueryReplies replies={page.openQuery.replies} headingLevel={3} />
            <p className="nhsuk-body">
              <Link to={page.openQuery.path}>
                Open the query and its replies on a page of its own
              </Link>
            </p>
          </section>
        ) : null}
        {page.reviews.length ? (
          <>
            <h2 className="nhsuk-heading-m">Earlier reviews</h2>
            <ul className="nhsuk-list">
              {page.reviews.map((review, index) => (
                <li key={index}>
                  {review.carriedFrom
                    ? `Verified in ${review.carriedFrom.periodLabel} by ${review.reviewerName} on ${review.carriedFrom.verifiedAt}, carried forward unchanged`
                    : `${verdictLabels[review.verdict]} by ${review.reviewerName} on ${review.date}`}
                  {review.outdated ? " (the answer has changed since)" : ""}
                  {review.comment ? `: ${review.comment}` : ""}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {page.reviewable ? (
          <Form method="post" noValidate onSubmit={check.onSubmit}>
            <input type="hidden" value={page.answerVersion} {...check.register("answerVersion")} />
            <input type="hidden" value={page.evidenceKey} {...check.register("evidenceKey")} />
            <TextArea
              {...check.field("comment")}
              label="Comment for the champion"
              hint="Required when you query the evidence; optional when you verify it."
            />
            <div className="nhsuk-form-group" id="verdict">
              <p className="nhsuk-body">
                Is the evidence enough to show this component is fulfilled?
              </p>
              {errors.verdict ? (
                <p className="nhsuk-error-message" id="verdict-error">
                  <span className="nhsuk-u-visually-hidden">Error:</span> {errors.verdict}
                </p>
              ) : null}
              <div className="nhsuk-button-group">
                <SubmitButton name="verdict" value="verified">
                  Verify
                </SubmitButton>
                <SubmitButton name="verdict" value="queried" secondary>
                  Query
                </SubmitButton>
              </div>
            </div>
          </Form>
        ) : (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>Only a component the champion has marked fulfilled can be reviewed.</p>
          </div>
        )}
        {page.next ? (
          <p className="nhsuk-body">
            <Link to={page.next} className="nhsuk-link">
              Next
              <span className="nhsuk-u-visually-hidden">
                {" "}
                component awaiting review, leaving this one as it is
              </span>
            </Link>
          </p>
        ) : (
          <p className="nhsuk-body">Nothing else awaits review here.</p>
        )}
        {page.queueHome.isPlace ? (
          <p className="nhsuk-body">
            <Link to={page.queueHome.path}>Back to everything awaiting review</Link>
          </p>
        ) : null}
        <p className="nhsuk-body">
          <Link to={page.sheetPath}>Back to the self-assessment</Link>
        </p>
      </div>
    </div>
  );
}
