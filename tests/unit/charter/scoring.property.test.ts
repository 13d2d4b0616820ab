import path from "node:path";

import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  CharterContentError,
  componentIds,
  loadCharter,
  parseCharter,
} from "../../../app/charter/content";
import { type LevelRule, requiredPerDomain } from "../../../app/charter/level-rule";
import type { Charter } from "../../../app/charter/schema";
import { computeLevel, levelRequirements } from "../../../app/charter/scoring";
import type { LevelResult } from "../../../app/charter/scoring";
import { rawSyntheticCharter, syntheticCharter } from "./synthetic";
import type { SyntheticLevel } from "./synthetic";

// Loaded as each property runs, not while collecting: code run outside a test
// is "static" to Stryker, and each of its mutants would rerun every test.
const real = fc
  .constant("lsc-2021")
  .map((version) => loadCharter({ dir: path.resolve(process.cwd(), "content/charter"), version }));

const sizesArb = fc.array(fc.integer({ min: 1, max: 7 }), {
  minLength: 1,
  maxLength: 8,
});

const ruleArb: fc.Arbitrary<LevelRule> = fc.oneof(
  fc.record({
    kind: fc.constant("atLeast" as const),
    count: fc.integer({ min: 1, max: 8 }),
  }),
  fc.constant({ kind: "overHalf" as const }),
  fc.constant({ kind: "all" as const }),
);

const levelsArb: fc.Arbitrary<SyntheticLevel[]> = fc
  .array(ruleArb, { minLength: 1, maxLength: 5 })
  .map((rules) => rules.map((rule, i) => ({ id: `level-${i}`, rule })));

function isMonotone(sizes: number[], levels: SyntheticLevel[]): boolean {
  return levels.every((level, i) => {
    const below = levels[i - 1];
    return (
      below === undefined ||
      sizes.every(
        (size) => requiredPerDomain(level.rule, size) >= requiredPerDomain(below.rule, size),
      )
    );
  });
}

// Random shapes with the charter's own four rules, plus random rule lists
// where those happen to be valid content.
const syntheticArb: fc.Arbitrary<Charter> = fc.oneof(
  sizesArb.map((sizes) => syntheticCharter(sizes)),
  fc
    .tuple(sizesArb, levelsArb)
    .filter(([sizes, levels]) => isMonotone(sizes, levels))
    .map(([sizes, levels]) => syntheticCharter(sizes, levels)),
);

/** A charter with two subsets of its components. */
function withSubsets(charterArb: fc.Arbitrary<Charter>) {
  return charterArb.chain((charter) => {
    const ids = componentIds(charter);
    return fc.tuple(fc.constant(charter), fc.subarray(ids), fc.subarray(ids));
  });
}

function rank(charter: Charter, result: LevelResult): number {
  return charter.levels.findIndex((level) => level.id === result.level);
}

function meets(charter: Charter, result: LevelResult, index: number): boolean {
  const row = levelRequirements(charter)[index]!;
  return row.perDomain.every((d, i) => result.byDomain[i]!.fulfilled >= d.required);
}

describe.each([
  ["the 2021 charter", real],
  ["random synthetic charters", syntheticArb],
])("computeLevel properties on %s", (_, charterArb) => {
  it("never lowers the level when more components are fulfilled", () => {
    fc.assert(
      fc.property(withSubsets(charterArb), ([charter, a, b]) => {
        const before = computeLevel(charter, a);
        const after = computeLevel(charter, [...a, ...b]);
        expect(rank(charter, after)).toBeGreaterThanOrEqual(rank(charter, before));
      }),
      { numRuns: 300 },
    );
  });

  it("holds every lower level, and not the next one", () => {
    fc.assert(
      fc.property(withSubsets(charterArb), ([charter, ids]) => {
        const result = computeLevel(charter, ids);
        const held = rank(charter, result);
        for (let i = 0; i <= held; i++) {
          expect(meets(charter, result, i)).toBe(true);
        }
        if (result.nextLevel === null) {
          expect(held).toBe(charter.levels.length - 1);
        } else {
          expect(result.nextLevel.level).toBe(charter.levels[held + 1]?.id);
          expect(meets(charter, result, held + 1)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("reaches the next level by adding exactly what nextLevel.needs", () => {
    fc.assert(
      fc.property(withSubsets(charterArb), ([charter, ids]) => {
        const result = computeLevel(charter, ids);
        if (result.nextLevel === null) return;
        const needs = result.nextLevel.needs;
        expect(needs.map((n) => n.domainNumber)).toEqual(charter.domains.map((d) => d.number));
        expect(needs.reduce((sum, n) => sum + n.more, 0)).toBeGreaterThan(0);
        const have = new Set(ids);
        const added = charter.domains.flatMap((domain, d) =>
          domain.components
            .filter((c) => !have.has(c.id))
            .slice(0, needs[d]!.more)
            .map((c) => c.id),
        );
        expect(added).toHaveLength(needs.reduce((s, n) => s + n.more, 0));
        const after = computeLevel(charter, [...ids, ...added]);
        expect(rank(charter, after)).toBeGreaterThanOrEqual(rank(charter, result) + 1);
      }),
      { numRuns: 300 },
    );
  });

  it("ignores order and duplicates", () => {
    fc.assert(
      fc.property(
        withSubsets(charterArb).chain(([charter, ids]) =>
          fc.tuple(
            fc.constant(charter),
            fc.constant(ids),
            fc.shuffledSubarray([...ids, ...ids], {
              minLength: 2 * ids.length,
            }),
          ),
        ),
        ([charter, ids, shuffled]) => {
          expect(computeLevel(charter, shuffled)).toEqual(computeLevel(charter, ids));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("content validation of level rules", () => {
  it("accepts a rule list exactly when no level needs fewer than the one below", () => {
    fc.assert(
      fc.property(sizesArb, levelsArb, (sizes, levels) => {
        const raw = rawSyntheticCharter(sizes, levels);
        if (isMonotone(sizes, levels)) {
          expect(() => parseCharter(raw, "synthetic")).not.toThrow();
        } else {
          expect(() => parseCharter(raw, "synthetic")).toThrow(CharterContentError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
