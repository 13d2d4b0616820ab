import { describe, expect, it } from "vitest";
import {
  adminSystemIds,
  canCreateOrganisationIn,
  canGrant,
  canManageOrganisation,
  canManagePeople,
  canManagePeriods,
  canManagePlaces,
  canManageUser,
  canReadAuditLog,
  canReadOrganisation,
  canReadOutbox,
  canReadPlace,
  championedOrganisationIds,
  ledPlaceIds,
  overseenPlaceIds,
  requiresSecondFactor,
} from "~/access/policy";
import {
  admin,
  adminGrant,
  champion,
  championGrant,
  person,
  placeLead,
  placeLeadGrant,
  steering,
  steeringGrant,
  system1,
} from "./people";

const { place10, inPlace10, inPlace20, systemWide } = system1;

describe("what a person's roles cover", () => {
  // Someone may hold several roles: say a champion who also leads a place and
  // sits on a steering group, and administers a second system.
  const manyHats = person(
    championGrant(100, 10),
    placeLeadGrant(20),
    steeringGrant(10),
    adminGrant(2),
  );

  it("lists the places they oversee, the places they lead and the organisations they champion", () => {
    expect(overseenPlaceIds(manyHats).sort()).toEqual([10, 20]);
    expect(ledPlaceIds(manyHats)).toEqual([20]);
    expect(championedOrganisationIds(manyHats)).toEqual([100]);
    expect(adminSystemIds(manyHats)).toEqual([2]);
  });

  it("lists nothing for roles they do not hold", () => {
    expect(overseenPlaceIds(champion(100, 10))).toEqual([]);
    expect(ledPlaceIds(steering(10))).toEqual([]);
    expect(championedOrganisationIds(steering(10))).toEqual([]);
    expect(adminSystemIds(placeLead(10))).toEqual([]);
  });
});

describe("reading a place's summary", () => {
  it("is for its steering group, its lead and the system's administrators", () => {
    expect(canReadPlace(steering(10), place10)).toBe(true);
    expect(canReadPlace(placeLead(10), place10)).toBe(true);
    expect(canReadPlace(admin(), place10)).toBe(true);
  });

  it("is not for another place's overseers, nor for champions", () => {
    expect(canReadPlace(steering(20), place10)).toBe(false);
    expect(canReadPlace(placeLead(20), place10)).toBe(false);
    expect(canReadPlace(champion(100, 10), place10)).toBe(false);
  });
});

describe("managing organisations", () => {
  it("a place lead manages, creates in and reads their own place's organisations", () => {
    expect(canManageOrganisation(placeLead(10), inPlace10)).toBe(true);
    expect(canCreateOrganisationIn(placeLead(10), { systemId: 1, placeId: 10 })).toBe(true);
    expect(canReadOrganisation(placeLead(10), inPlace10)).toBe(true);
  });

  it("a place lead does not manage another place's, or the system-wide ones, which are the ICS's", () => {
    expect(canManageOrganisation(placeLead(10), inPlace20)).toBe(false);
    expect(canCreateOrganisationIn(placeLead(10), { systemId: 1, placeId: 20 })).toBe(false);
    expect(canManageOrganisation(placeLead(10), systemWide)).toBe(false);
    expect(canCreateOrganisationIn(placeLead(10), { systemId: 1, placeId: null })).toBe(false);
  });

  it("an administrator manages every organisation of the system, system-wide ones included", () => {
    for (const org of [inPlace10, inPlace20, systemWide]) {
      expect(canManageOrganisation(admin(), org)).toBe(true);
    }
    expect(canCreateOrganisationIn(admin(), { systemId: 1, placeId: null })).toBe(true);
  });

  it("steering group members and champions manage none", () => {
    for (const someone of [steering(10), champion(100, 10)]) {
      expect(canManageOrganisation(someone, inPlace10)).toBe(false);
      expect(canCreateOrganisationIn(someone, { systemId: 1, placeId: 10 })).toBe(false);
    }
  });
});

describe("the system's administration pages", () => {
  it.each([
    ["places", canManagePlaces],
    ["periods", canManagePeriods],
    ["the audit log", canReadAuditLog],
    ["the outbox", canReadOutbox],
    ["other people's accounts", canManageUser],
  ])("%s: for its administrators only", (_, may) => {
    expect(may(admin(), 1)).toBe(true);
    for (const someone of [placeLead(10), steering(10), champion(100, 10), admin(2)]) {
      expect(may(someone, 1)).toBe(false);
    }
  });

  it("the people pages are for administrators and place leads, who invite others", () => {
    expect(canManagePeople(admin())).toBe(true);
    expect(canManagePeople(placeLead(10))).toBe(true);
    expect(canManagePeople(steering(10))).toBe(false);
    expect(canManagePeople(champion(100, 10))).toBe(false);
  });
});

describe("granting roles", () => {
  const championOf100 = championGrant(100, 10);

  it("an administrator grants any role in their system", () => {
    for (const role of [steeringGrant(10), placeLeadGrant(20), adminGrant(1), championOf100]) {
      expect(canGrant(admin(), role, { systemId: 1, organisation: inPlace10 })).toBe(true);
    }
    expect(canGrant(admin(), adminGrant(1), { systemId: 1 })).toBe(true);
  });

  it("a place lead invites champions for their own place's organisations", () => {
    expect(canGrant(placeLead(10), championOf100, { systemId: 1, organisation: inPlace10 })).toBe(
      true,
    );
  });

  it("a place lead grants no other role, and no champion elsewhere", () => {
    const lead = placeLead(10);
    expect(canGrant(lead, steeringGrant(10), { systemId: 1, organisation: inPlace10 })).toBe(false);
    expect(canGrant(lead, placeLeadGrant(10), { systemId: 1 })).toBe(false);
    expect(canGrant(lead, championOf100, { systemId: 1 })).toBe(false);
    const forPlace20 = championGrant(200, 20);
    expect(canGrant(lead, forPlace20, { systemId: 1, organisation: inPlace20 })).toBe(false);
    const forSystemWide = championGrant(300, null);
    expect(canGrant(lead, forSystemWide, { systemId: 1, organisation: systemWide })).toBe(false);
  });

  it("steering group members and champions grant nothing", () => {
    for (const someone of [steering(10), champion(100, 10)]) {
      expect(canGrant(someone, championOf100, { systemId: 1, organisation: inPlace10 })).toBe(
        false,
      );
    }
  });
});

describe("the second factor", () => {
  it("is required of everyone, whatever their role (issue 21)", () => {
    expect(requiresSecondFactor(admin())).toBe(true);
    expect(requiresSecondFactor(placeLead(10))).toBe(true);
    expect(requiresSecondFactor(person(championGrant(100, 10), placeLeadGrant(10)))).toBe(true);
    expect(requiresSecondFactor(steering(10))).toBe(true);
    expect(requiresSecondFactor(champion(100, 10))).toBe(true);
    expect(requiresSecondFactor(person())).toBe(true);
  });
});
