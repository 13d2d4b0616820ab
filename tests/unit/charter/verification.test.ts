import { describe, expect, it } from "vitest";
import {
  carriesVerification,
  evidenceKey,
  type LatestReview,
  type ReviewedAnswer,
  reviewState,
  unchangedSinceVerified,
  verifiedFulfilledIds,
} from "~/charter/verification";

const answer = (over: Partial<ReviewedAnswer>): ReviewedAnswer => ({
  componentId: "1.1",
  status: "fulfilled",
  version: 3,
  evidenceIds: [7, 4],
  latestReview: null,
  ...over,
});
const review = (over: Partial<LatestReview> = {}): LatestReview => ({
  verdict: "verified",
  answerVersion: 3,
  evidenceKey: "4,7",
  ...over,
});

describe("whether a review still covers a component", () => {
  it("is not reviewed until someone reviews it", () => {
    expect(reviewState(answer({}))).toBe("not reviewed");
  });
  it("holds while the answer is the version and the evidence reviewed", () => {
    expect(reviewState(answer({ latestReview: review() }))).toBe("verified");
    expect(reviewState(answer({ latestReview: review({ verdict: "queried" }) }))).toBe("queried");
    // The same items in another order are the same evidence.
    expect(reviewState(answer({ evidenceIds: [4, 7], latestReview: review() }))).toBe("verified");
  });
  it("lapses once the champion saves a newer version", () => {
    expect(reviewState(answer({ version: 4, latestReview: review() }))).toBe(
      "changed since review",
    );
  });
  it("lapses once evidence is added or removed, though that does not move the version", () => {
    expect(reviewState(answer({ evidenceIds: [4, 7, 9], latestReview: review() }))).toBe(
      "changed since review",
    );
    expect(reviewState(answer({ evidenceIds: [4], latestReview: review() }))).toBe(
      "changed since review",
    );
  });
  it("judges a review made before evidence was kept by its version alone", () => {
    const legacy = review({ evidenceKey: null });
    expect(reviewState(answer({ evidenceIds: [1, 2, 3], latestReview: legacy }))).toBe("verified");
    expect(reviewState(answer({ version: 4, latestReview: legacy }))).toBe("changed since review");
  });
});

describe("the components a verified level counts", () => {
  it("are those fulfilled and verified as they stand, and no others", () => {
    expect(
      verifiedFulfilledIds([
        answer({ componentId: "1.1", latestReview: review() }),
        answer({ componentId: "1.2", latestReview: review({ verdict: "queried" }) }),
        answer({ componentId: "1.3", version: 5, latestReview: review() }),
        answer({ componentId: "1.4", evidenceIds: [4], latestReview: review() }),
        answer({ componentId: "2.1", status: "in_progress", latestReview: review() }),
        answer({ componentId: "2.2" }),
      ]),
    ).toEqual(["1.1"]);
  });
});

describe("an evidence key", () => {
  it("is the same for the same items in any order, once each", () => {
    expect(evidenceKey([7, 4, 7])).toBe("4,7");
    expect(evidenceKey([])).toBe("");
    expect(evidenceKey([10, 9])).toBe("9,10");
  });
});

describe("a verification carried into the next month", () => {
  const verified = answer({ latestReview: review() });
  const next = { status: "fulfilled", evidenceIds: [4, 7], reviewedInItsMonth: false };

  it("carries when the status and evidence are unchanged", () => {
    expect(carriesVerification(verified, next)).toBe(true);
    expect(carriesVerification(verified, { ...next, evidenceIds: [7, 4] })).toBe(true);
  });
  it("does not carry a component changed in any way the reviewer checked", () => {
    expect(carriesVerification(verified, { ...next, status: "in_progress" })).toBe(false);
    expect(carriesVerification(verified, { ...next, evidenceIds: [4] })).toBe(false);
    expect(carriesVerification(verified, { ...next, evidenceIds: [4, 7, 8] })).toBe(false);
  });
  it("carries only what stands verified: not a query, nor a verification the earlier month outgrew", () => {
    expect(
      carriesVerification(answer({ latestReview: review({ verdict: "queried" }) }), next),
    ).toBe(false);
    expect(carriesVerification(answer({ version: 4, latestReview: review() }), next)).toBe(false);
    expect(carriesVerification(answer({}), next)).toBe(false);
  });
  it("gives way to a review made in the later month itself", () => {
    expect(carriesVerification(verified, { ...next, reviewedInItsMonth: true })).toBe(false);
  });
});

describe("unchanged since last verified", () => {
  it("is the same comparison, whether or not the later month was reviewed", () => {
    const verified = answer({ latestReview: review() });
    expect(unchangedSinceVerified(verified, { status: "fulfilled", evidenceIds: [7, 4] })).toBe(
      true,
    );
    expect(unchangedSinceVerified(verified, { status: "fulfilled", evidenceIds: [7] })).toBe(false);
    expect(
      unchangedSinceVerified(answer({ status: "in_progress", latestReview: review() }), {
        status: "in_progress",
        evidenceIds: [4, 7],
      }),
    ).toBe(false);
  });
});
