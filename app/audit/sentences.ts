import type { AuditAction } from "../models/audit.server";

/**
 * The audit log in plain words: one sentence per kind of event, from the
 * facts the row holds and the names its ids stand for. Pure: the model
 * resolves the names, this only words them. An unknown action (a row from an
 * older version) still reads as a sentence.
 */

export type AuditFacts = {
  action: string;
  /** Who did it; null when nobody was signed in. */
  actor: string | null;
  detail: Record<string, unknown> | null;
  /** What it was done to, named: a person, organisation, place or month. */
  targetName: string | null;
  /** For an event about an organisation's month: which organisation, which month. */
  month: { organisation: string; period: string } | null;
  /** "3.2 Converting and selling estate" for "3.2", if the charter has it. */
  componentName: (id: string) => string;
};

const roleWords: Record<string, string> = {
  champion: "champion",
  steering_member: "steering group member",
  place_lead: "place lead",
  admin: "administrator",
  system_reader: "system reader",
};

const statusWords: Record<string, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  fulfilled: "Fulfilled",
};

const kindWords: Record<string, string> = {
  narrative: "a narrative",
  link: "a link",
  measure: "a measure",
  file: "a document",
};

const text = (value: unknown): string | null =>
  typeof value === "string" && value.length > 0 ? value : null;

/** A quoted phrase, cut short so one long reason does not fill the row. */
function quoted(value: unknown, max = 120): string {
  const words = text(value) ?? "";
  return `“${words.length > max ? `${words.slice(0, max - 1)}…` : words}”`;
}

type Sentence = (f: AuditFacts, who: string) => string;

function monthOf(f: AuditFacts): string {
  if (f.month) return `${f.month.period} for ${f.month.organisation}`;
  const period = text(f.detail?.period);
  if (period && f.targetName) return `${period} for ${f.targetName}`;
  return period ?? f.targetName ?? "a month";
}

function componentOf(f: AuditFacts): string {
  const id = text(f.detail?.component);
  return id ? f.componentName(id) : "a component";
}

const someone = (f: AuditFacts) => f.targetName ?? "someone";

