import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { DomainPrinciples } from "~/components/sheet/DomainPrinciples";
import { ReopenForm } from "~/components/sheet/ReopenForm";
import { DomainProgressNote, LevelPanel } from "~/components/sheet/LevelPanel";
import { MonthDueNote } from "~/components/sheet/MonthDueNote";
import { MonthTaskList } from "~/components/sheet/MonthTaskList";
import { AwaitingReviewInMonth } from "~/components/reviews/AwaitingReviewInMonth";
import { SubmissionHistory } from "~/components/sheet/SubmissionHistory";
import { OpenQueries } from "~/components/queries/OpenQueries";
import { ReopenedNotice } from "~/components/queries/ReopenedNotice";
import { sheetClientAction, sheetShouldRevalidate } from "~/components/sheet/sheetClientAction";
import { answeringAutosave } from "~/http/autosave.server";
import { requireSheetEditor, requireSheetReader } from "~/auth/guards.server";
import { loadOverview } from "./organisations.$organisationId_.periods.$periodId.overview.server";
import { handleSheetPost, refuseSignedOut } from "~/sheet/post.server";
import { ExcelLinks } from "~/components/sheet/ExcelLinks";
import { OutcomesDueNote } from "~/components/outcomes/OutcomesDueNote";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.period.label} self-assessment, ${data.organisation.name} – Anchor Charter`
      : "Self-assessment – Anchor Charter",
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadOverview(await requireSheetReader(request, params));
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

/** The month at a glance: a task list per domain, what is missing, and the submit area. */
export default function MonthOverview() {
  const sheet = useLoaderData<typeof loader>();
  const result = useActionData<typeof clientAction>();
  const [search] = useSearchParams();
  const { assessment, level } = sheet;
  const submitted = assessment?.status === "submitted";
  const total = sheet.componentIds.length;
  // A refused submit links each missing component's error to its line in the check list.
  const summary =
    result?.form === "submit"
      ? Object.fromEntries(
          sheet.unanswered.map((t) => [
            `check-${t.id}`,
            `${t.id} ${t.title}: answer it before submitting`,
          ]),
        )
      : result?.errors;
  return (
    <>
      <ErrorSummary errors={summary} />
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">{sheet.organisation.name}</span>
        Self-assessment for {sheet.period.label}
      </h1>
      <MonthDueNote period={sheet.period} />
      <p className="nhsuk-body">
        <Link to={`/organisations/${sheet.organisation.id}`}>All months for this organisation</Link>
      </p>
      <AwaitingReviewInMonth awaiting={sheet.awaitingReview} />
      {/* Who reopened the month and why, and queries waiting for the champions' answer. */}
      <ReopenedNotice reopened={sheet.reopened} />
      <OpenQueries
        queries={sheet.openQueries.items}
        mayReply={sheet.openQueries.mayReply}
        showPeriod={false}
      />
      {sheet.state ? (
        // A status: after Submit, a screen reader hears "Submitted on … by …" (issue 19, item 8).
        <p className="nhsuk-body-l" id="month-state" role="status">
          <strong>{sheet.state}</strong>
        </p>
      ) : null}
      {submitted ? (
        <p className="nhsuk-body" role="status">
          It can no longer be changed.
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
              update what has changed. In a first month every component starts not answered.
            </p>
            <SubmitButton>Start this month&apos;s self-assessment</SubmitButton>
          </Form>
        ) : (
          <p className="nhsuk-body">No self-assessment has been started for this month.</p>
        )
      ) : null}
      {assessment ? (
        <>
          <p className="nhsuk-body-l" id="answered-count" role="status">
            {`${sheet.answered} of ${total} components answered`}
          </p>
          <p className="nhsuk-body">
            <Link to={`${sheet.path}/reporting-sheet`}>
              View or print the whole reporting sheet
            </Link>
          </p>
        </>
      ) : null}
      {level ? (
        <LevelPanel level={level} verifiedLevel={sheet.verifiedLevel} submitted={submitted} />
      ) : null}
      {assessment && sheet.can.downloadBundle ? (
        <p className="nhsuk-body">
          {/* A download, not a page: Remix must not try to navigate to it. */}
          <a href={`${sheet.path}/evidence.zip`} download>
            Download all evidence for {sheet.period.label} (ZIP)
          </a>
        </p>
      ) : null}
      <ExcelLinks path={sheet.path} periodLabel={sheet.period.label} canImport={sheet.editable} />
      <OutcomesDueNote path={sheet.path} periodLabel={sheet.period.label} {...sheet.outcomes} />
      {assessment
        ? sheet.charter.domains.map((domain) => {
            const saved = sheet.plan.principles[domain.number];
            const justSaved = search.get("savedPrinciples") === String(domain.number);
            const refused = result?.form === "principles" && result.domain === domain.number;
            return (
              <section key={domain.number} aria-labelledby={`domain-${domain.number}`}>
                <h2 className="nhsuk-heading-m" id={`domain-${domain.number}`}>
                  Domain {domain.number}: {domain.title}
                </h2>
                {level ? <DomainProgressNote level={level} domainNumber={domain.number} /> : null}
                <MonthTaskList
                  domainNumber={domain.number}
                  items={domain.componentIds.map((id) => sheet.tasks[id]!)}
                />
                <details className="nhsuk-details" open={justSaved || refused}>
                  <summary className="nhsuk-details__summary">
                    <span className="nhsuk-details__summary-text">
                      Cross-cutting principles in domain {domain.number} (
                      {saved?.principlesInPlace.length ?? 0} of {sheet.plan.principleList.length} in
                      place)
                    </span>
                  </summary>
                  <div className="nhsuk-details__text">
                    <DomainPrinciples
                      path={sheet.path}
                      domain={domain.number}
                      principleList={sheet.plan.principleList}
                      saved={saved}
                      editable={sheet.editable}
                      justSaved={justSaved}
                      result={refused ? result : undefined}
                    />
                  </div>
                </details>
              </section>
            );
          })
        : null}
      {sheet.editable ? (
        <section aria-labelledby="check-before-submit" className="app-submit-area">
          <h2 className="nhsuk-heading-m" id="check-before-submit" tabIndex={-1}>
            Check before you submit
          </h2>
          {sheet.unanswered.length ? (
            <>
              <p className="nhsuk-body">
                {sheet.unanswered.length === 1
                  ? "1 component is not answered yet."
                  : `${sheet.unanswered.length} components are not answered yet.`}{" "}
                Every component needs an answer: Not started, In progress or Fulfilled.
              </p>
              <ul className="nhsuk-list nhsuk-list--bullet">
                {sheet.unanswered.map((t) => (
                  <li key={t.id} id={`check-${t.id}`} tabIndex={-1}>
                    <Link to={t.path}>
                      {t.id} {t.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="nhsuk-body">Every component is answered.</p>
          )}
          <Form method="post">
            <input type="hidden" name="intent" value="submit" />
            <p className="nhsuk-body">Once submitted, this month can no longer be changed.</p>
            <SubmitButton>Submit self-assessment</SubmitButton>
          </Form>
        </section>
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
