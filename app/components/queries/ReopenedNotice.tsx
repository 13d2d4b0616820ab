import type { ReopenedView } from "~/queries/notice.server";

/** Says on a reopened month who reopened it, when and why. */
export function ReopenedNotice(props: { reopened: ReopenedView | null }) {
  const { reopened } = props;
  if (!reopened) return null;
  return (
    <div className="nhsuk-inset-text" id="reopened">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p>
        {reopened.reopenedBy} reopened this month on {reopened.reopenedAt}
        {reopened.reason ? (
          <>
            , saying: <span className="app-wrap-anywhere">“{reopened.reason}”</span>
          </>
        ) : (
          "."
        )}
      </p>
      <p>
        Change what is needed, then submit it again. The earlier submission stays in the history.
      </p>
    </div>
  );
}
