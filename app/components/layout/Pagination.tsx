import { Link } from "@remix-run/react";

/**
 * NHS.UK pagination (the previous/next form, without page numbers): for lists
 * read a page at a time, where counting every page would cost what paging saves.
 */
export function Pagination(props: {
  previous: { href: string; label: string } | null;
  next: { href: string; label: string } | null;
}) {
  if (!props.previous && !props.next) return null;
  return (
    <nav className="nhsuk-pagination" role="navigation" aria-label="Pagination">
      <ul className="nhsuk-list nhsuk-pagination__list">
        {props.previous ? (
          <li className="nhsuk-pagination-item--previous">
            <Link
              className="nhsuk-pagination__link nhsuk-pagination__link--prev"
              to={props.previous.href}
              rel="prev"
            >
              <span className="nhsuk-pagination__title">Previous</span>
              <span className="nhsuk-u-visually-hidden">:</span>
              <span className="nhsuk-pagination__page">{props.previous.label}</span>
            </Link>
          </li>
        ) : null}
        {props.next ? (
          <li className="nhsuk-pagination-item--next">
            <Link
              className="nhsuk-pagination__link nhsuk-pagination__link--next"
              to={props.next.href}
              rel="next"
            >
              <span className="nhsuk-pagination__title">Next</span>
              <span className="nhsuk-u-visually-hidden">:</span>
              <span className="nhsuk-pagination__page">{props.next.label}</span>
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
