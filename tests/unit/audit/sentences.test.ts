import { describe, expect, it } from "vitest";
import { type AuditFacts, auditKinds, auditSentence } from "~/audit/sentences";
import { type AuditAction, auditActions } from "~/models/audit.server";

const componentName = (id: string) =>
  ({ "3.2": "3.2 Converting and selling estate", "1.1": "1.1 Widening workforce participation" })[
    id
  ] ?? id;
const blackpoolNovember = {
  organisation: "Blackpool Teaching Hospitals",
  period: "November 2026",
};

/** One event of each kind, as the code writes it, and the sentence an administrator reads. */
const cases: Record<AuditAction, [Partial<AuditFacts>, string]> = {
  "sign_in.success": [{}, "Jo Bloggs signed in"],
  "sign_in.failure": [
    { actor: null, targetName: "Sam Taylor", detail: { email: "sam@nhs.net" } },
    "Someone failed to sign in as Sam Taylor",
  ],
  "sign_in.rate_limited": [
    { actor: null, detail: { email: "sam@nhs.net" } },
    "Signing in as sam@nhs.net was paused after too many attempts",
  ],
  sign_out: [{}, "Jo Bloggs signed out"],
  "sign_out.everywhere": [{}, "Jo Bloggs signed out on every device"],
  "two_factor.enabled": [{}, "Jo Bloggs set up security codes (a second factor)"],
  "two_factor.disabled": [{}, "Jo Bloggs turned off security codes"],
  "two_factor.failure": [{}, "Jo Bloggs entered a wrong security code"],
  "invitation.sent": [
    { targetName: "Sam Taylor", detail: { messageId: 3, status: "sent" } },
    "Jo Bloggs invited Sam Taylor",
  ],
  "invitation.failed": [
    { targetName: "Sam Taylor" },
    "Jo Bloggs invited Sam Taylor, but the invitation email could not be sent",
  ],
  "invitation.accepted": [
    { actor: "Sam Taylor", targetName: "Sam Taylor" },
    "Sam Taylor accepted their invitation and chose a password",
  ],
  "password_reset.requested": [
    { actor: null, targetName: "Sam Taylor" },
    "Someone asked to reset Sam Taylor's password",
  ],
  "password_reset.completed": [
    { actor: "Sam Taylor", targetName: "Sam Taylor" },
    "Sam Taylor chose a new password",
  ],
  "role.granted": [
    { targetName: "Sam Taylor", detail: { role: "steering_member", placeId: 2 } },
    "Jo Bloggs made Sam Taylor a steering group member",
  ],
  "role.revoked": [
    {
      targetName: "Sam Taylor",
      detail: { role: "champion", scope: "Blackpool Teaching Hospitals" },
    },
    "Jo Bloggs removed Sam Taylor as champion of Blackpool Teaching Hospitals",
  ],
  "component.reviewed": [
    {
      targetName: "Blackpool Teaching Hospitals",
      detail: { period: "November 2026", component: "3.2", verdict: "queried" },
    },
    "Jo Bloggs queried 3.2 Converting and selling estate in November 2026 for Blackpool Teaching Hospitals",
  ],
  "evidence.shared": [
    { targetName: "Blackpool Teaching Hospitals", detail: { evidence: "Pay policy" } },
    "Jo Bloggs shared “Pay policy” from Blackpool Teaching Hospitals as good practice",
  ],
  "evidence.unshared": [
    { targetName: "Blackpool Teaching Hospitals", detail: { evidence: "Pay policy" } },
    "Jo Bloggs stopped sharing “Pay policy” from Blackpool Teaching Hospitals",
  ],
  "user.deactivated": [{ targetName: "Sam Taylor" }, "Jo Bloggs deactivated Sam Taylor's account"],
  "user.reactivated": [{ targetName: "Sam Taylor" }, "Jo Bloggs reactivated Sam Taylor's account"],
  "place.created": [{ detail: { name: "Fylde Coast" } }, "Jo Bloggs created the place Fylde Coast"],
  "place.updated": [{ targetName: "Fylde Coast" }, "Jo Bloggs changed the place Fylde Coast"],
  "organisation.created": [
    { detail: { name: "Blackpool Teaching Hospitals", type: "nhs_trust" } },
    "Jo Bloggs added the organisation Blackpool Teaching Hospitals",
  ],
  "organisation.updated": [
    { detail: { name: "Blackpool Teaching Hospitals" } },
    "Jo Bloggs changed the details of Blackpool Teaching Hospitals",
  ],
  "period.opened": [
    { detail: { label: "December 2026" } },
    "Jo Bloggs opened December 2026 for returns",
  ],
  "period.closed": [
    { detail: { label: "November 2026" } },
    "Jo Bloggs closed November 2026: its returns can no longer change",
  ],
  "assessment.changed": [
    { month: blackpoolNovember },
    "Jo Bloggs changed November 2026 for Blackpool Teaching Hospitals",
  ],
  "assessment.started": [
    { month: blackpoolNovember, detail: { period: "November 2026", copiedFromAssessment: 4 } },
    "Jo Bloggs started November 2026 for Blackpool Teaching Hospitals",
  ],
  "assessment.submitted": [
    { month: blackpoolNovember, detail: { submission: 9 } },
    "Jo Bloggs submitted November 2026 for Blackpool Teaching Hospitals",
  ],
  "assessment.reopened": [
    { month: blackpoolNovember, detail: { reason: "Wrong quarter's figures" } },
    "Jo Bloggs reopened November 2026 for Blackpool Teaching Hospitals, saying “Wrong quarter's figures”",
  ],
  "principles.saved": [
    { month: blackpoolNovember, detail: { domain: 2, principlesInPlace: [1, 3] } },
    "Jo Bloggs saved the principles of domain 2 in November 2026 for Blackpool Teaching Hospitals",
  ],
  "action.added": [
    { month: blackpoolNovember, detail: { component: "3.2", action: 5 } },
    "Jo Bloggs added an action to 3.2 Converting and selling estate in November 2026 for Blackpool Teaching Hospitals",
  ],
  "action.removed": [
    { month: blackpoolNovember, detail: { component: "3.2", description: "Sell the old site" } },
    "Jo Bloggs removed the action “Sell the old site” from 3.2 Converting and selling estate in November 2026 for Blackpool Teaching Hospitals",
  ],
  "component.saved": [
    {
      month: blackpoolNovember,
      detail: { component: "3.2", from: "in_progress", to: "fulfilled" },
    },
    "Jo Bloggs saved 3.2 Converting and selling estate (In progress to Fulfilled) in November 2026 for Blackpool Teaching Hospitals",
  ],
  "evidence.added": [
    { month: blackpoolNovember, detail: { component: "3.2", evidenceItem: 7, kind: "file" } },
    "Jo Bloggs added a document to 3.2 Converting and selling estate in November 2026 for Blackpool Teaching Hospitals",
  ],
  "evidence.removed": [
    { month: blackpoolNovember, detail: { component: "3.2", evidenceItem: 7 } },
    "Jo Bloggs removed evidence from 3.2 Converting and selling estate in November 2026 for Blackpool Teaching Hospitals",
  ],
  "reminder.sent": [
    { targetName: "Blackpool Teaching Hospitals", detail: { period: "November 2026" } },
    "Jo Bloggs reminded the champions of Blackpool Teaching Hospitals to submit November 2026",
  ],
  "reminder.failed": [
    { targetName: "Blackpool Teaching Hospitals", detail: { period: "November 2026" } },
    "Jo Bloggs tried to remind the champions of Blackpool Teaching Hospitals about November 2026, but no email could be sent",
  ],
  "query.notified": [
    {
      month: blackpoolNovember,
      detail: { component: "1.1", emails: [{ status: "sent" }, { status: "sent" }] },
    },
    "Jo Bloggs's query on 1.1 Widening workforce participation in November 2026 for Blackpool Teaching Hospitals was emailed to 2 champions",
  ],
  "query.replied": [
    { month: blackpoolNovember, detail: { component: "1.1", review: 3, evidenceItem: 8 } },
    "Jo Bloggs replied to the query on 1.1 Widening workforce participation in November 2026 for Blackpool Teaching Hospitals, with new evidence",
  ],
  "two_factor.verified": [
    { detail: { method: "code" } },
    "Jo Bloggs gave their second factor with a code from their authenticator app",
  ],
  "passkey.added": [
    { detail: { passkey: "Work laptop" } },
    "Jo Bloggs added the passkey “Work laptop”",
  ],
  "passkey.renamed": [
    { detail: { from: "Passkey", passkey: "Phone" } },
    "Jo Bloggs renamed their passkey “Passkey” to “Phone”",
  ],
  "passkey.removed": [{ detail: { passkey: "Phone" } }, "Jo Bloggs removed the passkey “Phone”"],
  "passkey.refused": [
    { actor: null, targetName: "Sam Taylor", detail: { reason: "counter" } },
    "A passkey was refused for Sam Taylor (it may have been copied)",
  ],
  "recovery_codes.created": [{}, "Jo Bloggs made a new set of recovery codes"],
  "recovery_code.failure": [{}, "Jo Bloggs entered a recovery code that was not right"],
  "second_factor.reset": [
    { targetName: "Sam Taylor", detail: { reason: "Lost phone; checked by video call" } },
    "Jo Bloggs reset Sam Taylor's second factor, saying “Lost phone; checked by video call”",
  ],
  "oidc_provider.created": [
    { detail: { name: "NHSmail" } },
    "Jo Bloggs set up signing in with NHSmail",
  ],
  "oidc_provider.updated": [
    { detail: { name: "NHSmail" } },
    "Jo Bloggs changed signing in with NHSmail",
  ],
  "oidc_provider.removed": [
    { detail: { name: "NHSmail" } },
    "Jo Bloggs removed signing in with NHSmail",
  ],
  "query.reply_notified": [
    {
      month: blackpoolNovember,
      detail: { component: "1.1", review: 3, emails: [{ status: "outbox" }] },
    },
    "Jo Bloggs's reply on 1.1 Widening workforce participation in November 2026 for Blackpool Teaching Hospitals was emailed to the reviewer who asked",
  ],
  "system.due_rule_set": [
    { detail: { workingDay: 12, from: 10 } },
    "Jo Bloggs set returns to be due on the 12th working day of the month after each month (it was the 10th)",
  ],
  "period.due_date_set": [
    { detail: { label: "December 2026", override: true, dueOnWords: "8 January 2027" } },
    "Jo Bloggs set December 2026's returns to be due on 8 January 2027",
  ],
  "outcome_measure.created": [
    { detail: { name: "Local share of influenceable spend" } },
    "Jo Bloggs added the outcome measure “Local share of influenceable spend”",
  ],
  "outcome_measure.revised": [
    { detail: { name: "Local share of influenceable spend", version: 2 } },
    "Jo Bloggs changed the definition of “Local share of influenceable spend” (version 2)",
  ],
  "outcome_measure.retired": [
    { detail: { name: "Carbon emissions", retired: true } },
    "Jo Bloggs stopped collecting “Carbon emissions”",
  ],
  "outcome_target.set": [
    {
      targetName: "Blackpool Teaching Hospitals",
      detail: { measure: "Carbon emissions", organisation: 4 },
    },
    "Jo Bloggs set Blackpool Teaching Hospitals's own target for “Carbon emissions”",
  ],
  "outcome_figures.saved": [
    { month: blackpoolNovember, detail: { measures: ["Carbon emissions", "Local spend"] } },
    "Jo Bloggs saved 2 outcome figures in November 2026 for Blackpool Teaching Hospitals",
  ],
};

