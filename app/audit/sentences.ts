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

/** How someone signed in or gave their second factor, for the sentence (issue 21). */
function signInWay(f: AuditFacts): string {
  const passkey = text(f.detail?.passkey);
  switch (f.detail?.method) {
    case "passkey":
      return passkey ? ` with their passkey ${quoted(passkey, 60)}` : " with a passkey";
    case "organisation":
      return ` with their organisation's account (${text(f.detail?.provider) ?? "OpenID Connect"})`;
    case "code":
      return " with a code from their authenticator app";
    case "recovery_code":
      return " with a recovery code";
    case "password":
      return " with their password";
    default:
      return "";
  }
}

const signInSentences: Record<
  Extract<
    AuditAction,
    | "two_factor.verified"
    | `passkey.${string}`
    | `recovery_code${string}`
    | "second_factor.reset"
    | `oidc_provider.${string}`
  >,
  Sentence
> = {
  "two_factor.verified": (f, who) => `${who} gave their second factor${signInWay(f)}`,
  "passkey.added": (f, who) => `${who} added the passkey ${quoted(f.detail?.passkey, 60)}`,
  "passkey.renamed": (f, who) =>
    `${who} renamed their passkey ${quoted(f.detail?.from, 60)} to ${quoted(f.detail?.passkey, 60)}`,
  "passkey.removed": (f, who) => `${who} removed the passkey ${quoted(f.detail?.passkey, 60)}`,
  "passkey.refused": (f) =>
    `A passkey was refused${f.targetName ? ` for ${f.targetName}` : ""} (${passkeyReasons[text(f.detail?.reason) ?? ""] ?? "not accepted"})`,
  "recovery_codes.created": (_f, who) => `${who} made a new set of recovery codes`,
  "recovery_code.failure": (_f, who) => `${who} entered a recovery code that was not right`,
  "second_factor.reset": (f, who) => {
    const reason = text(f.detail?.reason);
    return `${who} reset ${someone(f)}'s second factor${reason ? `, saying ${quoted(reason)}` : ""}`;
  },
  "oidc_provider.created": (f, who) =>
    `${who} set up signing in with ${text(f.detail?.name) ?? "an organisation's account"}`,
  "oidc_provider.updated": (f, who) =>
    `${who} changed signing in with ${text(f.detail?.name) ?? "an organisation's account"}`,
  "oidc_provider.removed": (f, who) =>
    `${who} removed signing in with ${text(f.detail?.name) ?? "an organisation's account"}`,
};

const passkeyReasons: Record<string, string> = {
  expired: "too late, or used already",
  unknown: "not registered here",
  "not-verified": "could not be checked",
  counter: "it may have been copied",
  origin: "used on another website",
  "not-yours": "it belongs to another account",
  malformed: "the answer could not be read",
};

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

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st. */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix =
    tens >= 11 && tens <= 13 ? "th" : (({ 1: "st", 2: "nd", 3: "rd" } as const)[n % 10] ?? "th");
  return `${n}${suffix}`;
}

const sentences: Record<AuditAction, Sentence> = {
  "sign_in.success": (f, who) => `${who} signed in${signInWay(f)}`,
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
  "component.reviewed": (f, who) => {
    const verdict = f.detail?.verdict === "queried" ? "queried" : "verified";
    const since = text(f.detail?.unchangedSince);
    const carried = Array.isArray(f.detail?.carriedInto)
      ? f.detail.carriedInto.filter((m): m is string => typeof m === "string")
      : [];
    return `${who} ${verdict} ${componentOf(f)} in ${monthOf(f)}${
      since ? `, unchanged since verified in ${since}` : ""
    }${carried.length ? `; the verification carries into ${carried.join(" and ")}, unchanged` : ""}`;
  },
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
  "assessment.started": (f, who) => {
    const carried = Array.isArray(f.detail?.carriedVerifications)
      ? f.detail.carriedVerifications.length
      : 0;
    const still =
      carried === 0
        ? ""
        : `; ${carried === 1 ? "1 verified component stays" : `${carried} verified components stay`} verified, unchanged`;
    return `${who} started ${monthOf(f)}${still}`;
  },
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
  "query.reply_notified": (f, who) => {
    const emails = Array.isArray(f.detail?.emails) ? (f.detail.emails as unknown[]) : [];
    const sent = emails.some(
      (e) => typeof e === "object" && e !== null && (e as { status?: unknown }).status !== "failed",
    );
    return `${who}'s reply on ${componentOf(f)} in ${monthOf(f)} ${
      sent ? "was emailed to the reviewer who asked" : "could not be emailed to the reviewer"
    }`;
  },
  "system.due_rule_set": (f, who) => {
    const day = Number(f.detail?.workingDay);
    const from = Number(f.detail?.from);
    const was = Number.isInteger(from) && from > 0 ? ` (it was the ${ordinal(from)})` : "";
    return Number.isInteger(day) && day > 0
      ? `${who} set returns to be due on the ${ordinal(day)} working day of the month after each month${was}`
      : `${who} changed when returns are due`;
  },
  "period.due_date_set": (f, who) => {
    const label = text(f.detail?.label) ?? someone(f);
    const due = text(f.detail?.dueOnWords);
    return f.detail?.override
      ? `${who} set ${label}'s returns to be due on ${due ?? "a date of its own"}`
      : `${who} set ${label}'s returns to be due by the usual rule${due ? `, on ${due}` : ""}`;
  },
  "query.replied": (f, who) =>
    `${who} replied to the query on ${componentOf(f)} in ${monthOf(f)}${
      f.detail?.evidenceItem ? ", with new evidence" : ""
    }`,
  ...signInSentences,
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
      { action: "query.reply_notified", label: "Reviewer emailed about a reply" },
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
      { action: "two_factor.verified", label: "Second factor given" },
      { action: "passkey.added", label: "Passkey added" },
      { action: "passkey.renamed", label: "Passkey renamed" },
      { action: "passkey.removed", label: "Passkey removed" },
      { action: "passkey.refused", label: "Passkey refused" },
      { action: "recovery_codes.created", label: "Recovery codes made" },
      { action: "recovery_code.failure", label: "Wrong recovery code" },
      { action: "second_factor.reset", label: "Second factor reset by an administrator" },
      { action: "oidc_provider.created", label: "Organisation sign-in set up" },
      { action: "oidc_provider.updated", label: "Organisation sign-in changed" },
      { action: "oidc_provider.removed", label: "Organisation sign-in removed" },
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
      { action: "system.due_rule_set", label: "Due date rule changed" },
      { action: "period.due_date_set", label: "A month's due date set" },
      { action: "outcome_measure.created", label: "Outcome measure added" },
      { action: "outcome_measure.revised", label: "Outcome measure changed" },
      { action: "outcome_measure.retired", label: "Outcome measure stopped or restarted" },
      { action: "outcome_target.set", label: "Outcome target set" },
    ],
  },
];
