import { Link } from "@remix-run/react";

/** On the month's overview: the outcome figures due this month, and the way to them. */
export function OutcomesDueNote(props: {
  path: string;
  periodLabel: string;
  due: number;
  entered: number;
}) {
  if (props.due === 0) return null;
  return (
    <section aria-labelledby="outcome-figures">
      <h2 className="nhsuk-heading-m" id="outcome-figures">
        Outcome figures
      </h2>
      <p className="nhsuk-body">
        {props.entered} of {props.due} {props.due === 1 ? "measure" : "measures"} due in{" "}
        {props.periodLabel} {props.entered === 1 ? "has a figure" : "have figures"}.{" "}
        <Link to={`${props.path}/outcomes`}>
          {props.entered === props.due ? "See" : "Enter"} the outcome figures for{" "}
          {props.periodLabel}
        </Link>
      </p>
    </section>
  );
}
