import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { recordAudit } from "../models/audit.server";
import { championRecipients } from "../models/reminders.server";
import { absoluteUrl } from "../email/links.server";
import { sendEmail } from "../email/notify.server";
import { queryPath } from "./paths";

/** The review page of a component, from which the reviewer verifies or queries again. */
const reviewPagePath = (a: { organisationId: number; periodId: number; componentId: string }) =>
  `/organisations/${a.organisationId}/periods/${a.periodId}/review/${encodeURIComponent(a.componentId)}`;

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

/**
 * Tells the steering group member who raised a query that a champion has
 * replied (issue 20): one email through the email module (GOV.UK Notify, or
 * the outbox), linking to the review page, and one audit row saying how the
 * send went. A reviewer whose account is deactivated is not emailed; the
 * reply still waits in the place's review queue.
 */
export async function notifyReviewerOfReply(
  db: Kysely<Database>,
  args: {
    request: Request;
    organisation: { id: number; name: string; systemId: number };
    period: { id: number; label: string };
    assessmentId: number;
    component: { id: string; title: string };
    reviewId: number;
    reviewer: { id: number; name: string; email: string; deactivated: boolean };
    champion: { id: number; name: string };
    ip: string | null;
  },
) {
  const link = absoluteUrl(
    reviewPagePath({
      organisationId: args.organisation.id,
      periodId: args.period.id,
      componentId: args.component.id,
    }),
  );
  const result = args.reviewer.deactivated
    ? null
    : await sendEmail(db, {
        template: "query_reply",
        to: args.reviewer.email,
        userId: args.reviewer.id,
        systemId: args.organisation.systemId,
        personalisation: {
          name: args.reviewer.name,
          organisation: args.organisation.name,
          period: args.period.label,
          component: `${args.component.id} ${args.component.title}`,
          champion: args.champion.name,
          link,
        },
      });
  await recordAudit(db, {
    actorUserId: args.champion.id,
    action: "query.reply_notified",
    targetType: "assessment",
    targetId: args.assessmentId,
    detail: {
      period: args.period.label,
      component: args.component.id,
      review: args.reviewId,
      emails: result
        ? [{ userId: args.reviewer.id, messageId: result.messageId, status: result.status }]
        : [],
    },
    ip: args.ip,
    now: new Date(),
  });
  return result;
}
