import { Link } from "@remix-run/react";

type PageLink = { href: string; label: string };

/**
 * NHS.UK pagination (the previous/next form, without page numbers): for lists
 * read a page at a time, where counting every page would cost what paging saves.
 */
export function Pagination(props: {
  previous: PageLink | null;
  next: PageLink | null;
  /** What is paged through, for screen readers (default "Pagination"). */
  label?: string;
}) {
  if (!props.previous && !props.next) return null;
  return (
    <nav className="nhsuk-pagination" role="navigation" aria-label={props.label ?? "Pagination"}>
      <ul className="nhsuk-list nhsuk-pagination__list">
        {props.previous ? <PageItem link={props.previous} direction="prev" /> : null}
        {props.next ? <PageItem link={props.next} direction="next" /> : null}
      </ul>
    </nav>
  );
}

function PageItem({ link, direction }: { link: PageLink; direction: "prev" | "next" }) {
  return (
    <li className={`nhsuk-pagination-item--${direction === "prev" ? "previous" : "next"}`}>
      <Link
        className={`nhsuk-pagination__link nhsuk-pagination__link--${direction}`}
        to={link.href}
        rel={direction}
      >
        <span className="nhsuk-pagination__title">
          {direction === "prev" ? "Previous" : "Next"}
        </span>
        <span className="nhsuk-u-visually-hidden">:</span>
        <span className="nhsuk-pagination__page">{link.label}</span>
      </Link>
    </li>
  );
}
