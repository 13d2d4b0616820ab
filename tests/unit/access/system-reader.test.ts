import { describe, expect, it } from "vitest";
import {
  canCreateOrganisationIn,
  canDownloadEvidenceBundle,
  canEditAssessment,
  canGrant,
  canManageOrganisation,
  canManagePeople,
  canManagePeriods,
  canManagePlaces,
  canManageUser,
  canReadAuditLog,
  canReadEvidence,
  canReadGoodPractice,
  canReadOrganisation,
  canReadOutbox,
  canReadPlace,
  canReadSharedEvidence,
  canReadSheet,
  canReadSubmittedReturns,
  canReadSystemRollup,
  canReopenAssessment,
  canSendReminders,
  canShareEvidence,
  canVerifyEvidence,
  requiresSecondFactor,
  rollupSystemIds,
} from "~/access/policy";
import {
  admin,
  adminGrant,
  champion,
  person,
  placeLead,
  steering,
  systemReader,
  systemReaderGrant,
  system1,
  system2,
} from "./people";

// The ICS programme team and board members: every place and every
// organisation's submitted returns in their system, and nothing to change.

const organisations = [system1.inPlace10, system1.inPlace20, system1.systemWide];

describe("a system reader", () => {
  const reader = systemReader(1);

  it("reads every place of their system, its good practice and the roll-up", () => {
    for (const place of [system1.place10, system1.place20]) {
      expect(canReadPlace(reader, place)).toBe(true);
      expect(canReadGoodPractice(reader, place)).toBe(true);
    }
    expect(canReadSystemRollup(reader, 1)).toBe(true);
    expect(rollupSystemIds(reader)).toEqual([1]);
  });

  it("reads every organisation's overview and a month's sheet only once it is submitted", () => {
    for (const org of organisations) {
      expect(canReadSubmittedReturns(reader, org)).toBe(true);
      expect(canReadSheet(reader, org, { submitted: true })).toBe(true);
      expect(canReadSheet(reader, org, { submitted: false })).toBe(false);
      // Drafts stay the champions' work in progress.
      expect(canReadOrganisation(reader, org)).toBe(false);
      expect(canReadEvidence(reader, org, { backsSubmittedMonth: true })).toBe(true);
      expect(canReadEvidence(reader, org, { backsSubmittedMonth: false })).toBe(false);
      expect(canReadSharedEvidence(reader, org)).toBe(true);
    }
  });

  it("changes nothing: every action is refused", () => {
    for (const org of organisations) {
      expect(canEditAssessment(reader, org)).toBe(false);
      expect(canReopenAssessment(reader, org)).toBe(false);
      expect(canVerifyEvidence(reader, org)).toBe(false);
      expect(canShareEvidence(reader, org)).toBe(false);
      expect(canManageOrganisation(reader, org)).toBe(false);
      expect(canDownloadEvidenceBundle(reader, org)).toBe(false);
    }
    expect(canCreateOrganisationIn(reader, { systemId: 1, placeId: 10 })).toBe(false);
    expect(canSendReminders(reader, system1.place10)).toBe(false);
    expect(canManagePlaces(reader, 1)).toBe(false);
    expect(canManagePeriods(reader, 1)).toBe(false);
    expect(canReadAuditLog(reader, 1)).toBe(false);
    expect(canReadOutbox(reader, 1)).toBe(false);
    expect(canManagePeople(reader)).toBe(false);
    expect(canManageUser(reader, 1)).toBe(false);
    expect(
      canGrant(reader, systemReaderGrant(1), { systemId: 1, organisation: system1.inPlace10 }),
    ).toBe(false);
  });

  it("needs a second factor like everyone else (issue 21): reading is access too", () => {
    expect(requiresSecondFactor(reader)).toBe(true);
  });

  it("reads nothing of another system", () => {
    const other = systemReader(2);
    for (const place of [system1.place10, system1.place20]) {
      expect(canReadPlace(other, place)).toBe(false);
      expect(canReadGoodPractice(other, place)).toBe(false);
    }
    for (const org of organisations) {
      expect(canReadSubmittedReturns(other, org)).toBe(false);
      expect(canReadSheet(other, org, { submitted: true })).toBe(false);
      expect(canReadEvidence(other, org, { backsSubmittedMonth: true })).toBe(false);
      expect(canReadSharedEvidence(other, org)).toBe(false);
    }
    expect(canReadSystemRollup(other, 1)).toBe(false);
    expect(canReadSystemRollup(reader, 2)).toBe(false);
    expect(canReadPlace(reader, system2.place90)).toBe(false);
    expect(canReadSubmittedReturns(reader, system2.inPlace90)).toBe(false);
  });

  it("is granted by an administrator of the system, and by nobody else", () => {
    const grant = systemReaderGrant(1);
    expect(canGrant(admin(1), grant, { systemId: 1 })).toBe(true);
    expect(canGrant(admin(2), grant, { systemId: 1 })).toBe(false);
    expect(canGrant(placeLead(10), grant, { systemId: 1 })).toBe(false);
  });
});

describe("whose roll-up a person reads", () => {
  it("their system's, as an administrator or a system reader, each system once", () => {
    expect(rollupSystemIds(admin(1))).toEqual([1]);
    expect(rollupSystemIds(person(adminGrant(1), systemReaderGrant(1)))).toEqual([1]);
    expect(rollupSystemIds(person(systemReaderGrant(2), adminGrant(1)))).toEqual([2, 1]);
  });

  it("nobody's, for the roles of a place or an organisation", () => {
    expect(rollupSystemIds(placeLead(10))).toEqual([]);
    expect(rollupSystemIds(steering(10))).toEqual([]);
    expect(rollupSystemIds(champion(100, 10))).toEqual([]);
  });
});

describe("who reads a month's sheet, by whether it is submitted", () => {
  it("administrators, the place's readers and the organisation's champions read drafts too", () => {
    for (const who of [admin(1), placeLead(10), steering(10), champion(100, 10)]) {
      expect(canReadSheet(who, system1.inPlace10, { submitted: false })).toBe(true);
      expect(canReadSheet(who, system1.inPlace10, { submitted: true })).toBe(true);
    }
  });

  it("another place's readers and champions read neither", () => {
    for (const who of [placeLead(20), steering(20), champion(200, 20)]) {
      expect(canReadSheet(who, system1.inPlace10, { submitted: true })).toBe(false);
      expect(canReadSubmittedReturns(who, system1.inPlace10)).toBe(false);
    }
  });
});

describe("who sends reminders for a place", () => {
  it("its place lead and the system's administrators", () => {
    expect(canSendReminders(placeLead(10), system1.place10)).toBe(true);
    expect(canSendReminders(admin(1), system1.place10)).toBe(true);
  });

  it("not another place's lead, its steering group, a champion, or another system's administrator", () => {
    for (const who of [
      placeLead(20),
      steering(10),
      champion(100, 10),
      systemReader(1),
      admin(2),
      placeLead(90, 2),
    ]) {
      expect(canSendReminders(who, system1.place10)).toBe(false);
    }
  });
});