describe("how a person signed in", () => {
  it.each([
    [
      { method: "passkey", passkey: "Work laptop" },
      "Jo Bloggs signed in with their passkey “Work laptop”",
    ],
    [
      { method: "organisation", provider: "NHSmail" },
      "Jo Bloggs signed in with their organisation's account (NHSmail)",
    ],
    [{ method: "password" }, "Jo Bloggs signed in with their password"],
    [{ method: "recovery_code" }, "Jo Bloggs signed in with a recovery code"],
  ])("is said in words: %o", (detail, sentence) => {
    expect(auditSentence(facts("sign_in.success", { detail }))).toBe(sentence);
  });
});

const facts = (action: string, overrides: Partial<AuditFacts>): AuditFacts => ({
  action,
  actor: "Jo Bloggs",
  detail: null,
  targetName: null,
  month: null,
  componentName,
  ...overrides,
});

describe("the audit log in plain words", () => {
  it.each(auditActions.map((action) => [action] as const))("says what %s means", (action) => {
    const [overrides, sentence] = cases[action];
    expect(auditSentence(facts(action, overrides))).toBe(sentence);
  });

  it("still reads without the detail it expects, and for an action it does not know", () => {
    expect(auditSentence(facts("component.saved", {}))).toBe(
      "Jo Bloggs saved a component in a month",
    );
    expect(auditSentence(facts("assessment.submitted", { actor: null }))).toBe(
      "Someone not signed in submitted a month",
    );
    expect(auditSentence(facts("legacy.thing_done", {}))).toBe("Jo Bloggs: legacy thing done");
  });

  it("cuts a long reason short rather than filling the row", () => {
    const sentence = auditSentence(
      facts("assessment.reopened", {
        month: blackpoolNovember,
        detail: { reason: "x".repeat(500) },
      }),
    );
    expect(sentence.length).toBeLessThan(200);
    expect(sentence).toMatch(/x…”$/);
  });

  it("offers every kind of event in the filter, once", () => {
    const offered = auditKinds.flatMap((group) => group.actions.map((a) => a.action));
    expect([...offered].sort()).toEqual([...auditActions].sort());
  });
});

