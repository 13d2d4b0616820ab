/**
 * Whether a steering group's review still covers a component, and when a
 * verification carries into a later month: the one place these rules live
 * (ADR 011, ADR 039). A review is of the answer as it stood: its version and
 * the evidence it had. Once the champion changes either, the review no longer
 * vouches for it and the component counts as self-assessed. A verified
 * component whose status and evidence are the same in the next month stays
 * verified there ("verified in November 2026, unchanged since") until
 * something changes.
 */

export type Verdict = "verified" | "queried";
export type ReviewState = Verdict | "changed since review" | "not reviewed";

export type LatestReview = {
  verdict: Verdict;
  answerVersion: number;
  /** The evidence the answer had when reviewed (evidenceKey); null for reviews made before it was kept. */
  evidenceKey: string | null;
};

export type ReviewedAnswer = {
  componentId: string;
  status: string;
  version: number;
  /** The evidence items the answer has now. */
  evidenceIds: readonly number[];
  latestReview: LatestReview | null;
};

/** A set of evidence items as one comparable text: the same items in any order give the same key. */
export function evidenceKey(ids: readonly number[]): string {
  return [...new Set(ids)].sort((a, b) => a - b).join(",");
}

export function reviewState(answer: ReviewedAnswer): ReviewState {
  const review = answer.latestReview;
  if (!review) return "not reviewed";
  if (review.answerVersion !== answer.version) return "changed since review";
  if (review.evidenceKey !== null && review.evidenceKey !== evidenceKey(answer.evidenceIds)) {
    return "changed since review";
  }
  return review.verdict;
}

/** The components that are fulfilled and verified as they stand now: what a verified level counts. */
export function verifiedFulfilledIds(answers: readonly ReviewedAnswer[]): string[] {
  return answers
    .filter((a) => a.status === "fulfilled" && reviewState(a) === "verified")
    .map((a) => a.componentId);
}

/** What a later answer is compared on: what a steering group verifies. */
export type ComparedAnswer = { status: string; evidenceIds: readonly number[] };

/**
 * Whether `later` is, for a reviewer, the answer they verified in `earlier`:
 * `earlier` is fulfilled and verified as it stands, and `later` has the same
 * status and the same evidence items. Opportunities, practices and actions are
 * the champion's plan, not what was verified, so they do not count.
 */
export function unchangedSinceVerified(earlier: ReviewedAnswer, later: ComparedAnswer): boolean {
  return (
    earlier.status === "fulfilled" &&
    reviewState(earlier) === "verified" &&
    later.status === earlier.status &&
    evidenceKey(later.evidenceIds) === evidenceKey(earlier.evidenceIds)
  );
}

/**
 * Whether a verification carries forward into the organisation's next month:
 * the later answer is unchanged since verified, and no one has reviewed it
 * in its own month (a review there, whatever it says, is the newer word).
 */
export function carriesVerification(
  earlier: ReviewedAnswer,
  later: ComparedAnswer & { reviewedInItsMonth: boolean },
): boolean {
  return !later.reviewedInItsMonth && unchangedSinceVerified(earlier, later);
}
