import { Link } from "@remix-run/react";
import type { QueueItemView } from "~/reviews/queue.server";

/**
 * For the steering group on a month's overview: what of this month awaits
 * their review, in order, and the way into it (issue 20). Nothing for others.
 */
export function AwaitingReviewInMonth(props: { awaiting: QueueItemView[] | null }) {
  const items = props.awaiting;
  if (!items) return null;
  if (!items.length) {
    return (
      <p className="nhsuk-body" id="awaiting-review">
        Nothing in this month awaits your review.
      </p>
    );
  }
  return (
    <section className="nhsuk-inset-text" aria-labelledby="awaiting-review" tabIndex={-1}>
      <h2 className="nhsuk-heading-s" id="awaiting-review">
        {items.length === 1 ? "1 component awaits" : `${items.length} components await`} review
      </h2>
      <ol className="nhsuk-list nhsuk-list--number">
        {items.map((item) => (
          <li key={item.key}>
            <Link to={item.path}>
              {item.componentId} {item.componentTitle}
            </Link>
            : {item.why.toLowerCase()}
            {item.unchangedSince
              ? `, unchanged since verified in ${item.unchangedSince.periodLabel}`
              : ""}
          </li>
        ))}
      </ol>
      <Link to={items[0]!.path} className="nhsuk-button nhsuk-u-margin-bottom-0" draggable={false}>
        Review them in order
      </Link>
    </section>
  );
}
