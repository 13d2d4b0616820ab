import { parseCharter } from "../../../app/charter/content";
import type { Charter, LevelRule } from "../../../app/charter/schema";

export interface SyntheticLevel {
  id: string;
  rule: LevelRule;
}

export const standardLevels: SyntheticLevel[] = [
  { id: "bronze", rule: { kind: "atLeast", count: 1 } },
  { id: "silver", rule: { kind: "atLeast", count: 2 } },
  { id: "gold", rule: { kind: "overHalf" } },
  { id: "platinum", rule: { kind: "all" } },
];

/** Raw (unvalidated) charter JSON with the given number of components per domain. */
export function rawSyntheticCharter(
  domainSizes: number[],
  levels: SyntheticLevel[] = standardLevels,
): Record<string, unknown> {
  return {
    version: "synthetic",
    title: "Synthetic charter",
    issuer: "Test suite",
    adopted: "2030-01-01",
    purpose: "Scoring tests.",
    domains: domainSizes.map((size, d) => ({
      number: d + 1,
      title: `Domain ${d + 1}`,
      outcomeMeasures: [],
      components: Array.from({ length: size }, (_, c) => ({
        id: `${d + 1}.${c + 1}`,
        number: c + 1,
        title: `Component ${d + 1}.${c + 1}`,
        practices: ["A practice"],
      })),
    })),
    crossCuttingPrinciples: [],
    levels: levels.map((level) => ({
      id: level.id,
      name: level.id.toUpperCase(),
      description: `Level ${level.id}`,
      rule: level.rule,
    })),
  };
}

export function syntheticCharter(
  domainSizes: number[],
  levels: SyntheticLevel[] = standardLevels,
): Charter {
  return parseCharter(rawSyntheticCharter(domainSizes, levels), "synthetic");
}

/** The first `counts[d]` components of each domain d. */
export function firstN(charter: Charter, counts: number[]): string[] {
  return charter.domains.flatMap((domain, d) =>
    domain.components.slice(0, counts[d] ?? 0).map((c) => c.id),
  );
}
