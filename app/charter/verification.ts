/**
 * Whether a steering group's review still covers a component. A review is of
 * the answer as it stood (its version): once the champion changes it, the
 * review no longer vouches for it and the component counts as self-assessed.
 */

export type Verdict = "verified" | "queried";
export type ReviewState = Verdict | "changed since review" | "not reviewed";

export type ReviewedAnswer = {
  componentId: string;
  status: string;
  version: number;
  latestReview: { verdict: Verdict; answerVersion: number } | null;
};

export function reviewState(answer: ReviewedAnswer): ReviewState {
  if (!answer.latestReview) return "not reviewed";
  if (answer.latestReview.answerVersion !== answer.version) return "changed since review";
  return answer.latestReview.verdict;
}

/** The components that are fulfilled and verified as they stand now: what a verified level counts. */
export function verifiedFulfilledIds(answers: readonly ReviewedAnswer[]): string[] {
  return answers
    .filter((a) => a.status === "fulfilled" && reviewState(a) === "verified")
    .map((a) => a.componentId);
}
