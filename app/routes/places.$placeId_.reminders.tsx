import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { PeriodChooser } from "~/components/readers/PeriodChooser";
import { loadReminders, remind } from "./places.$placeId_.reminders.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Send reminders, ${data?.place.name ?? "place"} – Anchor Charter` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadReminders(request, params);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  return remind(request, params, context);
}

const namesList = (names: string[]) =>
  new Intl.ListFormat("en-GB", { style: "long", type: "conjunction" }).format(names);

const organisations = (n: number) => (n === 1 ? "1 organisation" : `${n} organisations`);

/** A place lead reminds the champions of the place's organisations that have not submitted. */
export default function RemindersPage() {
  const r = useLoaderData<typeof loader>();
  const problem = useActionData<typeof action>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={problem?.errors} />
        {r.outcome ? <OutcomeBanner {...r.outcome} /> : null}
        <h1 className="nhsuk-heading-l">
          <span className="nhsuk-caption-l">{r.place.name}</span>
          Remind those who have not submitted
        </h1>
        <PeriodChooser groups={r.periods} chosenId={r.period?.id ?? null} />
        {r.unknownRequest && r.period ? (
          <div className="nhsuk-inset-text">
            <p>That reporting period is not one of this place&apos;s. Showing {r.period.label}.</p>
          </div>
        ) : null}
        {r.period && r.due ? <DueLine period={r.period} due={r.due} /> : null}
        {!r.period ? (
          <p className="nhsuk-body">No reporting period has been opened yet.</p>
        ) : r.period.closed ? (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>
              {r.period.label} is closed to returns, so no reminder can be sent for it. Choose a
              month that is still open.
            </p>
          </div>
        ) : r.organisationCount === 0 ? (
          <p className="nhsuk-body">No organisations belong to {r.place.name} yet.</p>
        ) : r.outstanding.length === 0 ? (
          <p className="nhsuk-body">
            Every organisation in {r.place.name} has submitted for {r.period.label}: there is nobody
            to remind.
          </p>
        ) : (
          <>
            <p className="nhsuk-body">
              Each organisation&apos;s champions get one email asking them to submit{" "}
              {r.period.label}, with a link to the month. An organisation is reminded once per month
              unless you confirm you want to remind it again. System-wide organisations are reminded
              by the ICS, not by each place.
            </p>
            <OutstandingTable
              rows={r.outstanding}
              periodLabel={r.period.label}
              overdue={r.due?.overdue ?? false}
            />
            {r.enoughToday.length ? (
              <div className="nhsuk-inset-text">
                <p>
                  {namesList(r.enoughToday)} {r.enoughToday.length === 1 ? "has" : "have"} been
                  reminded {r.remindersPerDay} times today, the most in one day, so{" "}
                  {r.enoughToday.length === 1 ? "it is" : "they are"} not offered here. You can
                  remind {r.enoughToday.length === 1 ? "it" : "them"} again tomorrow.
                </p>
              </div>
            ) : null}
            {r.withoutChampions.length ? (
              <div className="nhsuk-inset-text">
                <p>
                  Nobody holds the champion role for {namesList(r.withoutChampions)}, so there is
                  nobody to remind there. Invite a champion from Administration.
                </p>
              </div>
            ) : null}
            {r.toSend > 0 ? (
              <Form method="post" noValidate>
                <input type="hidden" name="period" value={r.period.id} />
                <SubmitButton>Send reminders to {organisations(r.toSend)}</SubmitButton>
              </Form>
            ) : null}
            {r.held > 0 ? (
              <ConfirmAgain
                held={r.held}
                toSend={r.toSend}
                lastReminded={r.heldLastReminded}
                periodId={r.period.id}
              />
            ) : null}
          </>
        )}
        <p className="nhsuk-body">
          <Link to={`/places/${r.place.id}${r.period ? `?period=${r.period.id}` : ""}`}>
            Back to the {r.place.name} summary
          </Link>
        </p>
      </div>
    </div>
  );
}