describe("the issue 20 sentences in their other forms", () => {
  const say = (action: AuditAction, facts: Partial<AuditFacts>) =>
    auditSentence({
      action,
      actor: "Jo Bloggs",
      detail: null,
      targetName: null,
      month: null,
      componentName,
      ...facts,
    });
  it("says when a verification was of an answer unchanged since, and where it carried", () => {
    expect(
      say("component.reviewed", {
        targetName: "Blackpool Teaching Hospitals",
        detail: {
          period: "November 2026",
          component: "1.1",
          verdict: "verified",
          unchangedSince: "October 2026",
          carriedInto: ["December 2026"],
        },
      }),
    ).toBe(
      "Jo Bloggs verified 1.1 Widening workforce participation in November 2026 for Blackpool Teaching Hospitals, unchanged since verified in October 2026; the verification carries into December 2026, unchanged",
    );
  });
  it("counts the verifications a new month carried forward", () => {
    expect(
      say("assessment.started", {
        month: blackpoolNovember,
        detail: { carriedVerifications: ["1.1", "2.1"] },
      }),
    ).toBe(
      "Jo Bloggs started November 2026 for Blackpool Teaching Hospitals; 2 verified components stay verified, unchanged",
    );
  });
  it("says a month back to the rule, and a reply email that failed", () => {
    expect(
      say("period.due_date_set", {
        detail: { label: "December 2026", override: false, dueOnWords: "15 January 2027" },
      }),
    ).toBe("Jo Bloggs set December 2026's returns to be due by the usual rule, on 15 January 2027");
    expect(
      say("query.reply_notified", {
        month: blackpoolNovember,
        detail: { component: "1.1", emails: [{ status: "failed" }] },
      }),
    ).toBe(
      "Jo Bloggs's reply on 1.1 Widening workforce participation in November 2026 for Blackpool Teaching Hospitals could not be emailed to the reviewer",
    );
  });
});
