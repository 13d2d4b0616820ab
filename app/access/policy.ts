import type { Role } from "../../db/schema";

/**
 * Who may do what: every access rule of the platform, in one pure module.
 * Loaders and actions ask these questions through app/auth/guards.server.ts;
 * nothing else decides access.
 */

/** A role held, with the system it sits in resolved (a champion's is their organisation's). */
export type Grant = {
  role: Role;
  organisationId: number | null;
  placeId: number | null;
  systemId: number;
  /** A champion's organisation's place (null: system-wide); absent for other roles. */
  organisationPlaceId?: number | null;
};

export type Principal = { userId: number; grants: Grant[] };

/** What the rules need to know of an organisation. placeId null: system-wide. */
export type OrganisationScope = { id: number; placeId: number | null; systemId: number };
export type PlaceScope = { id: number; systemId: number };

const has = (p: Principal, test: (g: Grant) => boolean) => p.grants.some(test);

export function isAdminOf(p: Principal, systemId: number): boolean {
  return has(p, (g) => g.role === "admin" && g.systemId === systemId);
}

export function adminSystemIds(p: Principal): number[] {
  return p.grants.filter((g) => g.role === "admin").map((g) => g.systemId);
}

/**
 * System readers (the ICS programme team, board members) read every place and
 * every organisation's submitted returns in their system, and change nothing.
 */
export function isSystemReaderOf(p: Principal, systemId: number): boolean {
  return has(p, (g) => g.role === "system_reader" && g.systemId === systemId);
}

/** Systems whose roll-up the person reads: as an administrator or a system reader. */
export function rollupSystemIds(p: Principal): number[] {
  return [
    ...new Set(
      p.grants
        .filter((g) => g.role === "admin" || g.role === "system_reader")
        .map((g) => g.systemId),
    ),
  ];
}

export function isChampionOf(p: Principal, organisationId: number): boolean {
  return has(p, (g) => g.role === "champion" && g.organisationId === organisationId);
}

/** Places where the person sits on the steering group or leads (both read the whole place). */
export function overseenPlaceIds(p: Principal): number[] {
  return p.grants
    .filter((g) => g.role === "steering_member" || g.role === "place_lead")
    .map((g) => g.placeId as number);
}

export function ledPlaceIds(p: Principal): number[] {
  return p.grants.filter((g) => g.role === "place_lead").map((g) => g.placeId as number);
}

export function championedOrganisationIds(p: Principal): number[] {
  return p.grants.filter((g) => g.role === "champion").map((g) => g.organisationId as number);
}

/**
 * Steering groups and place leads oversee their place's organisations and the
 * system-wide ones (which serve every place), but only within their own system.
 */
function oversees(p: Principal, org: OrganisationScope): boolean {
  return has(
    p,
    (g) =>
      (g.role === "steering_member" || g.role === "place_lead") &&
      g.systemId === org.systemId &&
      (org.placeId === null || g.placeId === org.placeId),
  );
}

/** Everything of an organisation, its drafts included. */
export function canReadOrganisation(p: Principal, org: OrganisationScope): boolean {
  return isAdminOf(p, org.systemId) || isChampionOf(p, org.id) || oversees(p, org);
}

/**
 * An organisation's overview and its submitted returns: whoever reads all of
 * it, and the system's readers, who see a month only once it is submitted.
 */
export function canReadSubmittedReturns(p: Principal, org: OrganisationScope): boolean {
  return canReadOrganisation(p, org) || isSystemReaderOf(p, org.systemId);
}

/**
 * One month's sheet. A system reader reads it only while it stands submitted:
 * a draft, or a month reopened and not yet submitted again, is still the
 * champions' work in progress.
 */
export function canReadSheet(
  p: Principal,
  org: OrganisationScope,
  month: { submitted: boolean },
): boolean {
  return canReadOrganisation(p, org) || (month.submitted && isSystemReaderOf(p, org.systemId));
}

/**
 * An evidence item: whoever reads the organisation; a system reader when it
 * backs a month that stands submitted.
 */
export function canReadEvidence(
  p: Principal,
  org: OrganisationScope,
  item: { backsSubmittedMonth: boolean },
): boolean {
  return canReadSheet(p, org, { submitted: item.backsSubmittedMonth });
}

