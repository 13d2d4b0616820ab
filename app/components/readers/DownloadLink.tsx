import { Link } from "@remix-run/react";

/** "Download this table (CSV)": the same figures as the table, for a spreadsheet. */
export function DownloadLink(props: { to: string; what: string }) {
  return (
    <p className="nhsuk-body-s">
      <Link to={props.to} reloadDocument>
        Download {props.what} (CSV)
      </Link>
    </p>
  );
}
