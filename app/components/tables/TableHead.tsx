import type { ReactNode } from "react";

/** The header row of an NHS.UK table: one column header per label. */
export function TableHead({ labels }: { labels: ReactNode[] }) {
  return (
    <thead className="nhsuk-table__head">
      <tr className="nhsuk-table__row">
        {labels.map((label, i) => (
          <th scope="col" className="nhsuk-table__header" key={i}>
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
