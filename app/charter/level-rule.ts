import { z } from "zod";

/**
 * A level's rule, and what it asks of a domain. The bottom of the charter
 * domain: the schema checks levels with it and scoring counts with it, so it
 * imports neither.
 */

const positiveInt = z.number().int().min(1);

export const levelRuleSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("atLeast"), count: positiveInt }),
  z.strictObject({ kind: z.literal("overHalf") }),
  z.strictObject({ kind: z.literal("all") }),
]);

export type LevelRule = z.infer<typeof levelRuleSchema>;

/** Fulfilled components a domain of `totalComponents` needs for a level. */
export function requiredPerDomain(rule: LevelRule, totalComponents: number): number {
  switch (rule.kind) {
    case "atLeast":
      // Capped at the domain's size: otherwise a one-component domain could
      // hold platinum (all of it) but never silver (two of it), and nobody
      // could ever hold silver or anything above it.
      return Math.min(rule.count, totalComponents);
    case "overHalf":
      return Math.floor(totalComponents / 2) + 1;
    case "all":
      return totalComponents;
  }
}
