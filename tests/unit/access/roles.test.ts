import { describe, expect, it } from "vitest";
import {
  canEditAssessment,
  canReadGoodPractice,
  canReadOrganisation,
  canReadSharedEvidence,
  canVerifyEvidence,
} from "~/access/policy";
import { admin, champion, person, steering, steeringGrant, system1 } from "./people";

const { place10, inPlace10, systemWide } = system1;

describe("a champion", () => {
  it("reads only their own organisation, not the system-wide ones, which are not theirs", () => {
    expect(canReadOrganisation(champion(100, 10), systemWide)).toBe(false);
    expect(canVerifyEvidence(champion(100, 10), systemWide)).toBe(false);
    expect(canReadOrganisation(champion(300, null), systemWide)).toBe(true);
  });
});

describe("a role is what the grant says, whatever else the grant carries", () => {
  it("a steering group grant that names an organisation does not make its holder a champion", () => {
    const named = person({ ...steeringGrant(20), organisationId: 100 });
    expect(canEditAssessment(named, inPlace10)).toBe(false);
    expect(canReadOrganisation(named, inPlace10)).toBe(false);
  });

  it("a steering group grant that carries an organisation's place gives no champion's reach", () => {
    const carrying = person({ ...steeringGrant(20), organisationPlaceId: null });
    expect(canReadGoodPractice(carrying, place10)).toBe(false);
  });
});

describe("an organisation's shared items", () => {
  it("are read by everyone who reads the organisation", () => {
    for (const reader of [champion(100, 10), steering(10), admin()]) {
      expect(canReadSharedEvidence(reader, inPlace10)).toBe(true);
      expect(canReadSharedEvidence(reader, systemWide)).toBe(true);
    }
  });
});
