import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { SelectField } from "~/components/forms/ChoiceFields";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { TextField } from "~/components/forms/TextField";
import { openPeriodSchema, periodStatusSchema } from "~/forms/admin";
import { recordAudit } from "~/models/audit.server";
import {
  getPeriod,
  listPeriods,
  openMonthlyPeriod,
  setPeriodStatus,
} from "~/models/periods.server";
import { forbidden, requireAdmin } from "~/auth/guards.server";
import { getDb } from "~/models/db.server";
import { formErrors } from "~/http/form-errors.server";
import { parseForm } from "~/forms/parse";
import { todayInUk } from "~/utils/dates";
import { monthlyPeriod } from "~/periods/monthly";
import { clientIp } from "~/http/request.server";
import { readForm } from "~/http/form-body.server";

export const meta: MetaFunction = () => [{ title: "Reporting periods – Anchor Charter" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { systemId } = await requireAdmin(request);
  const periods = await listPeriods(getDb(), { systemId });
  const [year, month] = todayInUk().split("-");
  return {
    periods: periods.map((p) => ({ id: p.id, label: p.label, status: p.status })),
    thisYear: year!,
    thisMonth: String(Number(month)),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { auth, systemId } = await requireAdmin(request);
  const formData = await readForm(request);
  const db = getDb();
  const audit = (action: "period.opened" | "period.closed", id: number, label: string) =>
    recordAudit(db, {
      actorUserId: auth.user.id,
      action,
      targetType: "assessment_period",
      targetId: id,
      detail: { label },
      ip: clientIp(context),
      now: new Date(),
    });
  if (formData.get("intent") === "open") {
    const form = parseForm(openPeriodSchema, formData);
    if (!form.success) return formErrors(form.errors, form.values);
    const opened = await openMonthlyPeriod(db, { systemId, ...form.data });
    await audit("period.opened", opened.id, opened.label);
    return redirect("/admin/periods");
  }
  const form = parseForm(periodStatusSchema, formData);
  if (!form.success) return formErrors(form.errors, form.values);
  const period = await getPeriod(db, { id: form.data.periodId });
  if (!period || period.system_id !== systemId) forbidden();
  const status = form.data.intent === "close" ? "closed" : "open";
  await setPeriodStatus(db, { id: period.id, status });
  await audit(status === "closed" ? "period.closed" : "period.opened", period.id, period.label);
  return redirect("/admin/periods");
}

const months = Array.from({ length: 12 }, (_, i) => ({
  value: String(i + 1),
  label: monthlyPeriod(2021, i).label.replace(" 2021", ""),
}));

export default function Periods() {
  const { periods, thisYear, thisMonth } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <ErrorSummary errors={result?.errors} />
      <h1 className="nhsuk-heading-l">Reporting periods</h1>
      <p className="nhsuk-body">
        Champions can update their self-assessment while a month is open.
      </p>
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
                  {p.status === "open" ? "Open for returns" : "Closed to returns"}
                </td>
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
          defaultValue={result?.values?.month ?? thisMonth}
          error={result?.errors?.month}
        />
        <TextField
          name="year"
          label="Year"
          inputMode="numeric"
          width={4}
          defaultValue={result?.values?.year ?? thisYear}
          error={result?.errors?.year}
        />
        <SubmitButton>Open month</SubmitButton>
      </Form>
    </>
  );
}
