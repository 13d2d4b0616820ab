import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { loadCharter } from "~/charter/content";
import { levelRequirements } from "~/charter/scoring";
import { DomainSection, domainAnchor } from "~/components/charter/DomainSection";
import { LevelRequirementsTable } from "~/components/charter/LevelRequirementsTable";

export const meta: MetaFunction = () => [{ title: "The Anchor Charter – Anchor Charter" }];

export function loader() {
  const charter = loadCharter();
  return { charter, requirements: levelRequirements(charter) };
}

/** The charter itself: its domains and components, the status levels and the principles. */
export default function CharterPage() {
  const { charter, requirements } = useLoaderData<typeof loader>();
  const componentCount = charter.domains.reduce((n, d) => n + d.components.length, 0);
  return (
    <>
      <h1 className="nhsuk-heading-xl">
        <span className="nhsuk-caption-l">{charter.issuer}</span>
        {charter.title}
      </h1>
      <p className="nhsuk-lede-text">{charter.purpose}</p>
      <p className="nhsuk-body">
        The charter has {charter.domains.length} domains and {componentCount} numbered components.
        Organisations record, for each component, its status, their evidence and their opportunities
        for progression, month by month.
      </p>

      <nav className="nhsuk-contents-list" aria-label="Domains of the charter">
        <h2 className="nhsuk-u-visually-hidden">Contents</h2>
        <ol className="nhsuk-contents-list__list">
          {charter.domains.map((domain) => (
            <li className="nhsuk-contents-list__item" key={domain.number}>
              <a className="nhsuk-contents-list__link" href={`#${domainAnchor(domain)}`}>
                {domain.number}. {domain.title}
              </a>
            </li>
          ))}
          <li className="nhsuk-contents-list__item">
            <a className="nhsuk-contents-list__link" href="#levels">
              Status levels
            </a>
          </li>
          <li className="nhsuk-contents-list__item">
            <a className="nhsuk-contents-list__link" href="#principles">
              Cross-cutting principles
            </a>
          </li>
        </ol>
      </nav>

      {charter.domains.map((domain) => (
        <DomainSection domain={domain} key={domain.number} />
      ))}

      <section id="levels" aria-labelledby="levels-heading" className="nhsuk-u-margin-bottom-7">
        <h2 id="levels-heading" className="nhsuk-heading-l">
          Status levels
        </h2>
        <p className="nhsuk-body">
          A level is held when its rule holds in every domain. An organisation&apos;s level is the
          highest one it holds.
        </p>
        <dl className="nhsuk-summary-list">
          {charter.levels.map((level) => (
            <div className="nhsuk-summary-list__row" key={level.id}>
              <dt className="nhsuk-summary-list__key">{level.name}</dt>
              <dd className="nhsuk-summary-list__value">{level.description}</dd>
            </div>
          ))}
        </dl>
        <LevelRequirementsTable domains={charter.domains} requirements={requirements} />
      </section>

      <section id="principles" aria-labelledby="principles-heading">
        <h2 id="principles-heading" className="nhsuk-heading-l">
          Cross-cutting principles
        </h2>
        <p className="nhsuk-body">Six steps to take within every domain:</p>
        <ol className="nhsuk-list nhsuk-list--number">
          {charter.crossCuttingPrinciples.map((principle) => (
            <li key={principle.number}>{principle.text}</li>
          ))}
        </ol>
      </section>
    </>
  );
}