function OutcomeBanner(props: {
  reminded: number;
  failed: number;
  held: number;
  enoughToday: number;
}) {
  const were = (n: number) => (n === 1 ? "was" : "were");
  const skipped =
    [
      props.held > 0
        ? `${organisations(props.held)} already reminded this month ${were(props.held)} skipped.`
        : "",
      props.enoughToday > 0
        ? `${organisations(props.enoughToday)} reminded as often today as a day allows ${were(props.enoughToday)} not reminded again: try again tomorrow.`
        : "",
    ]
      .filter(Boolean)
      .join(" ") || null;
  const success = props.reminded > 0;
  const heading = success
    ? `Reminders sent to the champions of ${organisations(props.reminded)}.`
    : props.failed > 0
      ? null
      : skipped
        ? "Nobody was reminded."
        : "There was nobody left to remind.";
  return (
    <>
      {props.failed > 0 ? (
        <div className="nhsuk-error-summary" role="alert" tabIndex={-1}>
          <h2 className="nhsuk-error-summary__heading">There is a problem</h2>
          <div className="nhsuk-error-summary__body">
            <p>
              The reminders to {organisations(props.failed)} could not be sent. Nothing was recorded
              for them: try again later, or ask an administrator to check the email settings.
            </p>
          </div>
        </div>
      ) : null}
      {heading ? (
        <div
          className={`nhsuk-notification-banner${success ? " nhsuk-notification-banner--success" : ""}`}
          role={success ? "alert" : "region"}
          aria-labelledby="reminders-banner-title"
        >
          <div className="nhsuk-notification-banner__header">
            <h2 className="nhsuk-notification-banner__title" id="reminders-banner-title">
              {success ? "Success" : "Important"}
            </h2>
          </div>
          <div className="nhsuk-notification-banner__content">
            <p className="nhsuk-notification-banner__heading">{heading}</p>
            {skipped ? (
              <p className="nhsuk-body">
                {skipped} {!success && props.held > 0 ? "You can remind them again below." : ""}
              </p>
            ) : null}
          </div>
        </div>
      ) : null}
    </>
  );
}

/** When the month is due, and who is late: a return sent after it, or none sent by then. */
function DueLine(props: {
  period: { label: string; closed: boolean };
  due: { dueOn: string; overdue: boolean; late: string[]; onTime: number };
}) {
  const { due } = props;
  return (
    <>
      <p className="nhsuk-body-l">
        {props.period.label} {due.overdue ? "was" : "is"} due by {due.dueOn}.
        {due.overdue && !props.period.closed
          ? " Returns not yet submitted are overdue: they are still accepted until the month is closed, and marked late."
          : ""}
      </p>
      {due.onTime || due.late.length ? (
        <p className="nhsuk-body">
          {due.onTime === 1 ? "1 organisation" : `${due.onTime} organisations`} submitted on time
          {due.late.length ? `; submitted late: ${namesList(due.late)}` : ""}.
        </p>
      ) : null}
    </>
  );
}

function OutstandingTable(props: {
  rows: Array<{ id: number; name: string; champions: number; lastReminded: string | null }>;
  periodLabel: string;
  overdue: boolean;
}) {
  return (
    <table className="nhsuk-table">
      <caption className="nhsuk-table__caption">Not submitted for {props.periodLabel}</caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          <th scope="col" className="nhsuk-table__header">
            Organisation
          </th>
          <th scope="col" className="nhsuk-table__header">
            Against the due date
          </th>
          <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">
            Champions
          </th>
          <th scope="col" className="nhsuk-table__header">
            Last reminded
          </th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {props.rows.map((row) => (
          <tr className="nhsuk-table__row" key={row.id}>
            <td className="nhsuk-table__cell">{row.name}</td>
            <td className="nhsuk-table__cell">
              {props.overdue ? (
                <strong className="nhsuk-tag nhsuk-tag--red">Overdue</strong>
              ) : (
                <strong className="nhsuk-tag nhsuk-tag--grey">Not yet due</strong>
              )}
            </td>
            <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{row.champions}</td>
            <td className="nhsuk-table__cell">{row.lastReminded ?? "Not reminded"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The confirm step: those already reminded this month go again only when asked twice. */
function ConfirmAgain(props: {
  held: number;
  toSend: number;
  lastReminded: string | null;
  periodId: number;
}) {
  const were = props.held === 1 ? "was" : "were";
  return (
    <div className="nhsuk-warning-callout">
      <h2 className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>
          Already reminded
        </span>
      </h2>
      <p>
        {organisations(props.held)} {were} reminded
        {props.lastReminded ? ` on ${props.lastReminded}` : ""}; send again?
      </p>
      <Form method="post" noValidate>
        <input type="hidden" name="period" value={props.periodId} />
        <input type="hidden" name="confirm" value="yes" />
        {props.toSend > 0 ? (
          <p className="nhsuk-body">
            This also reminds the {organisations(props.toSend)} not reminded yet.
          </p>
        ) : null}
        <SubmitButton secondary>Yes, remind them again</SubmitButton>
      </Form>
    </div>
  );
}
