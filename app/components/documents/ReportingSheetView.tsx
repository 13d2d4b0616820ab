import type {
  ReportingSheet,
  SheetDomain,
  SheetRow,
  SheetStatus,
} from "~/documents/reporting-sheet";
import { formatDate } from "~/utils/dates";
import { monthStateWords } from "~/documents/month-state";

const tagClass: Record<SheetStatus, string> = {
  fulfilled: "nhsuk-tag nhsuk-tag--green",
  in_progress: "nhsuk-tag nhsuk-tag--yellow",
  not_started: "nhsuk-tag nhsuk-tag--white",
  not_answered: "nhsuk-tag nhsuk-tag--grey",
};

/**
 * The reporting sheet read-only, in the charter's Appendix A layout: a table
 * per domain (Component | Status | Evidence | Opportunities for progression),
 * then its principles and actions. The same model feeds the PDF.
 */
export function ReportingSheetView(props: { sheet: ReportingSheet; organisationId: number }) {
  const { sheet } = props;
  return (
    <>
      {sheet.answered === 0 ? (
        <p className="nhsuk-body">
          No component has been answered yet, so every row below says Not answered.
        </p>
      ) : null}
      <dl className="nhsuk-summary-list">
        <SummaryRow label="Organisation" value={sheet.organisationName} />
        <SummaryRow label="Month" value={sheet.periodLabel} />
        {sheet.state ? <SummaryRow label="State" value={monthStateWords(sheet.state)} /> : null}
        <SummaryRow
          label={
            sheet.state && sheet.state.kind !== "submitted"
              ? "Level from the answers so far (not submitted)"
              : "Level"
          }
          value={sheet.levelName}
        />
        <SummaryRow label="Components answered" value={`${sheet.answered} of ${sheet.total}`} />
        <SummaryRow label="Charter" value={sheet.charterTitle} />
      </dl>
      {sheet.domains.map((domain) => (
        <DomainSection key={domain.number} domain={domain} organisationId={props.organisationId} />
      ))}
      <OutcomesSection sheet={sheet} />
    </>
  );
}

