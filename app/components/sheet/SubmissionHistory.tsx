import { Link } from "@remix-run/react";
import { formatDateTimeWithSeconds } from "~/utils/dates";
import type { SheetData } from "./types";

/**
 * Each submission of this month's assessment, oldest first, each opening its
 * frozen snapshot on a page of its own (and the month as it stands now).
 */
export function SubmissionHistory({
  submissions,
  levelNames,
  organisationId,
  sheetPath,
}: {
  submissions: SheetData["submissions"];
  levelNames: Record<string, string>;
  organisationId: number;
  sheetPath: string;
}) {
  return (
    <>
      <h2 className="nhsuk-heading-m">Reporting sheet</h2>
      <p className="nhsuk-body">
        <Link to={`${sheetPath}/reporting-sheet`}>Read this month as a reporting sheet</Link> (to
        print or save), or download it as a{" "}
        <a href={`${sheetPath}/reporting-sheet.pdf`} download>
          PDF<span className="nhsuk-u-visually-hidden"> reporting sheet</span>
        </a>{" "}
        or a{" "}
        <a href={`${sheetPath}/reporting-sheet.docx`} download>
          Word document<span className="nhsuk-u-visually-hidden"> of the reporting sheet</span>
        </a>
        .
      </p>
      {submissions.length ? (
        <SubmissionsTable {...{ submissions, levelNames, organisationId }} />
      ) : null}
    </>
  );
}

function SubmissionsTable({
  submissions,
  levelNames,
  organisationId,
}: {
  submissions: SheetData["submissions"];
  levelNames: Record<string, string>;
  organisationId: number;
}) {
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
              Submission
            </th>
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
          {submissions.map((s, index) => (
            <tr className="nhsuk-table__row" key={s.id}>
              <td className="nhsuk-table__cell">{index + 1}</td>
              <td className="nhsuk-table__cell">
                {/* To the second: two submissions in one minute must read apart (issue 20). */}
                <Link to={`/organisations/${organisationId}/submissions/${s.id}`}>
                  {formatDateTimeWithSeconds(s.submittedAt)}
                  <span className="nhsuk-u-visually-hidden">
                    : open submission {index + 1}, as it was submitted
                  </span>
                </Link>
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
