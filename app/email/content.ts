import type { MessageTemplate } from "../../db/schema";

/**
 * The words of every email the service sends, in one place. The outbox shows
 * exactly this text; a GOV.UK Notify template must say the same thing, so
 * `notifyTemplateSource` prints each one with Notify's ((placeholder)) syntax
 * for pasting into Notify.
 */

/** The personalisation each template needs, which is also what its Notify template uses. */
export const personalisationKeys = {
  invitation: ["name", "link", "role_description", "expiry"],
  password_reset: ["name", "link"],
  reminder: ["name", "organisation", "period", "due_date", "link", "sender"],
  query: ["name", "organisation", "period", "component", "reviewer", "link"],
  query_reply: ["name", "organisation", "period", "component", "champion", "link"],
} as const satisfies Record<MessageTemplate, readonly string[]>;

type Fields<T extends MessageTemplate> = Record<(typeof personalisationKeys)[T][number], string>;

const templates: { [T in MessageTemplate]: (p: Fields<T>) => { subject: string; body: string } } = {
  invitation: (p) => ({
    subject: "You have been invited to the Anchor Charter self-assessment",
    body: [
      `Dear ${p.name},`,
      `You have been given access to the Anchor Charter self-assessment as ${p.role_description}.`,
      `To accept, choose a password using this link:`,
      p.link,
      `The link works once and expires on ${p.expiry}. If it has expired, ask your administrator to send a new invitation.`,
      `If you were not expecting this email, you can ignore it.`,
    ].join("\n\n"),
  }),
  password_reset: (p) => ({
    subject: "Reset your Anchor Charter password",
    body: [
      `Dear ${p.name},`,
      `Someone asked to reset the password for your Anchor Charter account. To choose a new password, use this link:`,
      p.link,
      `The link works once and only for a short time. If it has stopped working, ask for another one from the sign-in page.`,
      `If you did not ask for this, you can ignore this email: your password has not changed.`,
    ].join("\n\n"),
  }),
  reminder: (p) => ({
    subject: `Reminder: ${p.organisation} has not submitted its Anchor Charter return for ${p.period}`,
    body: [
      `Dear ${p.name},`,
      `${p.organisation} has not yet submitted its Anchor Charter self-assessment for ${p.period}. It is due by ${p.due_date}. ${p.sender} has asked us to remind you.`,
      `A return made after the due date is still accepted until the month is closed, and is marked late. You can complete and submit it here:`,
      p.link,
      `If it has been submitted since this email was sent, you can ignore it.`,
    ].join("\n\n"),
  }),
  query: (p) => ({
    subject: `${p.reviewer} has a question about ${p.component} in ${p.organisation}'s return for ${p.period}`,
    body: [
      `Dear ${p.name},`,
      `${p.reviewer}, of the steering group, has queried the evidence for ${p.component} in ${p.organisation}'s Anchor Charter return for ${p.period}.`,
      `You can read the query and reply here, with new evidence if you have it. You do not need the month reopened to reply:`,
      p.link,
      `If someone at ${p.organisation} has replied already, you can ignore this email.`,
    ].join("\n\n"),
  }),
  query_reply: (p) => ({
    subject: `${p.champion} replied to your query about ${p.component} in ${p.organisation}'s return for ${p.period}`,
    body: [
      `Dear ${p.name},`,
      `${p.champion}, a champion at ${p.organisation}, has replied to your query about ${p.component} in its Anchor Charter return for ${p.period}.`,
      `You can read the reply and its evidence, then verify the component or query it again, here:`,
      p.link,
      `The reply also waits for you in your place's review queue.`,
    ].join("\n\n"),
  }),
};

/** Fills a template in. A missing field is a bug in the caller, so it throws rather than send a broken email. */
export function renderEmail(
  template: MessageTemplate,
  personalisation: Record<string, string>,
): { subject: string; body: string } {
  const missing = personalisationKeys[template].filter(
    (key) => typeof personalisation[key] !== "string",
  );
  if (missing.length > 0) {
    throw new Error(`The ${template} email needs personalisation: ${missing.join(", ")}`);
  }
  const render = templates[template] as (p: Record<string, string>) => {
    subject: string;
    body: string;
  };
  return render(personalisation);
}

/** The text to give the template in GOV.UK Notify, with its ((placeholders)). */
export function notifyTemplateSource(template: MessageTemplate): { subject: string; body: string } {
  const placeholders = Object.fromEntries(
    personalisationKeys[template].map((key) => [key, `((${key}))`]),
  );
  return renderEmail(template, placeholders);
}

/** The whole email as one text, as the outbox keeps and prints it. */
export function emailAsText(email: { subject: string; body: string }): string {
  return `Subject: ${email.subject}\n\n${email.body}`;
}
