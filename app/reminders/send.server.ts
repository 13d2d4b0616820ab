import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { periodReturns } from "../models/aggregation.server";
import { recordAudit } from "../models/audit.server";
import { listOrganisations } from "../models/organisations.server";
import {
  championRecipients,
  remindersFor,
  remindersSince,
  reserveReminder,
  settleReminder,
} from "../models/reminders.server";
import { ukDayStartUtc } from "../forms/audit-filter";
import { todayInUk } from "../utils/dates";
import { absoluteUrl } from "../email/links.server";
import { sendEmail } from "../email/notify.server";
import { formatDay } from "../utils/dates";
import { planReminders, REMINDERS_PER_DAY, type ReminderCandidate } from "./plan";

type Place = { id: number; systemId: number };
type Period = { id: number; label: string; dueOn: string; status: "open" | "closed" };

/**
 * The place's own organisations for a period, with whether each has
 * submitted, how many champions it has and when it was last reminded.
 * System-wide organisations serve every place and are the ICS's to chase,
 * so no single place reminds them.
 */
export async function reminderCandidates(
  db: Kysely<Database>,
  args: { place: Place; period: Period; now?: Date },
): Promise<ReminderCandidate[]> {
  const organisations = await listOrganisations(db, { placeIds: [args.place.id] });
  const ids = organisations.map((o) => o.id);
  const [returns, champions, reminded, today] = await Promise.all([
    periodReturns(db, { periodId: args.period.id, organisationIds: ids }),
    championRecipients(db, { organisationIds: ids }),
    remindersFor(db, { periodId: args.period.id, organisationIds: ids }),
    remindersSince(db, { organisationIds: ids, since: startOfUkDay(args.now ?? new Date()) }),
  ]);
  return organisations.map((o) => ({
    id: o.id,
    name: o.name,
    submitted: returns.some((r) => r.organisationId === o.id && r.state === "submitted"),
    champions: champions.filter((c) => c.organisationId === o.id).length,
    lastRemindedAt: reminded.get(o.id)?.lastSentAt ?? null,
    remindedToday: today.get(o.id) ?? 0,
  }));
}

const startOfUkDay = (now: Date) => ukDayStartUtc(todayInUk(now));

/**
 * Emails the champions of each organisation the plan says to remind, one
 * email each through the email module (GOV.UK Notify, or the outbox), then
 * records the reminder and audits it, per organisation. An organisation whose
 * every email failed is audited as failed and not recorded as reminded, so
 * sending again needs no confirmation. Each organisation's reminder for the
 * day is taken before its emails go, so no press, however many at once,
 * sends more than a day allows.
 */
export async function sendReminders(
  db: Kysely<Database>,
  args: {
    request: Request;
    place: Place;
    period: Period;
    sender: { id: number; name: string };
    confirmed: boolean;
    ip: string | null;
    now?: Date;
  },
) {
  // A closed month takes no returns, so there is nothing to remind anyone of (issue 20).
  const candidates = args.period.status === "open" ? await reminderCandidates(db, args) : [];
  const plan = planReminders(candidates, { confirmed: args.confirmed });
  const champions = await championRecipients(db, {
    organisationIds: plan.send.map((o) => o.id),
  });
  let reminded = 0;
  let failed = 0;
  // Taken by someone pressing at the same moment: counted with those reminded enough today.
  let enoughToday = plan.enoughToday.length;
  for (const organisation of plan.send) {
    const now = args.now ?? new Date();
    const reservation = await reserveReminder(db, {
      organisationId: organisation.id,
      periodId: args.period.id,
      sentBy: args.sender.id,
      since: startOfUkDay(now),
      limit: REMINDERS_PER_DAY,
      now,
    });
    if (reservation === null) {
      enoughToday += 1;
      continue;
    }
    const link = absoluteUrl(`/organisations/${organisation.id}/periods/${args.period.id}`);
    const results = [];
    for (const champion of champions.filter((c) => c.organisationId === organisation.id)) {
      const result = await sendEmail(db, {
        template: "reminder",
        to: champion.email,
        userId: champion.userId,
        systemId: args.place.systemId,
        personalisation: {
          name: champion.name,
          organisation: organisation.name,
          period: args.period.label,
          due_date: formatDay(args.period.dueOn),
          link,
          sender: args.sender.name,
        },
      });
      results.push({ userId: champion.userId, messageId: result.messageId, status: result.status });
    }
    const delivered = results.filter((r) => r.status !== "failed").length;
    await settleReminder(db, { id: reservation, recipients: delivered });
    if (delivered > 0) {
      reminded += 1;
    } else {
      failed += 1;
    }
    await recordAudit(db, {
      actorUserId: args.sender.id,
      action: delivered > 0 ? "reminder.sent" : "reminder.failed",
      targetType: "organisation",
      targetId: organisation.id,
      detail: {
        placeId: args.place.id,
        periodId: args.period.id,
        period: args.period.label,
        again: organisation.lastRemindedAt !== null,
        emails: results,
      },
      ip: args.ip,
      now,
    });
  }
  return { reminded, failed, held: plan.held.length, enoughToday, plan };
}
