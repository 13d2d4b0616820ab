import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { SelectField } from "~/components/forms/ChoiceFields";
import { DateInput, typedDate } from "~/components/forms/DateInput";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { TextField } from "~/components/forms/TextField";
import { ordinal } from "~/audit/sentences";
import { monthlyPeriod } from "~/periods/monthly";
import { changePeriods, loadPeriods } from "./admin.periods.server";

export const meta: MetaFunction = () => [{ title: "Reporting periods – Anchor Charter" }];

export async function loader({ request }: LoaderFunctionArgs) {
  return loadPeriods(request);
}

export async function action({ request, context }: ActionFunctionArgs) {
  return changePeriods(request, context);
}

const months = Array.from({ length: 12 }, (_, i) => ({
  value: String(i + 1),
  label: monthlyPeriod(2021, i).label.replace(" 2021", ""),
}));

export default function Periods() {
  const { periods, rule, editing, thisYear, thisMonth } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const refused = (intent: string) => (result?.values?.intent === intent ? result : undefined);
  const saved = search.get("saved");
  return (
    <>
      <ErrorSummary errors={result?.errors} />
      {saved ? (
        <div
          className="nhsuk-notification-banner nhsuk-notification-banner--success"
          role="alert"
          aria-labelledby="saved-title"
        >
          <div className="nhsuk-notification-banner__header">
            <h2 className="nhsuk-notification-banner__title" id="saved-title">
              Success
            </h2>
          </div>
          <div className="nhsuk-notification-banner__content">
            <p className="nhsuk-notification-banner__heading">
              {saved === "rule"
                ? `Returns are now due on the ${ordinal(rule.workingDay)} working day of the month after each month.`
                : `${periods.find((p) => String(p.id) === saved)?.label ?? "The month"}'s returns are now due by ${periods.find((p) => String(p.id) === saved)?.dueOn ?? "the date shown"}.`}
            </p>
          </div>
        </div>
      ) : null}
      <h1 className="nhsuk-heading-l">Reporting periods</h1>
      <p className="nhsuk-body">
        Champions can update their self-assessment while a month is open. Returns made after the
        month&apos;s due date are still accepted until you close it, and are marked late.
      </p>

      <h2 className="nhsuk-heading-m">When returns are due</h2>
      <p className="nhsuk-body">
        Unless a month has a date of its own, its returns are due on the{" "}
        <strong>{ordinal(rule.workingDay)} working day</strong> of the month after it ends. Weekends
        and bank holidays in England and Wales are not working days.
      </p>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="dueRule" />
        <TextField
          name="workingDay"
          label="Working day of the next month that returns are due on"
          hint="A number from 1 to 20. For example, 10 for the tenth working day."
          inputMode="numeric"
          width={2}
          defaultValue={refused("dueRule")?.values?.workingDay ?? String(rule.workingDay)}
          error={refused("dueRule")?.errors?.workingDay}
        />
        <SubmitButton secondary>Save the rule</SubmitButton>
      </Form>

      {editing ? (
        <section aria-labelledby="due-date-heading" id="due-date-form">
          <h2 className="nhsuk-heading-m" id="due-date-heading">
            Due date for {editing.label}
          </h2>
          {/* Posts back to this address, so a refused date is shown with its form. */}
          <Form method="post" noValidate action={`/admin/periods?dueDate=${editing.id}`}>
            <input type="hidden" name="intent" value="dueDate" />
            <input type="hidden" name="periodId" value={editing.id} />
            <DateInput
              name="dueOn"
              legend={`When are ${editing.label}'s returns due?`}
              hint={`For example, 15 1 2027. By the rule it would be ${editing.byRule}.`}
              error={refused("dueDate")?.errors?.dueOn}
              value={typedDate(refused("dueDate")?.values, "dueOn") ?? editing.dueOn}
            />
            <SubmitButton>Save due date</SubmitButton>
          </Form>
          {editing.ownDate ? (
            <Form method="post">
              <input type="hidden" name="intent" value="dueByRule" />
              <input type="hidden" name="periodId" value={editing.id} />
              <SubmitButton secondary>Use the rule instead ({editing.byRule})</SubmitButton>
            </Form>
          ) : null}
          <p className="nhsuk-body">
            <Link to="/admin/periods">Cancel</Link>
          </p>
        </section>
      ) : null}

      <h2 className="nhsuk-heading-m">Months</h2>
      {periods.length === 0 ? (
        <p className="nhsuk-body">No periods yet. Open the first month below.</p>
      ) : (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
            Reporting periods, newest first
          </caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                Month
              </th>
              <th scope="col" className="nhsuk-table__header">
                Returns due
              </th>
              <th scope="col" className="nhsuk-table__header">
                Status
              </th>
              <th scope="col" className="nhsuk-table__header">
                Action
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {periods.map((p) => (
              <tr className="nhsuk-table__row" key={p.id}>
                <td className="nhsuk-table__cell">{p.label}</td>
                <td className="nhsuk-table__cell">
                  {p.dueOn}
                  {p.ownDate ? " (its own date)" : ""}
                  <br />
                  <Link to={`/admin/periods?dueDate=${p.id}#due-date-form`}>
                    Change
                    <span className="nhsuk-u-visually-hidden"> the due date of {p.label}</span>
                  </Link>
                </td>
                <td className="nhsuk-table__cell">{p.phase}</td>
                <td className="nhsuk-table__cell">
                  <Form method="post">
                    <input type="hidden" name="periodId" value={p.id} />
                    <input
                      type="hidden"
                      name="intent"
                      value={p.status === "open" ? "close" : "openAgain"}
                    />
                    <button type="submit" className="app-link-button">
                      {p.status === "open" ? "Close to returns" : "Open to returns again"}
                      <span className="nhsuk-u-visually-hidden"> {p.label}</span>
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 className="nhsuk-heading-m">Open a month</h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="open" />
        <SelectField
          name="month"
          label="Month"
          options={months}
          defaultValue={refused("open")?.values?.month ?? thisMonth}
          error={refused("open")?.errors?.month}
        />
        <TextField
          name="year"
          label="Year"
          inputMode="numeric"
          width={4}
          defaultValue={refused("open")?.values?.year ?? thisYear}
          error={refused("open")?.errors?.year}
        />
        <SubmitButton>Open month</SubmitButton>
      </Form>
    </>
  );
}
