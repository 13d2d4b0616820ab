import type { Domain } from "~/charter/schema";

export function domainAnchor(domain: Pick<Domain, "number">) {
  return `domain-${domain.number}`;
}

/** One domain of the charter: its components, each with the practices that illustrate it. */
export function DomainSection({ domain }: { domain: Domain }) {
  const headingId = `${domainAnchor(domain)}-heading`;
  return (
    <section
      id={domainAnchor(domain)}
      aria-labelledby={headingId}
      className="nhsuk-u-margin-bottom-7"
    >
      <h2 id={headingId} className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">Domain {domain.number}</span>
        {domain.title}
      </h2>
      {domain.outcomeMeasures.length > 0 ? (
        <p className="nhsuk-body">
          Outcome {domain.outcomeMeasures.length === 1 ? "measure" : "measures"}:{" "}
          {domain.outcomeMeasures.join("; ")}
        </p>
      ) : null}
      {domain.components.map((component) => (
        <div className="nhsuk-card app-component" key={component.id}>
          <div className="nhsuk-card__content">
            <h3 className="nhsuk-card__heading nhsuk-heading-m">
              <span className="nhsuk-caption-m">Component {component.id}</span>
              {component.title}
            </h3>
            <p className="nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-2">
              Practices that illustrate it:
            </p>
            <ul className="nhsuk-list nhsuk-list--bullet app-practices">
              {component.practices.map((practice) => (
                <li key={practice}>{practice}</li>
              ))}
            </ul>
          </div>
        </div>
      ))}
    </section>
  );
}
