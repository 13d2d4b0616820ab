import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { FileField } from "~/components/forms/FileField";
import { IMPORT_MAX_BYTES } from "~/excel/template-import.server";
import { IMPORT_FILE_FIELD } from "~/forms/sheet-import";
import { statusLabels } from "~/forms/sheet-words";
import { requireSheetEditor } from "~/auth/guards.server";
import {
  handleImport,
  type ImportActionData,
  importState,
} from "./organisations.$organisationId_.periods.$periodId_.import.server";

export const meta: MetaFunction = () => [{ title: "Fill in the sheet offline – Anchor Charter" }];

/** The Excel template's upload page (ADR 030): for the organisation's champions only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const sheet = await requireSheetEditor(request, params);
  const { refusedBecause } = await importState(sheet);
  return {
    organisation: { id: sheet.organisation.id, name: sheet.organisation.name },
    period: { id: sheet.period.id, label: sheet.period.label },
    path: `/organisations/${sheet.organisation.id}/periods/${sheet.period.id}`,
    refusedBecause,
    maxMegabytes: IMPORT_MAX_BYTES / (1024 * 1024),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const sheet = await requireSheetEditor(request, params);
  return handleImport(sheet, request, context);
}

const where = (p: { sheet: string | null; row: number | null; column: string | null }) =>
  [
    p.sheet ? `Sheet "${p.sheet}"` : null,
    p.row ? `row ${p.row}` : null,
    p.column ? `column ${p.column}` : null,
  ]
    .filter(Boolean)
    .join(", ");

export default function ImportTemplate() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<ImportActionData>();
  const navigation = useNavigation();
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (result) summary.current?.focus();
  }, [result]);
  const problems = result?.kind === "problems" ? result.problems : [];
  const fieldError = problems.length
    ? `The file was not uploaded: ${problems.length === 1 ? "there is a problem" : `there are ${problems.length} problems`}, listed above. Nothing was saved.`
    : undefined;
  return (
    <>
      {problems.length ? (
        <div className="nhsuk-error-summary" ref={summary} tabIndex={-1}>
          <div role="alert">
            <h2 className="nhsuk-error-summary__heading">There is a problem</h2>
            <div className="nhsuk-error-summary__body">
              <p>Nothing from the file was saved. Correct these and upload it again.</p>
              <ul className="nhsuk-list nhsuk-error-summary__list">
                {problems.map((p, i) => (
                  <li key={i}>
                    <a href={`#${IMPORT_FILE_FIELD}`}>
                      {where(p) ? `${where(p)}: ` : ""}
                      {p.message}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        </div>
      ) : null}
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">{page.organisation.name}</span>
        Fill in {page.period.label} offline
      </h1>
      {result?.kind === "done" ? (
        <ImportDone result={result} sheetPath={page.path} focusRef={summary} />
      ) : null}
      {page.refusedBecause ? (
        <p className="nhsuk-body">{page.refusedBecause}</p>
      ) : (
        <>
          <ol className="nhsuk-list nhsuk-list--number">
            <li>
              <a href={`${page.path}/template.xlsx`} download>
                Download {page.period.label} as an Excel template
              </a>{" "}
              (filled in with the sheet as it is now).
            </li>
            <li>
              Choose each component&apos;s status and write its opportunities for progression. Add
              evidence on the sheet itself.
            </li>
            <li>Upload the file here. Nothing is saved unless every row is correct.</li>
          </ol>
          <Form method="post" encType="multipart/form-data">
            <input type="hidden" name="intent" value="import" />
            <FileField
              name={IMPORT_FILE_FIELD}
              label="The filled-in template"
              hint={`An Excel workbook (.xlsx) downloaded from this page, smaller than ${page.maxMegabytes} MB.`}
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              error={fieldError}
            />
            <button
              className="nhsuk-button"
              type="submit"
              disabled={navigation.state === "submitting"}
            >
              {navigation.state === "submitting" ? "Uploading and checking…" : "Upload and check"}
            </button>
          </Form>
        </>
      )}
      <p className="nhsuk-body">
        <Link to={page.path}>Back to the sheet for {page.period.label}</Link>
      </p>
    </>
  );
}

function ImportDone({
  result,
  sheetPath,
  focusRef,
}: {
  result: Extract<ImportActionData, { kind: "done" }>;
  sheetPath: string;
  focusRef: React.Ref<HTMLDivElement>;
}) {
  const { applied, unchanged, conflicts } = result;
  return (
    <div className="nhsuk-card" ref={focusRef} tabIndex={-1}>
      <div className="nhsuk-card__content" role="status">
        <h2 className="nhsuk-card__heading">The file was uploaded</h2>
        <p className="nhsuk-card__description">
          {applied.length
            ? `Saved ${applied.length} component${applied.length === 1 ? "" : "s"}: ${applied.join(", ")}.`
            : result.figures
              ? ""
              : "Nothing in the file differed from the sheet: nothing needed saving."}{" "}
          {unchanged.length ? `${unchanged.length} unchanged.` : ""}{" "}
          {result.figures
            ? `Saved ${result.figures} outcome figure${result.figures === 1 ? "" : "s"}.`
            : ""}
        </p>
        {conflicts.length ? (
          <>
            <h3 className="nhsuk-heading-s">
              Not saved: changed on the platform since you downloaded the file
            </h3>
            <table className="nhsuk-table">
              <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
                Components changed on the platform since the download
              </caption>
              <thead className="nhsuk-table__head">
                <tr className="nhsuk-table__row">
                  <th scope="col" className="nhsuk-table__header">
                    Component
                  </th>
                  <th scope="col" className="nhsuk-table__header">
                    In your file
                  </th>
                  <th scope="col" className="nhsuk-table__header">
                    On the platform now
                  </th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {conflicts.map((c) => (
                  <tr className="nhsuk-table__row" key={c.componentId}>
                    <th scope="row" className="nhsuk-table__header">
                      {c.componentId} (row {c.row})
                    </th>
                    <td className="nhsuk-table__cell">
                      {statusLabels[c.yours.status]}
                      {c.yours.opportunities ? `: ${c.yours.opportunities}` : ""}
                    </td>
                    <td className="nhsuk-table__cell">
                      {statusLabels[c.theirs.status]}
                      {c.theirs.opportunities ? `: ${c.theirs.opportunities}` : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="nhsuk-body">
              Choose on <a href={`${sheetPath}#domain-1`}>the sheet</a> which to keep, or download
              the template again.
            </p>
          </>
        ) : null}
      </div>
    </div>
  );
}
