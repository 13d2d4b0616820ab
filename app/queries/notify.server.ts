import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { recordAudit } from "../models/audit.server";
import { championRecipients } from "../models/reminders.server";
import { absoluteUrl } from "../email/links.server";
import { sendEmail } from "../email/notify.server";
import { queryPath } from "./paths";

/**
 * Tells the organisation's champions that a component was queried: one email
 * each through the email module (GOV.UK Notify, or the outbox), then one
 * audit row saying who was emailed and how each send went. A failed send
 * never undoes the query: the notice on their pages still shows it.
 */
export async function notifyChampionsOfQuery(
  db: Kysely<Database>,
  args: {
    request: Request;
    organisation: { id: number; name: string; systemId: number };
    period: { id: number; label: string };
    assessmentId: number;
    component: { id: string; title: string };
    reviewId: number;
    reviewer: { id: number; name: string };
    ip: string | null;
  },
) {
  const champions = await championRecipients(db, { organisationIds: [args.organisation.id] });
  const link = absoluteUrl(
    queryPath({
      organisationId: args.organisation.id,
      periodId: args.period.id,
      reviewId: args.reviewId,
    }),
  );
  const emails = [];
  for (const champion of champions) {
    const result = await sendEmail(db, {
      template: "query",
      to: champion.email,
      userId: champion.userId,
      systemId: args.organisation.systemId,
      personalisation: {
        name: champion.name,
        organisation: args.organisation.name,
        period: args.period.label,
        component: `${args.component.id} ${args.component.title}`,
        reviewer: args.reviewer.name,
        link,
      },
    });
    emails.push({ userId: champion.userId, messageId: result.messageId, status: result.status });
  }
  await recordAudit(db, {
    actorUserId: args.reviewer.id,
    action: "query.notified",
    targetType: "assessment",
    targetId: args.assessmentId,
    detail: {
      period: args.period.label,
      component: args.component.id,
      review: args.reviewId,
      emails,
    },
    ip: args.ip,
    now: new Date(),
  });
  return emails;
}