/** Only the organisation's own champions change its self-assessment. */
export function canEditAssessment(p: Principal, org: OrganisationScope): boolean {
  return isChampionOf(p, org.id);
}

/**
 * Replying to a steering group's query (with new evidence) is the
 * organisation's own champions' to do, as changing its answers is; it is
 * allowed on a submitted month because it changes nothing that was sent.
 * Who reads the reply is whoever reads the month (canReadSheet).
 */
export function canReplyToQuery(p: Principal, org: OrganisationScope): boolean {
  return isChampionOf(p, org.id);
}

/**
 * Reopening a submitted self-assessment overrides the champion's "done", so it
 * is for whoever manages the organisation: its place's lead, or an administrator
 * (system-wide organisations have no place lead).
 */
export function canReopenAssessment(p: Principal, org: OrganisationScope): boolean {
  return canManageOrganisation(p, org);
}

/** The whole period's evidence as one ZIP: for the organisation's champions and administrators. */
export function canDownloadEvidenceBundle(p: Principal, org: OrganisationScope): boolean {
  return isAdminOf(p, org.systemId) || isChampionOf(p, org.id);
}

export function canVerifyEvidence(p: Principal, org: OrganisationScope): boolean {
  return oversees(p, org);
}

/**
 * A place's review queue (what awaits verification across its organisations
 * and the system-wide ones) is for those who verify there: its steering group
 * and its lead. Administrators and system readers read the place but do not
 * verify (ADR 011), so the queue is not theirs.
 */
export function canReviewPlace(p: Principal, place: PlaceScope): boolean {
  return has(
    p,
    (g) =>
      (g.role === "steering_member" || g.role === "place_lead") &&
      g.systemId === place.systemId &&
      g.placeId === place.id,
  );
}

/**
 * Good practice shared within a place is for the place's collaborative: those
 * who oversee it, and champions of its organisations. Champions of system-wide
 * organisations work in every place of their system, so they see every place's.
 */
export function canReadGoodPractice(p: Principal, place: PlaceScope): boolean {
  return (
    canReadPlace(p, place) ||
    has(
      p,
      (g) =>
        g.role === "champion" &&
        g.systemId === place.systemId &&
        (g.organisationPlaceId === place.id || g.organisationPlaceId === null),
    )
  );
}

/**
 * An evidence item its organisation shared: readable by whoever reads the
 * organisation, and by the collaborative of its place (every place, for a
 * system-wide organisation).
 */
export function canReadSharedEvidence(p: Principal, org: OrganisationScope): boolean {
  if (canReadOrganisation(p, org)) return true;
  if (org.placeId !== null)
    return canReadGoodPractice(p, { id: org.placeId, systemId: org.systemId });
  return p.grants.some((g) => g.systemId === org.systemId);
}

/** Only the organisation's own champions share its evidence. */
export function canShareEvidence(p: Principal, org: OrganisationScope): boolean {
  return isChampionOf(p, org.id);
}

export function canReadPlace(p: Principal, place: PlaceScope): boolean {
  return (
    isAdminOf(p, place.systemId) ||
    isSystemReaderOf(p, place.systemId) ||
    overseenPlaceIds(p).includes(place.id)
  );
}

/**
 * Reminding the champions of a place's organisations that have not submitted:
 * for the place's lead and the system's administrators. Steering groups and
 * system readers read the place but do not chase it.
 */
export function canSendReminders(p: Principal, place: PlaceScope): boolean {
  return isAdminOf(p, place.systemId) || ledPlaceIds(p).includes(place.id);
}

/** Place leads manage their own place's organisations; system-wide ones are the ICS's. */
export function canManageOrganisation(p: Principal, org: OrganisationScope): boolean {
  return (
    isAdminOf(p, org.systemId) || (org.placeId !== null && ledPlaceIds(p).includes(org.placeId))
  );
}

export function canCreateOrganisationIn(
  p: Principal,
  target: { systemId: number; placeId: number | null },
): boolean {
  return canManageOrganisation(p, { id: 0, ...target });
}

export function canManagePlaces(p: Principal, systemId: number): boolean {
  return isAdminOf(p, systemId);
}

export function canManagePeriods(p: Principal, systemId: number): boolean {
  return isAdminOf(p, systemId);
}

