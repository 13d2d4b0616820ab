import { describe, expect, it } from "vitest";
import { type ReviewedAnswer, reviewState, verifiedFulfilledIds } from "~/charter/verification";

const answer = (over: Partial<ReviewedAnswer>): ReviewedAnswer => ({
  componentId: "1.1",
  status: "fulfilled",
  version: 3,
  latestReview: null,
  ...over,
});

describe("whether a review still covers a component", () => {
  it("is not reviewed until someone reviews it", () => {
    expect(reviewState(answer({}))).toBe("not reviewed");
  });
  it("holds while the answer is the version reviewed", () => {
    expect(reviewState(answer({ latestReview: { verdict: "verified", answerVersion: 3 } }))).toBe(
      "verified",
    );
    expect(reviewState(answer({ latestReview: { verdict: "queried", answerVersion: 3 } }))).toBe(
      "queried",
    );
  });
  it("lapses once the champion saves a newer version", () => {
    expect(
      reviewState(answer({ version: 4, latestReview: { verdict: "verified", answerVersion: 3 } })),
    ).toBe("changed since review");
  });
});

describe("the components a verified level counts", () => {
  it("are those fulfilled and verified as they stand, and no others", () => {
    const verified = { verdict: "verified", answerVersion: 3 } as const;
    expect(
      verifiedFulfilledIds([
        answer({ componentId: "1.1", latestReview: verified }),
        answer({ componentId: "1.2", latestReview: { verdict: "queried", answerVersion: 3 } }),
        answer({ componentId: "1.3", version: 5, latestReview: verified }),
        answer({ componentId: "2.1", status: "in_progress", latestReview: verified }),
        answer({ componentId: "2.2" }),
      ]),
    ).toEqual(["1.1"]);
  });
});
