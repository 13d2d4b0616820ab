import { describe, expect, it } from "vitest";
import {
  canDownloadEvidenceBundle,
  canEditAssessment,
  canReadGoodPractice,
  canReadOrganisation,
  canReadSharedEvidence,
  canReplyToQuery,
  canShareEvidence,
  canVerifyEvidence,
  type Grant,
  type Principal,
} from "~/access/policy";

/** One system (1) with places 10 and 20; organisation 100 in place 10, 200 in 20, 300 system-wide. */
const inPlace10 = { id: 100, placeId: 10, systemId: 1 };
const inPlace20 = { id: 200, placeId: 20, systemId: 1 };
const systemWide = { id: 300, placeId: null, systemId: 1 };
const otherSystem = { id: 900, placeId: 90, systemId: 2 };

const person = (...grants: Grant[]): Principal => ({ userId: 1, grants });
const champion = (organisationId: number, organisationPlaceId: number | null, systemId = 1) =>
  person({ role: "champion", organisationId, placeId: null, systemId, organisationPlaceId });
const steering = (placeId: number) =>
  person({ role: "steering_member", organisationId: null, placeId, systemId: 1 });
const admin = person({ role: "admin", organisationId: null, placeId: null, systemId: 1 });

describe("who replies to a steering group's query", () => {
  it("only the organisation's own champions, not its readers, reviewers or administrators", () => {
    expect(canReplyToQuery(champion(100, 10), inPlace10)).toBe(true);
    expect(canReplyToQuery(champion(300, null), systemWide)).toBe(true);
    const readerOfSystem = person({
      role: "system_reader",
      organisationId: null,
      placeId: null,
      systemId: 1,
    });
    for (const other of [
      champion(200, 20),
      champion(300, null),
      steering(10),
      admin,
      readerOfSystem,
    ]) {
      expect(canReplyToQuery(other, inPlace10)).toBe(false);
    }
  });
});

describe("who edits, verifies and bundles an organisation's evidence", () => {
  it("only its own champions edit and share it", () => {
    expect(canEditAssessment(champion(100, 10), inPlace10)).toBe(true);
    expect(canShareEvidence(champion(100, 10), inPlace10)).toBe(true);
    for (const other of [champion(200, 20), steering(10), admin]) {
      expect(canEditAssessment(other, inPlace10)).toBe(false);
      expect(canShareEvidence(other, inPlace10)).toBe(false);
    }
  });

  it("the place's steering group verifies, including system-wide organisations, but not its own champions or administrators", () => {
    expect(canVerifyEvidence(steering(10), inPlace10)).toBe(true);
    expect(canVerifyEvidence(steering(10), systemWide)).toBe(true);
    expect(canVerifyEvidence(steering(20), inPlace10)).toBe(false);
    expect(canVerifyEvidence(champion(100, 10), inPlace10)).toBe(false);
    expect(canVerifyEvidence(admin, inPlace10)).toBe(false);
  });

  it("no champion reaches another place's organisation", () => {
    expect(canReadOrganisation(champion(100, 10), inPlace20)).toBe(false);
    expect(canEditAssessment(champion(100, 10), inPlace20)).toBe(false);
    expect(canReadOrganisation(steering(20), inPlace20)).toBe(true);
  });

  it("the ZIP of a period is for the champions and administrators", () => {
    expect(canDownloadEvidenceBundle(champion(100, 10), inPlace10)).toBe(true);
    expect(canDownloadEvidenceBundle(admin, inPlace10)).toBe(true);
    expect(canDownloadEvidenceBundle(steering(10), inPlace10)).toBe(false);
    expect(canDownloadEvidenceBundle(champion(200, 20), inPlace10)).toBe(false);
  });
});

describe("good practice shared within a place", () => {
  it("is read by the place's overseers and its organisations' champions", () => {
    const place10 = { id: 10, systemId: 1 };
    expect(canReadGoodPractice(steering(10), place10)).toBe(true);
    expect(canReadGoodPractice(admin, place10)).toBe(true);
    expect(canReadGoodPractice(champion(100, 10), place10)).toBe(true);
    expect(canReadGoodPractice(champion(200, 20), place10)).toBe(false);
    expect(canReadGoodPractice(steering(20), place10)).toBe(false);
  });

  it("reaches champions of system-wide organisations in every place of their system only", () => {
    expect(canReadGoodPractice(champion(300, null), { id: 10, systemId: 1 })).toBe(true);
    expect(canReadGoodPractice(champion(300, null), { id: 20, systemId: 1 })).toBe(true);
    expect(canReadGoodPractice(champion(300, null), { id: 90, systemId: 2 })).toBe(false);
  });

  it("opens a shared item to the collaborative without opening the organisation itself", () => {
    const neighbour = champion(101, 10);
    expect(canReadOrganisation(neighbour, inPlace10)).toBe(false);
    expect(canReadSharedEvidence(neighbour, inPlace10)).toBe(true);
    expect(canReadSharedEvidence(champion(200, 20), inPlace10)).toBe(false);
    // A system-wide organisation's shared items reach everyone in its system, no one outside.
    expect(canReadSharedEvidence(champion(200, 20), systemWide)).toBe(true);
    expect(canReadSharedEvidence(champion(900, 90, 2), systemWide)).toBe(false);
    expect(canReadSharedEvidence(champion(100, 10), otherSystem)).toBe(false);
  });
});