export function canReadAuditLog(p: Principal, systemId: number): boolean {
  return isAdminOf(p, systemId);
}

export function canReadOutbox(p: Principal, systemId: number): boolean {
  return isAdminOf(p, systemId);
}

/**
 * A system's outcome measures (their definitions, versions and the system's
 * targets) are its administrators' to define (ADR 040).
 */
export function canManageOutcomeMeasures(p: Principal, systemId: number): boolean {
  return isAdminOf(p, systemId);
}

/**
 * An organisation's own targets for the outcome measures are its champions'
 * to set, as its figures are theirs to enter.
 */
export function canSetOrganisationTarget(p: Principal, org: OrganisationScope): boolean {
  return isChampionOf(p, org.id);
}

/** The ICS roll-up across every place of a system. */
export function canReadSystemRollup(p: Principal, systemId: number): boolean {
  return isAdminOf(p, systemId) || isSystemReaderOf(p, systemId);
}

/** Anyone who may invite someone or change roles reaches the people pages. */
export function canManagePeople(p: Principal): boolean {
  return adminSystemIds(p).length > 0 || ledPlaceIds(p).length > 0;
}

/**
 * Administrators grant any role in their system; place leads invite champions
 * for their place's organisations, and nothing else.
 */
export function canGrant(
  p: Principal,
  grant: Grant,
  scope: { systemId: number; organisation?: OrganisationScope },
): boolean {
  if (isAdminOf(p, scope.systemId)) return true;
  return (
    grant.role === "champion" &&
    scope.organisation !== undefined &&
    scope.organisation.placeId !== null &&
    ledPlaceIds(p).includes(scope.organisation.placeId)
  );
}

/** Deactivating a person or changing their other roles is for administrators only. */
export function canManageUser(p: Principal, systemId: number): boolean {
  return isAdminOf(p, systemId);
}

/**
 * Everyone signing in must use a second factor, whatever their role: NHS
 * England's policy is multi-factor authentication on all remote access, and
 * a champion's password alone would let anyone change their organisation's
 * return (issue 21). The one exception, demo accounts on demo data, is the
 * guards' (app/auth/guards.server.ts), since it depends on the database.
 */
export function requiresSecondFactor(_p: Principal): boolean {
  return true;
}

/** What an analysts' export covers: a whole system, a place (with the system-wide organisations), or one organisation. */
export type ExportScope =
  | { kind: "system"; systemId: number }
  | { kind: "place"; place: PlaceScope }
  | { kind: "organisation"; organisation: OrganisationScope };

/**
 * How much of a scope a person may export: every month ("all", drafts
 * included), only the months that stand submitted ("submitted"), or nothing.
 * The same reach as the pages: administrators their system, place leads and
 * steering groups their place, champions their organisation, system readers
 * their system's submitted months.
 */
export function exportReach(p: Principal, scope: ExportScope): "all" | "submitted" | null {
  switch (scope.kind) {
    case "system":
      if (isAdminOf(p, scope.systemId)) return "all";
      return isSystemReaderOf(p, scope.systemId) ? "submitted" : null;
    case "place":
      if (isAdminOf(p, scope.place.systemId) || overseenPlaceIds(p).includes(scope.place.id))
        return "all";
      return isSystemReaderOf(p, scope.place.systemId) ? "submitted" : null;
    case "organisation":
      if (canReadOrganisation(p, scope.organisation)) return "all";
      return isSystemReaderOf(p, scope.organisation.systemId) ? "submitted" : null;
  }
}

/** What the report rules need to know of a report's scope: the same scopes as an export's. */
export type ReportScopeAccess = ExportScope;

/**
 * The annual report of a scope, its building and its download, for whoever
 * reads that scope's submitted returns: a champion their organisation's, a
 * place's lead and steering group their place's (and its organisations'),
 * system readers and administrators their whole system's. The report holds
 * submitted returns only, so no draft reaches a reader through it.
 */
export function canReadAnnualReport(p: Principal, scope: ReportScopeAccess): boolean {
  if (scope.kind === "organisation") return canReadSubmittedReturns(p, scope.organisation);
  if (scope.kind === "place") return canReadPlace(p, scope.place);
  return canReadSystemRollup(p, scope.systemId);
}
