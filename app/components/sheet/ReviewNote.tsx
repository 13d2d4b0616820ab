import { Link } from "@remix-run/react";
import type { SheetAnswerView } from "./types";

type Review = NonNullable<SheetAnswerView["review"]>;

const tags: Record<Review["state"], { text: string; colour: string }> = {
  verified: { text: "Verified", colour: "green" },
  queried: { text: "Queried", colour: "orange" },
  "changed since review": { text: "Changed since review", colour: "grey" },
  "not reviewed": { text: "Not reviewed", colour: "grey" },
};

/**
 * The steering group's latest word on the component, for everyone who reads
 * the sheet (the champion answers a query by changing the component), and the
 * way to review it for those who verify.
 */
export function ReviewNote(props: {
  review: Review | null;
  reviewPath: string | null;
  title: string;
}) {
  const { review, reviewPath } = props;
  if (!review && !reviewPath) return null;
  const tag = review ? tags[review.state] : null;
  return (
    <div className="app-review-note">
      {review && tag && review.carriedFrom && review.state === "verified" ? (
        // Carried forward (ADR 039): the verification was of an earlier month's same answer.
        <p className="nhsuk-body">
          <strong className={`nhsuk-tag nhsuk-tag--${tag.colour}`}>{tag.text}</strong> in{" "}
          {review.carriedFrom} by {review.reviewerName}, unchanged since
        </p>
      ) : review && tag ? (
        <p className="nhsuk-body">
          <strong className={`nhsuk-tag nhsuk-tag--${tag.colour}`}>{tag.text}</strong> by{" "}
          {review.reviewerName} on {review.date}
          {review.comment ? (
            <>
              : <span className="app-wrap-anywhere">{review.comment}</span>
            </>
          ) : null}
        </p>
      ) : null}
      {reviewPath ? (
        <p className="nhsuk-body">
          <Link to={reviewPath}>
            Review the evidence<span className="nhsuk-u-visually-hidden"> for {props.title}</span>
          </Link>
        </p>
      ) : null}
    </div>
  );
}
