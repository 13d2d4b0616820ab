import type { OutcomeView } from "~/readers/outcome-series.server";
import { OutcomesSummaryTable } from "./OutcomeSeries";

const intro = (periodLabel: string | null) =>
  `Each measure's newest figure that counts${periodLabel ? ` up to ${periodLabel}` : ""}: submitted returns of months whose returns are due, summed as the parts over the wholes (never an average of percentages). Each measure's page has its series over time and its target.`;

/** The place summary's outcome measures: its own organisations' sums (ADR 040). */
export function PlaceOutcomes(props: {
  views: readonly OutcomeView[];
  place: { id: number; name: string };
  periodLabel: string | null;
}) {
  if (!props.views.length) return null;
  return (
    <section aria-labelledby="outcomes">
      <h2 className="nhsuk-heading-m" id="outcomes">
        Outcome measures
      </h2>
      <p className="nhsuk-body">
        {intro(props.periodLabel)} System-wide organisations count in the ICS roll-up, not in a
        place.
      </p>
      <OutcomesSummaryTable
        views={props.views}
        caption={`Outcome measures, ${props.place.name}`}
        measureLink={(id) => `/places/${props.place.id}/measures/${id}`}
      />
    </section>
  );
}

/** The ICS roll-up's outcome measures: every organisation's sums (ADR 040). */
export function SystemOutcomes(props: {
  views: readonly OutcomeView[];
  system: { id: number; name: string };
  periodLabel: string | null;
}) {
  if (!props.views.length) return null;
  return (
    <section aria-labelledby="outcomes">
      <h2 className="nhsuk-heading-m" id="outcomes">
        Outcome measures
      </h2>
      <p className="nhsuk-body">{intro(props.periodLabel)}</p>
      <OutcomesSummaryTable
        views={props.views}
        caption={`Outcome measures, ${props.system.name}`}
        measureLink={(id) => `/systems/${props.system.id}/measures/${id}`}
      />
    </section>
  );
}
