import { type AppLoadContext, redirect } from "@remix-run/node";
import { canReadGoodPractice, canSendReminders } from "~/access/policy";
import { reminderSchema } from "~/forms/reminders";
import { readForm } from "~/http/form-body.server";
import { getPeriod, listPeriods } from "~/models/periods.server";
import { getPlace } from "~/models/places.server";
import { lastReminded, planReminders, REMINDERS_PER_DAY } from "~/reminders/plan";
import { reminderCandidates, sendReminders } from "~/reminders/send.server";
import { forbidden, notFound, requireUser, routeId } from "~/auth/guards.server";
import { getDb } from "~/models/db.server";
import { firstKey, firstSubmissionTimes } from "~/models/submissions.server";
import { returnTimeliness } from "~/periods/phase";
import { formatDateTime, formatDay, todayInUk } from "~/utils/dates";
import { formErrors } from "~/http/form-errors.server";
import { parseForm } from "~/forms/parse";
import { readersPeriod } from "~/readers/period.server";
import { clientIp } from "~/http/request.server";

type Params = { placeId?: string };

/**
 * The place's lead or an administrator. Anyone else of the place's
 * collaborative (its steering group, its champions, the system's readers)
 * knows the place and is refused (403); to everyone else it does not exist.
 */
async function requireReminderSender(request: Request, params: Params) {
  const auth = await requireUser(request);
  const place = await getPlace(getDb(), { id: routeId(params.placeId) });
  if (!place || !canReadGoodPractice(auth.principal, place)) notFound();
  if (!canSendReminders(auth.principal, place)) {
    forbidden("Only the place lead or an administrator can send reminders.");
  }
  return { auth, place };
}

/** What was just done, from the address the action redirected to: whole numbers only. */
function outcomeFrom(url: URL) {
  const count = (name: string) => {
    const value = url.searchParams.get(name);
    return value && /^\d{1,6}$/.test(value) ? Number(value) : null;
  };
  const reminded = count("reminded");
  if (reminded === null) return null;
  return {
    reminded,
    failed: count("failed") ?? 0,
    held: count("held") ?? 0,
    enoughToday: count("enoughToday") ?? 0,
  };
}

export async function loadReminders(request: Request, params: Params) {
  const { place } = await requireReminderSender(request, params);
  const db = getDb();
  const url = new URL(request.url);
  // Unless one is asked for, the month being returned now: the newest still open.
  const open = (await listPeriods(db, { systemId: place.systemId })).find(
    (p) => p.status === "open",
  );
  const { chosen, chooser, unknownRequest } = await readersPeriod(db, {
    systemId: place.systemId,
    requested: url.searchParams.get("period") ?? (open ? String(open.id) : null),
  });
  const candidates = chosen ? await reminderCandidates(db, { place, period: chosen }) : [];
  const due = chosen ? await dueStanding(chosen, candidates) : null;
  const closed = chosen?.status === "closed";
  const plan = planReminders(closed ? [] : candidates, { confirmed: false });
  const held = lastReminded(plan.held);
  const row = (c: (typeof candidates)[number]) => ({
    id: c.id,
    name: c.name,
    champions: c.champions,
    lastReminded: c.lastRemindedAt ? formatDateTime(c.lastRemindedAt) : null,
  });
  return {
    place: { id: place.id, name: place.name },
    periods: chooser,
    period: chosen ? { id: chosen.id, label: chosen.label, closed } : null,
    due,
    unknownRequest,
    organisationCount: candidates.length,
    outstanding: candidates.filter((c) => !c.submitted).map(row),
    toSend: plan.send.length,
    held: plan.held.length,
    heldLastReminded: held ? formatDateTime(held) : null,
    withoutChampions: plan.withoutChampions.map((c) => c.name),
    enoughToday: plan.enoughToday.map((c) => c.name),
    remindersPerDay: REMINDERS_PER_DAY,
    outcome: outcomeFrom(url),
  };
}

export async function remind(request: Request, params: Params, context: AppLoadContext) {
  const { auth, place } = await requireReminderSender(request, params);
  const form = parseForm(reminderSchema, await readForm(request));
  if (!form.success) return formErrors(form.errors, form.values);
  const db = getDb();
  const period = await getPeriod(db, { id: form.data.period });
  if (!period || period.system_id !== place.systemId) {
    return formErrors({ period: "Choose a reporting period of this place" }, form.values);
  }
  if (period.status === "closed") {
    return formErrors(
      {
        period: `${period.label} is closed to returns, so there is nothing to remind anyone to submit`,
      },
      form.values,
      { status: 409 },
    );
  }
  const result = await sendReminders(db, {
    request,
    place,
    period,
    sender: { id: auth.user.id, name: auth.user.name },
    confirmed: form.data.confirm === "yes",
    ip: clientIp(context),
  });
  const query = new URLSearchParams({
    period: String(period.id),
    reminded: String(result.reminded),
    failed: String(result.failed),
    held: String(result.held),
  });
  if (result.enoughToday > 0) query.set("enoughToday", String(result.enoughToday));
  return redirect(`/places/${place.id}/reminders?${query}`);
}

/**
 * The month's due date and where the place's returns stand against it: who
 * is overdue or not yet due among those not submitted, and who submitted late.
 */
async function dueStanding(
  period: { id: number; dueOn: string },
  candidates: ReadonlyArray<{ id: number; name: string; submitted: boolean }>,
) {
  const firsts = await firstSubmissionTimes(getDb(), {
    periodIds: [period.id],
    organisationIds: candidates.map((c) => c.id),
  });
  const timeliness = (id: number) =>
    returnTimeliness({
      firstSubmittedAt: firsts.get(firstKey(id, period.id)) ?? null,
      dueOn: period.dueOn,
    });
  const named = (which: string) =>
    candidates.filter((c) => timeliness(c.id) === which).map((c) => c.name);
  return {
    dueOn: formatDay(period.dueOn),
    overdue: todayInUk() > period.dueOn,
    late: named("late"),
    onTime: named("on-time").length,
  };
}
