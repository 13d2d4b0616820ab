import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { RadioGroup } from "~/components/forms/ChoiceFields";
import { ErrorMessage, ErrorSummary } from "~/components/forms/ErrorSummary";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { loadReportRequest, requestReport } from "./reports._index.server";

export const meta: MetaFunction = () => [{ title: "Annual report – Anchor Charter" }];

export async function loader({ request }: LoaderFunctionArgs) {
  return loadReportRequest(request);
}

export async function action({ request }: ActionFunctionArgs) {
  return requestReport(request);
}

/** Asking for an annual report: it is built in the background and offered for download. */
export default function AnnualReportRequestPage() {
  const { scopes, years, chosen, maxWaiting } = useLoaderData<typeof loader>();
  const problem = useActionData<typeof action>();
  const errors = problem?.errors;
  const values = problem?.values ?? {};
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="nhsuk-heading-l">Annual report</h1>
        <p className="nhsuk-body">
          A board paper of the year&apos;s returns: levels now and a year ago, findings by domain,
          common gaps, shared practice, verified against self-assessed, actions, and a page for each
          organisation. Large reports take a little while: you can leave the page and come back.
        </p>
        <p className="nhsuk-body">
          Asking again for a report that is already being built takes you to it. You can have up to{" "}
          {maxWaiting} reports waiting at a time.
        </p>
        {scopes.length === 0 || years.length === 0 ? (
          <div className="nhsuk-inset-text">
            <p>
              There is no report you can build yet: you need to read an organisation, a place or a
              system that has reporting months.
            </p>
          </div>
        ) : (
          <Form method="post" noValidate>
            <div className={`nhsuk-form-group${errors?.scope ? " nhsuk-form-group--error" : ""}`}>
              <label className="nhsuk-label nhsuk-label--s" htmlFor="scope">
                Whose report
              </label>
              <ErrorMessage id="scope-error" message={errors?.scope} />
              <select
                className={`nhsuk-select${errors?.scope ? " nhsuk-select--error" : ""}`}
                id="scope"
                name="scope"
                defaultValue={values.scope ?? chosen ?? undefined}
                aria-describedby={errors?.scope ? "scope-error" : undefined}
              >
                {scopes.map((s) => (
                  <option value={s.value} key={s.value}>
                    {s.label}
                  </option>
                ))}
              </select>
            </div>
            <div className={`nhsuk-form-group${errors?.year ? " nhsuk-form-group--error" : ""}`}>
              <label className="nhsuk-label nhsuk-label--s" htmlFor="year">
                Year
              </label>
              <div className="nhsuk-hint" id="year-hint">
                NHS bodies report by financial year, April to March.
              </div>
              <ErrorMessage id="year-error" message={errors?.year} />
              <select
                className={`nhsuk-select${errors?.year ? " nhsuk-select--error" : ""}`}
                id="year"
                name="year"
                defaultValue={values.year}
                aria-describedby={errors?.year ? "year-hint year-error" : "year-hint"}
              >
                <optgroup label="Financial years">
                  {years
                    .filter((y) => y.value.includes("/"))
                    .map((y) => (
                      <option value={y.value} key={y.value}>
                        {y.label.replace(/^the /, "")}
                      </option>
                    ))}
                </optgroup>
                <optgroup label="Calendar years">
                  {years
                    .filter((y) => !y.value.includes("/"))
                    .map((y) => (
                      <option value={y.value} key={y.value}>
                        {y.label.replace(/^the /, "")}
                      </option>
                    ))}
                </optgroup>
              </select>
            </div>
            <RadioGroup
              name="provisional"
              legend="Which month"
              error={errors?.provisional}
              defaultValue={values.provisional ?? "no"}
              options={[
                {
                  value: "no",
                  label: "The year's latest month closed to returns or past its due date",
                  hint: "Its figures are final: every organisation has had the chance to submit.",
                },
                {
                  value: "yes",
                  label: "The year's latest month, even if it is still open to returns",
                  hint: "Its figures are provisional and the report says so on every page.",
                },
              ]}
            />
            <RadioGroup
              name="format"
              legend="Format"
              error={errors?.format}
              defaultValue={values.format ?? "pdf"}
              options={[
                {
                  value: "pdf",
                  label: "PDF",
                  hint: "For the board pack: tagged for screen readers.",
                },
                { value: "docx", label: "Word", hint: "To edit before it goes to the board." },
              ]}
            />
            <SubmitButton>Build the report</SubmitButton>
          </Form>
        )}
      </div>
    </div>
  );
}