const sentences: Record<AuditAction, Sentence> = {
  "sign_in.success": (_f, who) => `${who} signed in`,
  "sign_in.failure": (f) =>
    `Someone failed to sign in as ${f.targetName ?? text(f.detail?.email) ?? "an unknown address"}`,
  "sign_in.rate_limited": (f) =>
    `Signing in as ${text(f.detail?.email) ?? "an address"} was paused after too many attempts`,
  sign_out: (_f, who) => `${who} signed out`,
  "sign_out.everywhere": (_f, who) => `${who} signed out on every device`,
  "two_factor.enabled": (_f, who) => `${who} set up security codes (a second factor)`,
  "two_factor.disabled": (_f, who) => `${who} turned off security codes`,
  "two_factor.failure": (_f, who) => `${who} entered a wrong security code`,
  "invitation.sent": (f, who) => `${who} invited ${someone(f)}`,
  "invitation.failed": (f, who) =>
    `${who} invited ${someone(f)}, but the invitation email could not be sent`,
  "invitation.accepted": (f) => `${someone(f)} accepted their invitation and chose a password`,
  "password_reset.requested": (f) => `Someone asked to reset ${someone(f)}'s password`,
  "password_reset.completed": (f) => `${someone(f)} chose a new password`,
  "role.granted": (f, who) =>
    `${who} made ${someone(f)} a ${roleWords[text(f.detail?.role) ?? ""] ?? "member"}`,
  "role.revoked": (f, who) => {
    const role = roleWords[text(f.detail?.role) ?? ""] ?? "role";
    const scope = text(f.detail?.scope);
    return `${who} removed ${someone(f)} as ${role}${scope ? ` of ${scope}` : ""}`;
  },
  "component.reviewed": (f, who) =>
    `${who} ${f.detail?.verdict === "queried" ? "queried" : "verified"} ${componentOf(f)} in ${monthOf(f)}`,
  "evidence.shared": (f, who) =>
    `${who} shared ${quoted(f.detail?.evidence)} from ${someone(f)} as good practice`,
  "evidence.unshared": (f, who) =>
    `${who} stopped sharing ${quoted(f.detail?.evidence)} from ${someone(f)}`,
  "user.deactivated": (f, who) => `${who} deactivated ${someone(f)}'s account`,
  "user.reactivated": (f, who) => `${who} reactivated ${someone(f)}'s account`,
  "place.created": (f, who) => `${who} created the place ${text(f.detail?.name) ?? someone(f)}`,
  "place.updated": (f, who) => `${who} changed the place ${text(f.detail?.name) ?? someone(f)}`,
  "organisation.created": (f, who) =>
    `${who} added the organisation ${text(f.detail?.name) ?? someone(f)}`,
  "organisation.updated": (f, who) =>
    `${who} changed the details of ${text(f.detail?.name) ?? someone(f)}`,
  "period.opened": (f, who) => `${who} opened ${text(f.detail?.label) ?? someone(f)} for returns`,
  "period.closed": (f, who) =>
    `${who} closed ${text(f.detail?.label) ?? someone(f)}: its returns can no longer change`,
  "assessment.changed": (f, who) => `${who} changed ${monthOf(f)}`,
  "assessment.started": (f, who) => `${who} started ${monthOf(f)}`,
  "assessment.submitted": (f, who) => `${who} submitted ${monthOf(f)}`,
  "assessment.reopened": (f, who) => {
    const reason = text(f.detail?.reason);
    return `${who} reopened ${monthOf(f)}${reason ? `, saying ${quoted(reason)}` : ""}`;
  },
  "principles.saved": (f, who) =>
    `${who} saved the principles of domain ${String(f.detail?.domain ?? "?")} in ${monthOf(f)}`,
  "action.added": (f, who) => `${who} added an action to ${componentOf(f)} in ${monthOf(f)}`,
  "action.removed": (f, who) => {
    const description = text(f.detail?.description);
    return `${who} removed the action ${description ? `${quoted(description, 80)} ` : ""}from ${componentOf(f)} in ${monthOf(f)}`;
  },
  "component.saved": (f, who) => {
    const from = text(f.detail?.from);
    const to = text(f.detail?.to);
    const change =
      to && from && from !== to
        ? ` (${statusWords[from] ?? from} to ${statusWords[to] ?? to})`
        : to
          ? ` (${statusWords[to] ?? to})`
          : "";
    return `${who} saved ${componentOf(f)}${change} in ${monthOf(f)}`;
  },
  "evidence.added": (f, who) =>
    f.detail?.reused === true
      ? `${who} reused evidence on ${componentOf(f)} in ${monthOf(f)}`
      : `${who} added ${kindWords[text(f.detail?.kind) ?? ""] ?? "evidence"} to ${componentOf(f)} in ${monthOf(f)}`,
  "evidence.removed": (f, who) => `${who} removed evidence from ${componentOf(f)} in ${monthOf(f)}`,
  "reminder.sent": (f, who) =>
    `${who} reminded the champions of ${someone(f)} to submit ${text(f.detail?.period) ?? "their return"}`,
  "reminder.failed": (f, who) =>
    `${who} tried to remind the champions of ${someone(f)} about ${text(f.detail?.period) ?? "their return"}, but no email could be sent`,
  "query.notified": (f, who) => {
    const emails = Array.isArray(f.detail?.emails) ? f.detail.emails.length : 0;
    const champions = emails === 1 ? "1 champion" : `${emails} champions`;
    return `${who}'s query on ${componentOf(f)} in ${monthOf(f)} was emailed to ${champions}`;
  },
  "query.replied": (f, who) =>
    `${who} replied to the query on ${componentOf(f)} in ${monthOf(f)}${
      f.detail?.evidenceItem ? ", with new evidence" : ""
    }`,
  "outcome_measure.created": (f, who) =>
    `${who} added the outcome measure ${quoted(f.detail?.name, 80)}`,
  "outcome_measure.revised": (f, who) =>
    `${who} changed the definition of ${quoted(f.detail?.name, 80)} (version ${String(f.detail?.version ?? "?")})`,
  "outcome_measure.retired": (f, who) =>
    f.detail?.retired === false
      ? `${who} started collecting ${quoted(f.detail?.name, 80)} again`
      : `${who} stopped collecting ${quoted(f.detail?.name, 80)}`,
  "outcome_target.set": (f, who) =>
    f.detail?.organisation === null
      ? `${who} set the system's target for ${quoted(f.detail?.measure, 80)}`
      : `${who} set ${someone(f)}'s own target for ${quoted(f.detail?.measure, 80)}`,
  "outcome_figures.saved": (f, who) => {
    const count = Array.isArray(f.detail?.measures) ? f.detail.measures.length : 0;
    return `${who} saved ${count === 1 ? "1 outcome figure" : `${count} outcome figures`} in ${monthOf(f)}`;
  },
};

