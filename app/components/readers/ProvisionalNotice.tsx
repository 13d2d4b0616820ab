/**
 * Above the figures of a month still open to returns: they are provisional,
 * and how far the returns have come ("December 2026, open until 15 January
 * 2027: 11 of 18 have submitted so far"). Every chart title and table
 * caption of the page says "(provisional)" too, from the period's label.
 */
export function ProvisionalNotice({ words }: { words: string | null }) {
  if (!words) return null;
  return (
    <div className="nhsuk-warning-callout">
      <h2 className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>
          Provisional figures
        </span>
      </h2>
      <p>
        {words}. These figures will change as returns come in, and any comparison with an earlier
        month counts only the returns submitted so far. The latest month closed to returns is the
        default for that reason.
      </p>
    </div>
  );
}
