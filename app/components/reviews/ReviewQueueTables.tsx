import { Form, Link } from "@remix-run/react";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { ScrollableTable } from "~/components/tables/ScrollableTable";
import { TableHead } from "~/components/tables/TableHead";
import type { QueueItemView } from "~/reviews/queue.server";

const componentLink = (item: QueueItemView) => (
  <Link to={item.path}>
    {item.componentId} {item.componentTitle}
    <span className="nhsuk-u-visually-hidden">
      , {item.organisationName}, {item.periodLabel}
    </span>
  </Link>
);

/** Queries a champion has answered, waiting for the reviewer to read the reply and verify. */
export function RepliesTable(props: { items: QueueItemView[]; userId: number }) {
  return (
    <ScrollableTable label="Replies to queries (scrolls sideways)">
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">Replies to queries</caption>
        <TableHead labels={["Component", "Organisation and month", "Query by", "Last reply"]} />
        <tbody className="nhsuk-table__body">
          {props.items.map((item) => (
            <tr className="nhsuk-table__row" key={item.key}>
              <td className="nhsuk-table__cell">{componentLink(item)}</td>
              <td className="nhsuk-table__cell">
                {item.organisationName}, {item.periodLabel}
              </td>
              <td className="nhsuk-table__cell">
                {item.reply?.reviewerId === props.userId ? (
                  <strong className="nhsuk-tag nhsuk-tag--blue">Your query</strong>
                ) : (
                  item.reply?.reviewerName
                )}
              </td>
              <td className="nhsuk-table__cell">
                {item.reply?.lastReplyAt}
                {item.reply && item.reply.replies > 1 ? ` (${item.reply.replies} replies)` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

/** Fulfilled components of submitted returns not yet reviewed, or changed since their review. */
export function AwaitingTable(props: { items: QueueItemView[]; caption: string }) {
  return (
    <ScrollableTable label={`${props.caption} (scrolls sideways)`}>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">{props.caption}</caption>
        <TableHead labels={["Component", "Organisation and month", "Why", "Submitted"]} />
        <tbody className="nhsuk-table__body">
          {props.items.map((item) => (
            <tr className="nhsuk-table__row" key={item.key}>
              <td className="nhsuk-table__cell">{componentLink(item)}</td>
              <td className="nhsuk-table__cell">
                {item.organisationName}, {item.periodLabel}
              </td>
              <td className="nhsuk-table__cell">
                {item.why}
                {item.unchangedSince ? (
                  <>
                    <br />
                    <span className="nhsuk-body-s">
                      Unchanged since verified in {item.unchangedSince.periodLabel}
                    </span>
                  </>
                ) : null}
              </td>
              <td className="nhsuk-table__cell">{item.submittedAt ?? "Not submitted"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

/**
 * The components whose status and evidence are the same as in a month the
 * steering group verified, side by side with that month, and one button to
 * verify them all as shown.
 */
export function UnchangedSinceVerified(props: { items: QueueItemView[]; action?: string }) {
  const count = props.items.length;
  return (
    <section aria-labelledby="unchanged-heading">
      <h2 className="nhsuk-heading-m" id="unchanged-heading">
        Unchanged since last verified ({count})
      </h2>
      <p className="nhsuk-body">
        {count === 1 ? "This component is" : "These components are"} fulfilled with the same
        evidence as in a month the steering group verified. Check the comparison, then verify{" "}
        {count === 1 ? "it" : "them all"} at once, or open any to review it on its own.
      </p>
      <ScrollableTable label="Unchanged since last verified (scrolls sideways)">
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
            Components unchanged since last verified, compared with the month they were verified in
          </caption>
          <TableHead
            labels={["Component", "Now", "When last verified", "Evidence, the same in both"]}
          />
          <tbody className="nhsuk-table__body">
            {props.items.map((item) => (
              <tr className="nhsuk-table__row" key={item.key}>
                <td className="nhsuk-table__cell">{componentLink(item)}</td>
                <td className="nhsuk-table__cell">
                  {item.organisationName}, {item.periodLabel}: Fulfilled
                </td>
                <td className="nhsuk-table__cell">
                  {item.unchangedSince!.periodLabel}: Fulfilled, verified by{" "}
                  {item.unchangedSince!.reviewerName} on {item.unchangedSince!.verifiedAt}
                </td>
                <td className="nhsuk-table__cell">
                  <ul className="nhsuk-list">
                    {item.unchangedSince!.evidence.map((title, index) => (
                      <li key={index} className="app-wrap-anywhere">
                        {title}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
      <Form method="post" action={props.action}>
        <input type="hidden" name="intent" value="verifyUnchanged" />
        <input
          type="hidden"
          name="items"
          value={props.items.map((i) => i.unchangedSince!.token).join(" ")}
        />
        <SubmitButton>Verify all {count} unchanged since last verified</SubmitButton>
      </Form>
    </section>
  );
}
