import { Link } from "@remix-run/react";
import { TableHead } from "./TableHead";

export type OrganisationListItem = { id: number; name: string; type: string; place: string };

/**
 * Organisations with their type and place; each name links to `hrefFor`. The
 * hidden suffix tells screen-reader users what the link does when the name
 * alone would not (e.g. " (edit)").
 */
export function OrganisationTable(props: {
  organisations: OrganisationListItem[];
  caption: string;
  captionHidden?: boolean;
  hrefFor: (id: number) => string;
  linkSuffix?: string;
}) {
  const captionClass =
    "nhsuk-table__caption" + (props.captionHidden ? " nhsuk-u-visually-hidden" : "");
  return (
    <table className="nhsuk-table">
      <caption className={captionClass}>{props.caption}</caption>
      <TableHead labels={["Organisation", "Type", "Place"]} />
      <tbody className="nhsuk-table__body">
        {props.organisations.map((o) => (
          <tr className="nhsuk-table__row" key={o.id}>
            <td className="nhsuk-table__cell">
              <Link to={props.hrefFor(o.id)}>
                {o.name}
                {props.linkSuffix ? (
                  <span className="nhsuk-u-visually-hidden">{props.linkSuffix}</span>
                ) : null}
              </Link>
            </td>
            <td className="nhsuk-table__cell">{o.type}</td>
            <td className="nhsuk-table__cell">{o.place}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
