import { Link } from "@remix-run/react";
import type { Cell } from "~/charter/comparison";

/**
 * One organisation's answer to one component, readable without colour: a
 * symbol and a pattern per status (for sighted readers), the words for
 * screen readers (WCAG 1.4.1), and a link to the component on its sheet.
 */
export const statusMarks = {
  fulfilled: { symbol: "●", words: "Fulfilled" },
  in_progress: { symbol: "◐", words: "In progress" },
  not_started: { symbol: "○", words: "Not started" },
} as const;

export const reviewMarks: Record<string, { symbol: string; words: string } | undefined> = {
  verified: { symbol: "✓", words: "verified" },
  queried: { symbol: "?", words: "queried" },
  "changed since review": { symbol: "*", words: "changed since review" },
};

export function cellWords(cell: Cell) {
  const review = cell.status === "fulfilled" ? reviewMarks[cell.review] : undefined;
  return `${statusMarks[cell.status].words}${review ? `, ${review.words}` : cell.status === "fulfilled" ? ", self-assessed" : ""}`;
}

export function StatusCell(props: {
  cell: Cell;
  href: string;
  organisation: string;
  component: string;
}) {
  const mark = statusMarks[props.cell.status];
  const review = props.cell.status === "fulfilled" ? reviewMarks[props.cell.review] : undefined;
  return (
    <td className={`nhsuk-table__cell app-status-cell app-status-cell--${props.cell.status}`}>
      <Link to={props.href}>
        <span aria-hidden="true">
          {mark.symbol}
          {review?.symbol ?? ""}
        </span>
        <span className="nhsuk-u-visually-hidden">
          {props.organisation}, {props.component}: {cellWords(props.cell)}
        </span>
      </Link>
    </td>
  );
}

/** The key to the symbols, shown above the matrix. */
export function StatusKey() {
  return (
    <dl className="app-status-key">
      {Object.entries(statusMarks).map(([status, mark]) => (
        <div key={status}>
          <dt className={`app-status-cell app-status-cell--${status}`} aria-hidden="true">
            {mark.symbol}
          </dt>
          <dd>{mark.words}</dd>
        </div>
      ))}
      {Object.values(reviewMarks).map((mark) => (
        <div key={mark!.words}>
          <dt aria-hidden="true">{mark!.symbol}</dt>
          <dd>Fulfilled and {mark!.words}</dd>
        </div>
      ))}
    </dl>
  );
}
