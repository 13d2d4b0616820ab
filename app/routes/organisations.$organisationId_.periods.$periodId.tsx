import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { ChangedSince } from "~/components/sheet/ChangedSince";
import { ComponentBlock } from "~/components/sheet/ComponentBlock";
import { DomainPrinciples } from "~/components/sheet/DomainPrinciples";
import { ProgressionActions } from "~/components/sheet/ProgressionActions";
import { ReopenForm } from "~/components/sheet/ReopenForm";
import { DomainProgressNote, LevelPanel } from "~/components/sheet/LevelPanel";
import { SubmissionHistory } from "~/components/sheet/SubmissionHistory";
import { OpenQueries } from "~/components/queries/OpenQueries";
import { ReopenedNotice } from "~/components/queries/ReopenedNotice";
import { sheetClientAction, sheetShouldRevalidate } from "~/components/sheet/sheetClientAction";
import { fieldId } from "~/forms/sheet";
import { answeringAutosave } from "~/utils/autosave.server";
import { requireSheetEditor, requireSheetReader } from "~/utils/auth.server";
import {
  handleSheetPost,
  loadSheet,
  refuseSignedOut,
} from "./organisations.$organisationId_.periods.$periodId.server";
import { ExcelLinks } from "~/components/sheet/ExcelLinks";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.period.label} self-assessment, ${data.organisation.name} – Anchor Charter`
      : "Self-assessment – Anchor Charter",
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadSheet(await requireSheetReader(request, params));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  return answeringAutosave(
    request,
    async () => handleSheetPost(await requireSheetEditor(request, params), request, context),
    refuseSignedOut,
  );
}

// With JavaScript, a lost connection answers as data instead of the error page.
export const clientAction = sheetClientAction;
export const shouldRevalidate = sheetShouldRevalidate;

/** Errors of a component's form, keyed by the element each should link to. */
function summaryErrors(result: ReturnType<typeof useActionData<typeof clientAction>>) {
  if (!result) return undefined;
  const { componentId } = result;
  if (!componentId || result.form === "submit") return result.errors;
  const prefixes: Record<string, string> = {
    evidence: "evidence-",
    reuse: "reuse-",
    action: "action-",
  };
  const prefix = prefixes[result.form] ?? "";
  return Object.fromEntries(
    Object.entries(result.errors).map(([field, message]) => [
      fieldId(componentId, field === "evidence" ? "evidence" : `${prefix}${field}`),
      message,
    ]),
  );
}

export default function Sheet() {
  const sheet = useLoaderData<typeof loader>();
  const context = {
    organisationPath: `/organisations/${sheet.organisation.id}`,
    can: sheet.can,
    library: sheet.library,
    evidenceMaxMegabytes: sheet.evidenceMaxMegabytes,
  };
  const result = useActionData<typeof clientAction>();
  const [search] = useSearchParams();
  const { assessment, level } = sheet;
  const submitted = assessment?.status === "submitted";
  const baseline = sheet.plan.baseline;
  const since = baseline ? `${baseline.periodLabel}, ${baseline.submittedAt.slice(0, 10)}` : null;
  return (
    <>
      <ErrorSummary errors={summaryErrors(result)} />
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">{sheet.organisation.name}</span>
        Self-assessment for {sheet.period.label}
      </h1>
      <p className="nhsuk-body">
        <Link to={`/organisations/${sheet.organisation.id}`}>All months for this organisation</Link>
      </p>
      {/* Queries answered without reopening (issue 11, part 6): two notices, kept apart to re-home. */}
      <ReopenedNotice reopened={sheet.reopened} />
      <OpenQueries
        queries={sheet.openQueries.items}
        mayReply={sheet.openQueries.mayReply}
        showPeriod={false}
      />
      {submitted ? (
        <p className="nhsuk-body" role="status">
          Submitted{assessment.submittedAt ? ` on ${assessment.submittedAt.slice(0, 10)}` : ""}. It
          can no longer be changed.
        </p>
      ) : !sheet.period.open ? (
        <p className="nhsuk-body">This month is closed.</p>
      ) : !sheet.editable && assessment ? (
        <p className="nhsuk-body">This self-assessment is in progress. You can read it.</p>
      ) : null}
      {!assessment ? (
        sheet.canStart ? (
          <Form method="post">
            <input type="hidden" name="intent" value="start" />
            <p className="nhsuk-body">
              Starting copies last month&apos;s statuses, opportunities and evidence, so you only
              update what has changed.
            </p>
            <SubmitButton>Start this month&apos;s self-assessment</SubmitButton>
          </Form>
        ) : (
          <p className="nhsuk-body">No self-assessment has been started for this month.</p>
        )
      ) : null}
      {level ? <LevelPanel level={level} verifiedLevel={sheet.verifiedLevel} /> : null}
      {assessment && sheet.can.downloadBundle ? (
        <p className="nhsuk-body">
          {/* A download, not a page: Remix must not try to navigate to it. */}
          <a href={`${sheet.path}/evidence.zip`} download>
            Download all evidence for {sheet.period.label} (ZIP)
          </a>
        </p>
      ) : null}
      <ExcelLinks path={sheet.path} periodLabel={sheet.period.label} canImport={sheet.editable} />
      {assessment
        ? sheet.charter.domains.map((domain) => (
            <section key={domain.number} aria-labelledby={`domain-${domain.number}`}>
              <h2 className="nhsuk-heading-m" id={`domain-${domain.number}`}>
                Domain {domain.number}: {domain.title}
              </h2>
              {level ? <DomainProgressNote level={level} domainNumber={domain.number} /> : null}
              {domain.components.map((component) => (
                <ComponentBlock
                  key={component.id}
                  path={sheet.path}
                  component={component}
                  answer={sheet.answers[component.id]}
                  editable={sheet.editable}
                  saved={search.get("saved") === component.id}
                  result={result?.componentId === component.id ? result : undefined}
                  context={context}
                  changed={<ChangedSince change={sheet.plan.changes[component.id]} since={since} />}
                  actions={
                    <ProgressionActions
                      componentId={component.id}
                      title={`${component.id} ${component.title}`}
                      actions={sheet.plan.actions[component.id] ?? []}
                      editable={sheet.editable}
                      result={result?.componentId === component.id ? result : undefined}
                    />
                  }
                />
              ))}
              <DomainPrinciples
                path={sheet.path}
                domain={domain.number}
                principleList={sheet.plan.principleList}
                saved={sheet.plan.principles[domain.number]}
                editable={sheet.editable}
                justSaved={search.get("savedPrinciples") === String(domain.number)}
                result={
                  result?.form === "principles" && result.domain === domain.number
                    ? result
                    : undefined
                }
              />
            </section>
          ))
        : null}
      {sheet.editable ? (
        <Form method="post">
          <input type="hidden" name="intent" value="submit" />
          <h2 className="nhsuk-heading-m">Submit this month&apos;s self-assessment</h2>
          <p className="nhsuk-body">
            Every component needs a status of In progress or Fulfilled. Once submitted, this month
            can no longer be changed.
          </p>
          <SubmitButton>Submit self-assessment</SubmitButton>
        </Form>
      ) : null}
      {sheet.plan.canReopen ? <ReopenForm path={sheet.path} /> : null}
      <SubmissionHistory
        submissions={sheet.submissions}
        levelNames={sheet.levelNames}
        organisationId={sheet.organisation.id}
        sheetPath={sheet.path}
      />
    </>
  );
}
