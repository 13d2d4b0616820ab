import type { AnswerRow, ReturnRow } from "~/charter/aggregation";

/**
 * Hand-made returns on the 2021 charter, for the aggregation tests. The
 * components are written out, so fixtures are built without loading the
 * charter while vitest collects (ADR 014: that would make mutants static).
 */
export const ALL = [
  "1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "3.2", "3.3",
  "3.4", "4.1", "4.2", "5.1", "5.2", "6.1", "6.2", "6.3",
]; // prettier-ignore
export const ONE_EACH = ["1.1", "2.1", "3.1", "4.1", "5.1", "6.1"];
export const TWO_EACH = [...ONE_EACH, "1.2", "2.2", "3.2", "4.2", "5.2", "6.2"];

/** Every component: the fulfilled ones as given, the rest in progress (or as `otherwise` says). */
export function answers(
  fulfilled: readonly string[],
  review: Record<string, AnswerRow["review"]> = {},
  otherwise: (componentId: string) => AnswerRow["status"] = () => "in_progress",
): AnswerRow[] {
  return ALL.map((componentId) => ({
    componentId,
    status: fulfilled.includes(componentId) ? "fulfilled" : otherwise(componentId),
    review: review[componentId] ?? "not reviewed",
  }));
}

export const ret = (
  organisationId: number,
  state: ReturnRow["state"],
  a: AnswerRow[],
): ReturnRow => ({ organisationId, state, lastChangedAt: "2026-05-20T10:00:00.000Z", answers: a });
