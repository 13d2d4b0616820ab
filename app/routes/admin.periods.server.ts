import { type AppLoadContext, redirect } from "@remix-run/node";
import { forbidden, requireAdmin } from "~/auth/guards.server";
import {
  dueRuleSchema,
  openPeriodSchema,
  periodDueByRuleSchema,
  periodDueDateSchema,
  periodStatusSchema,
} from "~/forms/admin";
import { joinDates } from "~/forms/fields";
import { parseForm } from "~/forms/parse";
import { readForm } from "~/http/form-body.server";
import { formErrors } from "~/http/form-errors.server";
import { clientIp } from "~/http/request.server";
import { type AuditAction, recordAudit } from "~/models/audit.server";
import { getDb } from "~/models/db.server";
import {
  dueDateRule,
  getPeriod,
  listPeriods,
  openMonthlyPeriod,
  setDueDateRule,
  setPeriodDueDate,
  setPeriodStatus,
} from "~/models/periods.server";
import { dueDateByRule } from "~/periods/due-dates";
import { periodPhase } from "~/periods/phase";
import { formatDay, todayInUk } from "~/utils/dates";

const phaseWords = {
  open: "Open for returns",
  "past-due": "Open for late returns (past its due date)",
  closed: "Closed to returns",
} as const;

/** The system's months with their due dates and phases, the rule, and the month being given a date. */
export async function loadPeriods(request: Request) {
  const { systemId } = await requireAdmin(request);
  const db = getDb();
  const [periods, rule] = await Promise.all([
    listPeriods(db, { systemId }),
    dueDateRule(db, { systemId }),
  ]);
  const [year, month] = todayInUk().split("-");
  const editing = new URL(request.url).searchParams.get("dueDate");
  const chosen = periods.find((p) => String(p.id) === editing);
  return {
    rule,
    periods: periods.map((p) => ({
      id: p.id,
      label: p.label,
      status: p.status,
      phase: phaseWords[periodPhase({ status: p.status, dueOn: p.dueOn })],
      dueOn: formatDay(p.dueOn),
      ownDate: p.due_on !== null,
    })),
    editing: chosen
      ? {
          id: chosen.id,
          label: chosen.label,
          dueOn: chosen.dueOn,
          ownDate: chosen.due_on !== null,
          byRule: formatDay(dueDateByRule(chosen.ends_on, rule)),
        }
      : null,
    thisYear: year!,
    thisMonth: String(Number(month)),
  };
}

export async function changePeriods(request: Request, context: AppLoadContext) {
  const { auth, systemId } = await requireAdmin(request);
  const formData = await readForm(request);
  const db = getDb();
  const audit = (
    action: AuditAction,
    target: { type: string; id: number },
    detail: Record<string, unknown>,
  ) =>
    recordAudit(db, {
      actorUserId: auth.user.id,
      action,
      targetType: target.type,
      targetId: target.id,
      // Every event on this page is the administrator's own system's (ADR 035).
      system: { systemId },
      detail,
      ip: clientIp(context),
      now: new Date(),
    });
  const intent = formData.get("intent");
  if (intent === "open") {
    const form = parseForm(openPeriodSchema, formData);
    if (!form.success) return formErrors(form.errors, form.values);
    const opened = await openMonthlyPeriod(db, { systemId, ...form.data });
    await audit(
      "period.opened",
      { type: "assessment_period", id: opened.id },
      { label: opened.label },
    );
    return redirect("/admin/periods");
  }
  if (intent === "dueRule") {
    const form = parseForm(dueRuleSchema, formData);
    if (!form.success) return formErrors(form.errors, form.values);
    const before = await dueDateRule(db, { systemId });
    await setDueDateRule(db, { systemId, rule: { workingDay: form.data.workingDay } });
    await audit(
      "system.due_rule_set",
      { type: "system", id: systemId },
      { workingDay: form.data.workingDay, from: before.workingDay },
    );
    return redirect("/admin/periods?saved=rule");
  }
  if (intent === "dueDate" || intent === "dueByRule") {
    const form =
      intent === "dueDate"
        ? parseForm(periodDueDateSchema, joinDates(formData, ["dueOn"]))
        : parseForm(periodDueByRuleSchema, formData);
    if (!form.success) return formErrors(form.errors, form.values);
    const period = await getPeriod(db, { id: form.data.periodId });
    if (!period || period.system_id !== systemId) forbidden();
    const dueOn = "dueOn" in form.data ? form.data.dueOn : null;
    if (dueOn !== null && dueOn < period.starts_on) {
      return formErrors(
        {
          dueOn: `The due date must be on or after ${formatDay(period.starts_on)}, when ${period.label} starts`,
        },
        form.values,
      );
    }
    await setPeriodDueDate(db, { id: period.id, dueOn });
    const now = dueOn ?? dueDateByRule(period.ends_on, await dueDateRule(db, { systemId }));
    await audit(
      "period.due_date_set",
      { type: "assessment_period", id: period.id },
      { label: period.label, override: dueOn !== null, dueOn: now, dueOnWords: formatDay(now) },
    );
    return redirect(`/admin/periods?saved=${period.id}`);
  }
  const form = parseForm(periodStatusSchema, formData);
  if (!form.success) return formErrors(form.errors, form.values);
  const period = await getPeriod(db, { id: form.data.periodId });
  if (!period || period.system_id !== systemId) forbidden();
  const status = form.data.intent === "close" ? "closed" : "open";
  await setPeriodStatus(db, { id: period.id, status });
  await audit(
    status === "closed" ? "period.closed" : "period.opened",
    { type: "assessment_period", id: period.id },
    { label: period.label },
  );
  return redirect("/admin/periods");
}
