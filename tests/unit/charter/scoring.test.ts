import path from "node:path";

import { beforeEach, describe, expect, it } from "vitest";

import { loadCharter } from "../../../app/charter/content";
import { requiredPerDomain } from "../../../app/charter/level-rule";
import type { Charter } from "../../../app/charter/schema";
import {
  computeLevel,
  type LevelRequirement,
  levelRequirements,
} from "../../../app/charter/scoring";

// Loaded in each test, not while collecting: code run outside a test is
// "static" to Stryker, and each of its mutants would rerun every test.
let charter: Charter;
beforeEach(() => {
  charter = loadCharter({
    dir: path.resolve(process.cwd(), "content/charter"),
    version: "lsc-2021",
  });
});

// The oracle: the README's table, written out by hand.
const LEVELS = ["bronze", "silver", "gold", "platinum"] as const;
const SIZES = [3, 2, 4, 2, 2, 3];
const TABLE: Record<(typeof LEVELS)[number], number[]> = {
  bronze: [1, 1, 1, 1, 1, 1],
  silver: [2, 2, 2, 2, 2, 2],
  gold: [2, 2, 3, 2, 2, 2],
  platinum: [3, 2, 4, 2, 2, 3],
};
const IDS = SIZES.flatMap((size, d) => Array.from({ length: size }, (_, c) => `${d + 1}.${c + 1}`));

function reference(ids: string[]) {
  const counts = SIZES.map(() => 0);
  for (const id of new Set(ids)) counts[Number(id.split(".")[0]) - 1]! += 1;
  let held = -1;
  LEVELS.forEach((level, i) => {
    if (TABLE[level].every((required, d) => counts[d]! >= required)) held = i;
  });
  const next = LEVELS[held + 1];
  return {
    level: held >= 0 ? LEVELS[held]! : null,
    counts,
    next: next ?? null,
    more: next ? TABLE[next].map((required, d) => Math.max(0, required - counts[d]!)) : null,
  };
}

describe("levelRequirements for the 2021 charter", () => {
  let rows: LevelRequirement[];
  beforeEach(() => {
    rows = levelRequirements(charter);
  });

  it.each(LEVELS.map((level, i) => [level, i] as const))(
    "%s matches the README's table",
    (level, i) => {
      const row = rows[i]!;
      expect(row.level).toBe(level);
      expect(row.perDomain).toEqual(
        TABLE[level].map((required, d) => ({
          domainNumber: d + 1,
          required,
          total: SIZES[d],
        })),
      );
    },
  );

  it("carries the names and source descriptions", () => {
    expect(rows.map((r) => r.name)).toEqual(["Bronze", "Silver", "Gold", "Platinum"]);
    expect(rows[2]?.description).toBe("Fulfil over half of the components in each domain section");
  });
});

describe("requiredPerDomain", () => {
  it("caps atLeast at the domain size", () => {
    expect(requiredPerDomain({ kind: "atLeast", count: 2 }, 1)).toBe(1);
    expect(requiredPerDomain({ kind: "atLeast", count: 2 }, 5)).toBe(2);
  });

  it("needs strictly more than half for overHalf", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => requiredPerDomain({ kind: "overHalf" }, n))).toEqual([
      1, 2, 2, 3, 3, 4, 4,
    ]);
  });
});

describe("computeLevel on the 2021 charter", () => {
  it("agrees with the README table on all 2^16 subsets of components", () => {
    expect(IDS).toHaveLength(16);
    const mismatches: string[] = [];
    for (let mask = 0; mask < 1 << IDS.length; mask++) {
      const ids = IDS.filter((_, i) => (mask & (1 << i)) !== 0);
      const actual = computeLevel(charter, ids);
      const expected = reference(ids);
      const got = JSON.stringify({
        level: actual.level,
        counts: actual.byDomain.map((d) => d.fulfilled),
        next: actual.nextLevel?.level ?? null,
        more: actual.nextLevel?.needs.map((n) => n.more) ?? null,
      });
      if (got !== JSON.stringify(expected)) {
        mismatches.push(`${ids.join(",")}: ${got}`);
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it("holds nothing when nothing is fulfilled; bronze needs one everywhere", () => {
    const result = computeLevel(charter, []);
    expect(result.level).toBeNull();
    expect(result.levelName).toBeNull();
    expect(result.byDomain.map((d) => [d.fulfilled, d.total])).toEqual(
      SIZES.map((total) => [0, total]),
    );
    expect(result.nextLevel?.level).toBe("bronze");
    expect(result.nextLevel?.name).toBe("Bronze");
    expect(result.nextLevel?.needs).toEqual(
      charter.domains.map((d) => ({
        domainNumber: d.number,
        title: d.title,
        more: 1,
      })),
    );
  });

  it("gives bronze for one component per domain", () => {
    const result = computeLevel(charter, ["1.3", "2.1", "3.4", "4.2", "5.1", "6.2"]);
    expect(result.level).toBe("bronze");
    expect(result.levelName).toBe("Bronze");
    expect(result.nextLevel?.level).toBe("silver");
    expect(result.nextLevel?.needs.map((n) => n.more)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it("gives platinum, by name, for everything, with no next level", () => {
    const result = computeLevel(charter, IDS);
    expect(result.level).toBe("platinum");
    expect(result.levelName).toBe("Platinum");
    expect(result.nextLevel).toBeNull();
    expect(result.byDomain.every((d) => d.fulfilled === d.total)).toBe(true);
  });

  it("separates silver from gold only in domain 3", () => {
    const silver = [
      "1.1",
      "1.2",
      "2.1",
      "2.2",
      "3.1",
      "3.2",
      "4.1",
      "4.2",
      "5.1",
      "5.2",
      "6.1",
      "6.2",
    ];
    const result = computeLevel(charter, silver);
    expect(result.level).toBe("silver");
    expect(result.nextLevel?.level).toBe("gold");
    expect(result.nextLevel?.needs.map((n) => n.more)).toEqual([0, 0, 1, 0, 0, 0]);
    expect(computeLevel(charter, [...silver, "3.3"]).level).toBe("gold");
  });

  it("is held only when every domain qualifies", () => {
    const allButDomain6 = IDS.filter((id) => !id.startsWith("6."));
    expect(computeLevel(charter, allButDomain6).level).toBeNull();
    expect(computeLevel(charter, [...allButDomain6, "6.3"]).level).toBe("bronze");
  });

  it("throws on an unknown component id, naming it", () => {
    expect(() => computeLevel(charter, ["1.1", "7.1"])).toThrow(/"7\.1"/);
    expect(() => computeLevel(charter, ["3.5"])).toThrow(/Unknown component id "3\.5"/);
  });

  it("counts duplicates once", () => {
    const ids = ["1.1", "1.1", "2.1", "3.1", "4.1", "5.1", "6.1", "1.1"];
    const result = computeLevel(charter, ids);
    expect(result.byDomain[0]?.fulfilled).toBe(1);
    expect(result.level).toBe("bronze");
    expect(computeLevel(charter, ["1.1", "1.1"]).byDomain[0]?.fulfilled).toBe(1);
  });

  it("accepts any iterable", () => {
    const ids = new Set(["1.1", "2.1", "3.1", "4.1", "5.1", "6.1"]);
    expect(computeLevel(charter, ids.values()).level).toBe("bronze");
  });
});
