import { describe, expect, it } from "vitest";
import { canReviewPlace } from "~/access/policy";
import {
  admin,
  champion,
  person,
  placeLead,
  placeLeadGrant,
  steering,
  steeringGrant,
  system1,
  system2,
  systemReader,
} from "./people";

describe("who works through a place's review queue", () => {
  it("its steering group and its lead, as they are the ones who verify there", () => {
    expect(canReviewPlace(steering(10), system1.place10)).toBe(true);
    expect(canReviewPlace(placeLead(10), system1.place10)).toBe(true);
    expect(canReviewPlace(person(steeringGrant(20), placeLeadGrant(10)), system1.place20)).toBe(
      true,
    );
  });

  it("no one of another place, however many places they oversee elsewhere", () => {
    expect(canReviewPlace(steering(20), system1.place10)).toBe(false);
    expect(canReviewPlace(placeLead(20), system1.place10)).toBe(false);
  });

  it("not administrators nor system readers, who read the place but do not verify (ADR 011)", () => {
    expect(canReviewPlace(admin(), system1.place10)).toBe(false);
    expect(canReviewPlace(systemReader(), system1.place10)).toBe(false);
  });

  it("not champions, who never review, not even the place's own", () => {
    expect(canReviewPlace(champion(100, 10), system1.place10)).toBe(false);
    expect(canReviewPlace(champion(300, null), system1.place10)).toBe(false);
  });

  it("nothing of another system, even a place with the same number", () => {
    expect(canReviewPlace(steering(10, 2), system1.place10)).toBe(false);
    expect(canReviewPlace(steering(90, 2), system2.place90)).toBe(true);
    expect(canReviewPlace(steering(90, 2), { id: 90, systemId: 1 })).toBe(false);
  });
});
