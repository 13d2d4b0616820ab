import { describe, expect, it } from "vitest";
import {
  canDownloadEvidenceBundle,
  canGrant,
  canManageOrganisation,
  canManagePeriods,
  canManagePlaces,
  canReadAuditLog,
  canReadOrganisation,
  canReadPlace,
  canReadSharedEvidence,
  canReadSystemRollup,
  canReopenAssessment,
  canVerifyEvidence,
  isAdminOf,
} from "~/access/policy";
import {
  admin,
  champion,
  championGrant,
  person,
  placeLead,
  steering,
  steeringGrant,
  system1,
  system2,
} from "./people";

// Two ICSs may share one deployment. Nothing anyone holds in one system
// reaches into the other, even where ids happen to line up.

describe("an administrator of one system", () => {
  const adminOfSystem2 = admin(2);

  it("has no rights over another system's organisations", () => {
    for (const org of [system1.inPlace10, system1.systemWide]) {
      expect(canReadOrganisation(adminOfSystem2, org)).toBe(false);
      expect(canManageOrganisation(adminOfSystem2, org)).toBe(false);
      expect(canReopenAssessment(adminOfSystem2, org)).toBe(false);
      expect(canDownloadEvidenceBundle(adminOfSystem2, org)).toBe(false);
    }
    expect(canReadOrganisation(adminOfSystem2, system2.inPlace90)).toBe(true);
  });

  it("does not administer another system's places, periods, audit log or people", () => {
    expect(isAdminOf(adminOfSystem2, 1)).toBe(false);
    expect(canReadPlace(adminOfSystem2, system1.place10)).toBe(false);
    expect(canManagePlaces(adminOfSystem2, 1)).toBe(false);
    expect(canManagePeriods(adminOfSystem2, 1)).toBe(false);
    expect(canReadAuditLog(adminOfSystem2, 1)).toBe(false);
    expect(canGrant(adminOfSystem2, steering(10).grants[0]!, { systemId: 1 })).toBe(false);
  });
});

describe("a steering group member of one system", () => {
  it("does not read or verify another system's system-wide organisations", () => {
    expect(canReadOrganisation(steering(10), system2.systemWide)).toBe(false);
    expect(canVerifyEvidence(steering(10), system2.systemWide)).toBe(false);
    expect(canReadOrganisation(steering(90, 2), system1.systemWide)).toBe(false);
  });

  it("of place A in system 1 cannot read an organisation of place A's id in system 2", () => {
    const samePlaceIdElsewhere = { id: 901, placeId: 10, systemId: 2 };
    expect(canReadOrganisation(steering(10), samePlaceIdElsewhere)).toBe(false);
    expect(canVerifyEvidence(steering(10), samePlaceIdElsewhere)).toBe(false);
    expect(canReadOrganisation(placeLead(10), samePlaceIdElsewhere)).toBe(false);
  });

  it("still reads their own system's organisations", () => {
    expect(canReadOrganisation(steering(90, 2), system2.inPlace90)).toBe(true);
    expect(canReadOrganisation(steering(90, 2), system2.systemWide)).toBe(true);
  });
});

describe("someone with roles in two systems", () => {
  it("sees the system-wide organisations' shared items in each", () => {
    const both = person(championGrant(900, 90, 2), steeringGrant(10));
    expect(canReadSharedEvidence(both, system1.systemWide)).toBe(true);
    expect(canReadSharedEvidence(both, system2.systemWide)).toBe(true);
  });
});

describe("a champion of one system", () => {
  it("reads only their own organisation, in whichever system", () => {
    expect(canReadOrganisation(champion(900, 90, 2), system2.inPlace90)).toBe(true);
    expect(canReadOrganisation(champion(900, 90, 2), system1.inPlace10)).toBe(false);
    expect(canReadOrganisation(champion(100, 10), system2.inPlace90)).toBe(false);
  });
});

describe("the ICS roll-up of a system", () => {
  it("is read by that system's administrators, and by no one else", () => {
    expect(canReadSystemRollup(admin(1), 1)).toBe(true);
    expect(canReadSystemRollup(admin(2), 1)).toBe(false);
    expect(canReadSystemRollup(placeLead(10), 1)).toBe(false);
    expect(canReadSystemRollup(steering(10), 1)).toBe(false);
    expect(canReadSystemRollup(champion(100, 10), 1)).toBe(false);
  });
});
