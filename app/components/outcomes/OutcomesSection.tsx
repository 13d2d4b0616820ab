import type { OutcomeView } from "~/readers/outcome-series.server";
import { OutcomeSeries } from "./OutcomeSeries";

/** An organisation's outcome measures over time, one chart and table each (ADR 040). */
export function OutcomesSection(props: {
  views: readonly OutcomeView[];
  readsDrafts: boolean;
  targetLink?: (measureId: number) => string;
}) {
  if (!props.views.length) return null;
  return (
    <section aria-labelledby="outcomes">
      <h2 className="nhsuk-heading-m" id="outcomes" tabIndex={-1}>
        Outcome measures
      </h2>
      <p className="nhsuk-body">
        A figure counts once its month is submitted and the month&apos;s returns are due.
        {props.readsDrafts
          ? " Figures that do not count yet show as hollow points, and say so in the table."
          : ""}
      </p>
      {props.views.map((view) => (
        <OutcomeSeries
          key={view.measureId}
          view={view}
          targetLink={props.targetLink?.(view.measureId)}
        />
      ))}
    </section>
  );
}