export function auditSentence(facts: AuditFacts): string {
  const who = facts.actor ?? "Someone not signed in";
  const sentence = sentences[facts.action as AuditAction];
  if (sentence) return sentence(facts, who);
  return `${who}: ${facts.action.replace(/[._]/g, " ")}`;
}

/** The kinds of event a person filters by, in words, grouped as the filter shows them. */
export const auditKinds: Array<{
  group: string;
  actions: Array<{ action: AuditAction; label: string }>;
}> = [
  {
    group: "Self-assessments",
    actions: [
      { action: "assessment.started", label: "Month started" },
      { action: "component.saved", label: "Component saved" },
      { action: "evidence.added", label: "Evidence added" },
      { action: "evidence.removed", label: "Evidence removed" },
      { action: "principles.saved", label: "Principles saved" },
      { action: "action.added", label: "Action added" },
      { action: "action.removed", label: "Action removed" },
      { action: "assessment.changed", label: "Month changed" },
      { action: "assessment.submitted", label: "Month submitted" },
      { action: "assessment.reopened", label: "Month reopened" },
      { action: "outcome_figures.saved", label: "Outcome figures saved" },
    ],
  },
  {
    group: "Reviews, queries and sharing",
    actions: [
      { action: "component.reviewed", label: "Component reviewed (verified or queried)" },
      { action: "query.notified", label: "Champions emailed about a query" },
      { action: "query.replied", label: "Query replied to" },
      { action: "evidence.shared", label: "Evidence shared as good practice" },
      { action: "evidence.unshared", label: "Evidence no longer shared" },
      { action: "reminder.sent", label: "Reminder sent" },
      { action: "reminder.failed", label: "Reminder not sent" },
    ],
  },
  {
    group: "People and access",
    actions: [
      { action: "invitation.sent", label: "Invitation sent" },
      { action: "invitation.failed", label: "Invitation not sent" },
      { action: "invitation.accepted", label: "Invitation accepted" },
      { action: "role.granted", label: "Role given" },
      { action: "role.revoked", label: "Role removed" },
      { action: "user.deactivated", label: "Account deactivated" },
      { action: "user.reactivated", label: "Account reactivated" },
    ],
  },
  {
    group: "Signing in",
    actions: [
      { action: "sign_in.success", label: "Signed in" },
      { action: "sign_in.failure", label: "Failed to sign in" },
      { action: "sign_in.rate_limited", label: "Signing in paused" },
      { action: "sign_out", label: "Signed out" },
      { action: "sign_out.everywhere", label: "Signed out everywhere" },
      { action: "two_factor.enabled", label: "Security codes set up" },
      { action: "two_factor.disabled", label: "Security codes turned off" },
      { action: "two_factor.failure", label: "Wrong security code" },
      { action: "password_reset.requested", label: "Password reset asked for" },
      { action: "password_reset.completed", label: "Password reset" },
    ],
  },
  {
    group: "Places, organisations and months",
    actions: [
      { action: "place.created", label: "Place created" },
      { action: "place.updated", label: "Place changed" },
      { action: "organisation.created", label: "Organisation added" },
      { action: "organisation.updated", label: "Organisation changed" },
      { action: "period.opened", label: "Month opened" },
      { action: "period.closed", label: "Month closed" },
      { action: "outcome_measure.created", label: "Outcome measure added" },
      { action: "outcome_measure.revised", label: "Outcome measure changed" },
      { action: "outcome_measure.retired", label: "Outcome measure stopped or restarted" },
      { action: "outcome_target.set", label: "Outcome target set" },
    ],
  },
];
