import type { SheetData } from "./types";

/** Each submission of this month's assessment, oldest first. Snapshots are kept as submitted. */
export function SubmissionHistory({
  submissions,
  levelNames,
}: {
  submissions: SheetData["submissions"];
  levelNames: Record<string, string>;
}) {
  if (!submissions.length) return null;
  return (
    <>
      <h2 className="nhsuk-heading-m">Submissions</h2>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
          Submissions of this month&apos;s self-assessment
        </caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">
              Submitted
            </th>
            <th scope="col" className="nhsuk-table__header">
              By
            </th>
            <th scope="col" className="nhsuk-table__header">
              Level submitted
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {submissions.map((s) => (
            <tr className="nhsuk-table__row" key={s.id}>
              <td className="nhsuk-table__cell">
                {s.submittedAt.replace("T", " ").slice(0, 16)} UTC
              </td>
              <td className="nhsuk-table__cell">{s.submittedBy}</td>
              <td className="nhsuk-table__cell">
                {s.level ? (levelNames[s.level] ?? s.level) : "No level"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
