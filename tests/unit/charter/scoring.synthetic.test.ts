import { beforeEach, describe, expect, it } from "vitest";

import { CharterContentError } from "../../../app/charter/content";
import type { Charter } from "../../../app/charter/schema";
import { computeLevel, levelRequirements } from "../../../app/charter/scoring";
import { firstN, syntheticCharter } from "./synthetic";

// Seven domains, one with a single component and one with five, worked out by
// hand: a revised charter must score from its own content.
const SIZES = [3, 1, 5, 2, 4, 2, 3];
// Built in each test, not while collecting: code run outside a test is
// "static" to Stryker, and each of its mutants would rerun every test.
let charter: Charter;
beforeEach(() => {
  charter = syntheticCharter(SIZES);
});

describe("a seven-domain synthetic charter", () => {
  it("derives each level's requirements from the domain sizes", () => {
    const table = Object.fromEntries(
      levelRequirements(charter).map((row) => [row.level, row.perDomain.map((d) => d.required)]),
    );
    expect(table).toEqual({
      bronze: [1, 1, 1, 1, 1, 1, 1],
      // The one-component domain needs its single component, not two.
      silver: [2, 1, 2, 2, 2, 2, 2],
      gold: [2, 1, 3, 2, 3, 2, 2],
      platinum: [3, 1, 5, 2, 4, 2, 3],
    });
  });

  it("scores hand-worked examples", () => {
    expect(computeLevel(charter, firstN(charter, [1, 1, 1, 1, 1, 0, 1])).level).toBeNull();
    expect(computeLevel(charter, firstN(charter, [1, 1, 1, 1, 1, 1, 1])).level).toBe("bronze");
    expect(computeLevel(charter, firstN(charter, [2, 1, 2, 2, 2, 2, 2])).level).toBe("silver");
    expect(computeLevel(charter, firstN(charter, [3, 1, 4, 2, 2, 2, 3])).level).toBe("silver");
    expect(computeLevel(charter, firstN(charter, [2, 1, 3, 2, 3, 2, 2])).level).toBe("gold");
    expect(computeLevel(charter, firstN(charter, [3, 1, 5, 2, 4, 2, 3])).level).toBe("platinum");
  });

  it("says what the next level needs in every domain", () => {
    const result = computeLevel(charter, firstN(charter, [2, 1, 2, 2, 1, 2, 2]));
    expect(result.level).toBe("bronze");
    expect(result.byDomain.map((d) => d.fulfilled)).toEqual([2, 1, 2, 2, 1, 2, 2]);
    expect(result.nextLevel?.level).toBe("silver");
    expect(result.nextLevel?.needs.map((n) => [n.domainNumber, n.more])).toEqual([
      [1, 0],
      [2, 0],
      [3, 0],
      [4, 0],
      [5, 1],
      [6, 0],
      [7, 0],
    ]);
    const gold = computeLevel(charter, firstN(charter, [2, 1, 2, 2, 2, 2, 2]));
    expect(gold.nextLevel?.needs.map((n) => n.more)).toEqual([0, 0, 1, 0, 1, 0, 0]);
  });

  it("scores with its own level ids, names and number of levels", () => {
    const twoLevels = syntheticCharter(
      [2, 3],
      [
        { id: "started", rule: { kind: "atLeast", count: 1 } },
        { id: "complete", rule: { kind: "all" } },
      ],
    );
    const result = computeLevel(twoLevels, ["1.1", "2.3"]);
    expect(result.level).toBe("started");
    expect(result.levelName).toBe("STARTED");
    expect(result.nextLevel?.level).toBe("complete");
    expect(result.nextLevel?.needs.map((n) => n.more)).toEqual([1, 2]);
    expect(computeLevel(twoLevels, ["1.1", "1.2", "2.1", "2.2", "2.3"]).nextLevel).toBeNull();
  });

  it("rejects a higher level that needs fewer components in some domain", () => {
    // Over half of five is three, one fewer than "at least 4"; in the
    // seven-component domain both need four, so only domain 1 is reported.
    expect(() =>
      syntheticCharter(
        [5, 7],
        [
          { id: "three", rule: { kind: "atLeast", count: 4 } },
          { id: "half", rule: { kind: "overHalf" } },
        ],
      ),
    ).toThrow(
      new CharterContentError(
        "synthetic",
        "synthetic: levels.1.rule: level 'half' needs fewer components than the level below it in domain 1",
      ),
    );
  });
});
