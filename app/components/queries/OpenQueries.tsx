import { Link } from "@remix-run/react";
import type { OpenQueryView } from "~/queries/notice.server";

/**
 * The steering group's open queries, for the organisation's champions to
 * answer (and for others who read its drafts, to follow). Nothing shows when
 * there are none: the page has nothing to ask of anyone.
 */
export function OpenQueries(props: {
  queries: OpenQueryView[];
  mayReply: boolean;
  /** The month's page names no month in each line; the organisation's page does. */
  showPeriod: boolean;
}) {
  const { queries } = props;
  if (!queries.length) return null;
  const heading =
    queries.length === 1
      ? "The steering group has queried 1 component"
      : `The steering group has queried ${queries.length} components`;
  return (
    <section className="nhsuk-warning-callout" aria-labelledby="open-queries-heading">
      <h2 className="nhsuk-warning-callout__label" id="open-queries-heading">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>
          {heading}
        </span>
      </h2>
      <p>
        {props.mayReply
          ? "Reply to each query, with new evidence if you have it. A submitted month does not need reopening."
          : "The organisation's champions have been asked to reply."}
      </p>
      <ul className="nhsuk-list">
        {queries.map((q) => (
          <li key={q.reviewId}>
            <Link to={q.href}>
              {props.mayReply ? "Reply to the query on " : "Read the query on "}
              {q.component}
              {props.showPeriod ? ` (${q.periodLabel})` : ""}
            </Link>
            <br />
            <span className="nhsuk-body-s">
              {q.reviewerName} asked on {q.queriedAt}:{" "}
              <span className="app-wrap-anywhere">{q.comment}</span>
              {q.replies > 0 && q.lastReplyAt
                ? ` ${q.replies === 1 ? "1 reply" : `${q.replies} replies`}, the last on ${q.lastReplyAt}.`
                : " No reply yet."}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
