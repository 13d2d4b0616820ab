import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { RadioGroup } from "~/components/forms/ChoiceFields";
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
                  {verdictLabels[review.verdict]} by {review.reviewerName} on {review.date}
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
            <RadioGroup
              {...check.field("verdict")}
              legend="Is the evidence enough to show this component is fulfilled?"
              options={[
                { value: "verified", label: "Verified", hint: "The evidence shows it." },
                {
                  value: "queried",
                  label: "Queried",
                  hint: "Ask the champion for more, or about something unclear.",
                },
              ]}
            />
            <TextArea
              {...check.field("comment")}
              label="Comment for the champion"
              hint="Required when you query the evidence."
            />
            <SubmitButton>Save review</SubmitButton>
          </Form>
        ) : (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>Only a component the champion has marked fulfilled can be reviewed.</p>
          </div>
        )}
        <p className="nhsuk-body">
          <Link to={page.sheetPath}>Back to the self-assessment</Link>
        </p>
      </div>
    </div>
  );
}
