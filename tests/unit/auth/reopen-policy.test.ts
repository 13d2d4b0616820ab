import { describe, expect, it } from "vitest";
import { canReopenAssessment, type Grant, type Principal } from "~/access/policy";

const person = (...grants: Grant[]): Principal => ({ userId: 1, grants });
const grant = (role: Grant["role"], over: Partial<Grant> = {}): Grant => ({
  role,
  organisationId: null,
  placeId: null,
  systemId: 1,
  ...over,
});
const trustInPlace7 = { id: 3, placeId: 7, systemId: 1 };
const systemWide = { id: 4, placeId: null, systemId: 1 };

describe("who may reopen a submitted self-assessment", () => {
  it("the lead of the organisation's place, not of another place", () => {
    expect(canReopenAssessment(person(grant("place_lead", { placeId: 7 })), trustInPlace7)).toBe(
      true,
    );
    expect(canReopenAssessment(person(grant("place_lead", { placeId: 8 })), trustInPlace7)).toBe(
      false,
    );
  });

  it("an administrator of its system, including for system-wide organisations", () => {
    expect(canReopenAssessment(person(grant("admin")), trustInPlace7)).toBe(true);
    expect(canReopenAssessment(person(grant("admin")), systemWide)).toBe(true);
    expect(canReopenAssessment(person(grant("admin", { systemId: 2 })), trustInPlace7)).toBe(false);
  });

  it("never the champions who submitted it, steering members, or place leads for system-wide ones", () => {
    expect(
      canReopenAssessment(person(grant("champion", { organisationId: 3 })), trustInPlace7),
    ).toBe(false);
    expect(
      canReopenAssessment(person(grant("steering_member", { placeId: 7 })), trustInPlace7),
    ).toBe(false);
    expect(canReopenAssessment(person(grant("place_lead", { placeId: 7 })), systemWide)).toBe(
      false,
    );
  });
});
