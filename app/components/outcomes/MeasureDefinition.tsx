/** A measure's definition, one click away: folded under "What is counted" (a details element, no JavaScript needed). */
export function MeasureDefinition(props: {
  definition: string;
  version: number;
  componentIds: readonly string[];
  frequency: string;
  summary?: string;
}) {
  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">{props.summary ?? "What is counted"}</span>
      </summary>
      <div className="nhsuk-details__text">
        {props.definition.split(/\n+/).map((line, i) => (
          <p key={i}>{line}</p>
        ))}
        <p>
          Collected: {props.frequency.charAt(0).toLowerCase() + props.frequency.slice(1)}. Evidence
          for {props.componentIds.length === 1 ? "component" : "components"}{" "}
          {props.componentIds.join(", ")}. Definition version {props.version}.
        </p>
      </div>
    </details>
  );
}