/** The month's outcome figures, each with the version of the definition it answered (ADR 040). */
function OutcomesSection(props: { sheet: ReportingSheet }) {
  const { outcomes, periodLabel } = props.sheet;
  if (!outcomes.length) return null;
  return (
    <section className="app-sheet-domain" aria-labelledby="outcome-figures">
      <h2 className="nhsuk-heading-m" id="outcome-figures">
        Outcome figures
      </h2>
      <div
        className="app-table-scroll"
        tabIndex={0}
        role="region"
        aria-labelledby="outcome-figures"
      >
        <table className="nhsuk-table app-sheet-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
            Outcome figures for {periodLabel}, with their sources
          </caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                Measure
              </th>
              <th scope="col" className="nhsuk-table__header">
                Figure
              </th>
              <th scope="col" className="nhsuk-table__header">
                Part and whole
              </th>
              <th scope="col" className="nhsuk-table__header">
                Source and note
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {outcomes.map((o) => (
              <tr className="nhsuk-table__row" key={o.measureId}>
                <th scope="row" className="nhsuk-table__header">
                  {o.name}
                  <span className="app-sheet-practices">
                    Definition version {o.version}; evidence for {o.componentIds.join(", ")}
                  </span>
                </th>
                <td className="nhsuk-table__cell">{o.figure}</td>
                <td className="nhsuk-table__cell">{o.parts ?? "A total"}</td>
                <td className="nhsuk-table__cell app-pre-line">
                  {[o.source, o.note].filter(Boolean).join("\n")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function SummaryRow(props: { label: string; value: string }) {
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{props.label}</dt>
      <dd className="nhsuk-summary-list__value">{props.value}</dd>
    </div>
  );
}

function DomainSection(props: { domain: SheetDomain; organisationId: number }) {
  const { domain } = props;
  const heading = `domain-${domain.number}`;
  return (
    <section className="app-sheet-domain" aria-labelledby={heading}>
      <h2 className="nhsuk-heading-m" id={heading}>
        Domain {domain.number}: {domain.title}
      </h2>
      <p className="nhsuk-body">
        {domain.fulfilled} of {domain.rows.length} components fulfilled.
      </p>
      <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby={heading}>
        <table className="nhsuk-table app-sheet-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
            Domain {domain.number}: the components, their status, evidence and opportunities for
            progression
          </caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header app-sheet-col--component">
                Component
              </th>
              <th scope="col" className="nhsuk-table__header app-sheet-col--status">
                Status
              </th>
              <th scope="col" className="nhsuk-table__header app-sheet-col--evidence">
                Evidence
              </th>
              <th scope="col" className="nhsuk-table__header app-sheet-col--opportunities">
                Opportunities for progression
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {domain.rows.map((row) => (
              <ComponentRow key={row.componentId} row={row} organisationId={props.organisationId} />
            ))}
          </tbody>
        </table>
      </div>
      <h3 className="nhsuk-heading-s">Cross-cutting principles in domain {domain.number}</h3>
      <ul className="nhsuk-list app-sheet-principles">
        {domain.principles.map((p) => (
          <li key={p.number}>
            {p.summary}: <strong>{p.inPlace ? "in place" : "not in place"}</strong>
          </li>
        ))}
      </ul>
      {domain.principlesNote ? (
        <p className="nhsuk-body app-pre-line">{domain.principlesNote}</p>
      ) : null}
      <h3 className="nhsuk-heading-s">Progression actions in domain {domain.number}</h3>
      {domain.actions.length ? (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {domain.actions.map((a, i) => (
            <li key={i}>
              {a.componentId} {a.componentTitle}: {a.description}
              {a.owner ? `; owner: ${a.owner}` : ""}
              {a.targetDate ? `; by ${formatDate(a.targetDate)}` : ""}
            </li>
          ))}
        </ul>
      ) : (
        <p className="nhsuk-body">No progression actions recorded.</p>
      )}
    </section>
  );
}

function ComponentRow(props: { row: SheetRow; organisationId: number }) {
  const { row } = props;
  return (
    <tr className="nhsuk-table__row">
      <th scope="row" className="nhsuk-table__header app-sheet-component">
        {row.componentId} {row.title}
        {row.practicesInPlace.length ? (
          <span className="app-sheet-practices">
            Practices in place: {row.practicesInPlace.join("; ")}
          </span>
        ) : null}
      </th>
      <td className="nhsuk-table__cell">
        <strong className={tagClass[row.status]}>{row.statusWords}</strong>
      </td>
      <td className="nhsuk-table__cell app-wrap-anywhere">
        {row.evidence.length ? (
          <ul className="nhsuk-list">
            {row.evidence.map((e) => (
              <li key={e.id}>
                <EvidenceLine evidence={e} organisationId={props.organisationId} />
              </li>
            ))}
          </ul>
        ) : (
          "None"
        )}
      </td>
      <td className="nhsuk-table__cell app-pre-line">{row.opportunities || "None recorded"}</td>
    </tr>
  );
}

function EvidenceLine(props: { evidence: SheetRow["evidence"][number]; organisationId: number }) {
  const e = props.evidence;
  const date = e.date ? ` (${formatDate(e.date)})` : "";
  if (e.kind === "link" && e.url) {
    return (
      <>
        <a href={e.url} className="app-sheet-link" rel="noreferrer">
          {e.title}
        </a>
        <span className="app-print-url"> ({e.url})</span>
      </>
    );
  }
  if (e.kind === "file") {
    return (
      <>
        <a href={`/organisations/${props.organisationId}/evidence/${e.id}`}>{e.title}</a>
        {e.detail ? ` (file: ${e.detail})` : ""}
      </>
    );
  }
  return (
    <>
      <strong>{e.title}</strong>
      {e.detail ? `: ${e.detail}` : ""}
      {date}
    </>
  );
}
