import { describe, expect, it } from "vitest";
import {
  canManageOutcomeMeasures,
  canReadPlace,
  canReadSystemRollup,
  canSetOrganisationTarget,
  type Grant,
  type Principal,
} from "~/access/policy";

/** System 1 with places 10 and 20; organisation 100 in place 10, 300 system-wide; system 2 apart. */
const inPlace10 = { id: 100, placeId: 10, systemId: 1 };
const systemWide = { id: 300, placeId: null, systemId: 1 };
const person = (...grants: Grant[]): Principal => ({ userId: 1, grants });
const grant = (role: Grant["role"], ids: Partial<Grant> = {}): Grant => ({
  role,
  organisationId: null,
  placeId: null,
  systemId: 1,
  ...ids,
});
const admin = person(grant("admin"));
const admin2 = person(grant("admin", { systemId: 2 }));
const reader = person(grant("system_reader"));
const lead = person(grant("place_lead", { placeId: 10 }));
const steering = person(grant("steering_member", { placeId: 10 }));
const champion = person(grant("champion", { organisationId: 100, organisationPlaceId: 10 }));
const championWide = person(grant("champion", { organisationId: 300, organisationPlaceId: null }));

describe("who defines a system's outcome measures and its targets", () => {
  it("its administrators only: not another system's, nor readers, leads or champions", () => {
    expect(canManageOutcomeMeasures(admin, 1)).toBe(true);
    for (const other of [admin2, reader, lead, steering, champion])
      expect(canManageOutcomeMeasures(other, 1)).toBe(false);
    expect(canManageOutcomeMeasures(admin2, 2)).toBe(true);
  });
});

describe("who sets an organisation's own targets", () => {
  it("its own champions, as they enter its figures; nobody else, administrators included", () => {
    expect(canSetOrganisationTarget(champion, inPlace10)).toBe(true);
    expect(canSetOrganisationTarget(championWide, systemWide)).toBe(true);
    for (const other of [championWide, admin, lead, steering, reader])
      expect(canSetOrganisationTarget(other, inPlace10)).toBe(false);
    expect(canSetOrganisationTarget(champion, systemWide)).toBe(false);
  });
});

describe("who reads a measure's place and system pages (the rules they reuse)", () => {
  it("a place's measure page: whoever reads the place; the system's: the roll-up's readers", () => {
    const place10 = { id: 10, systemId: 1 };
    for (const yes of [admin, reader, lead, steering])
      expect(canReadPlace(yes, place10)).toBe(true);
    for (const no of [admin2, champion]) expect(canReadPlace(no, place10)).toBe(false);
    for (const yes of [admin, reader]) expect(canReadSystemRollup(yes, 1)).toBe(true);
    for (const no of [admin2, lead, steering, champion])
      expect(canReadSystemRollup(no, 1)).toBe(false);
  });
});
