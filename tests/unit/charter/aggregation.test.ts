import { beforeEach, describe, expect, it } from "vitest";
import {
  bucketLabels,
  changeSince,
  commonGaps,
  componentCoverage,
  domainLevelShares,
  isOverdue,
  levelCounts,
  levelRank,
  nextLevelSteps,
  type OrganisationRow,
  type ReturnRow,
  standingOf,
  standings,
  trend,
} from "~/charter/aggregation";
import { loadCharter } from "~/charter/content";
import { ALL, answers, ONE_EACH, ret, TWO_EACH } from "./returns";
import type { Charter } from "~/charter/schema";

/**
 * A hand-computed place on the 2021 charter (3, 2, 4, 2, 2, 3 components):
 * A returns bronze (one per domain) and moved up from nothing; B returns
 * silver and moved down from gold (lost 3.3); S is system-wide with nothing
 * fulfilled; D's month was reopened; C has made no return at all.
 */
// Loaded in each test, not while collecting: code run outside a test is
// "static" to Stryker, and each of its mutants would rerun every test (ADR 014).
let charter: Charter;
beforeEach(() => {
  charter = loadCharter();
});

const organisations: OrganisationRow[] = [
  { id: 1, name: "A", type: "nhs_trust", placeId: 10 },
  { id: 2, name: "B", type: "local_authority", placeId: 10 },
  { id: 3, name: "C", type: "university", placeId: 10 },
  { id: 4, name: "D", type: "nhs_trust", placeId: 10 },
  { id: 5, name: "S", type: "nhs_trust", placeId: null },
];

const verifiedAll = (ids: string[]) =>
  Object.fromEntries(ids.map((id) => [id, "verified" as const]));

const may = {
  A: ret(1, "submitted", answers(ONE_EACH, { "1.1": "verified" })),
  B: ret(2, "submitted", answers(TWO_EACH, { ...verifiedAll(TWO_EACH), "3.2": "queried" })),
  D: ret(4, "reopened", answers(ONE_EACH)),
  S: ret(5, "submitted", answers([])),
};
const april = {
  A: ret(1, "submitted", answers(["1.1"])),
  B: ret(2, "submitted", answers([...TWO_EACH, "3.3"])),
  D: ret(4, "submitted", answers(ONE_EACH)),
  S: ret(5, "submitted", answers([])),
};
const mayReturns = Object.values(may);

describe("standings: a period's return, and its levels only once submitted", () => {
  const all = () => standings(charter, organisations, mayReturns);

  it("keeps the organisations' order and says what each returned", () => {
    expect(all().map((s) => [s.organisationId, s.returnState, s.self?.level ?? null])).toEqual([
      [1, "submitted", "bronze"],
      [2, "submitted", "silver"],
      [3, "none", null],
      [4, "reopened", null],
      [5, "submitted", null],
    ]);
  });

  it("the verified level counts only components verified as they stand", () => {
    expect(all().map((s) => s.verified?.level ?? null)).toEqual([null, "bronze", null, null, null]);
  });

  it("an organisation with no assessment has no date of last change", () => {
    expect(standingOf(charter, 3, undefined)).toEqual({
      organisationId: 3,
      returnState: "none",
      lastChangedAt: null,
      self: null,
      verified: null,
    });
  });
});

describe("level counts", () => {
  it("count no return, not yet submitted (a reopened month too), no level, and each level", () => {
    const counts = levelCounts(charter, standings(charter, organisations, mayReturns));
    expect(counts).toEqual([
      { bucket: "no_return", count: 1 },
      { bucket: "not_submitted", count: 1 },
      { bucket: "no_level", count: 1 },
      { bucket: "bronze", count: 1 },
      { bucket: "silver", count: 1 },
      { bucket: "gold", count: 0 },
      { bucket: "platinum", count: 0 },
    ]);
  });

  it("by verified level, A falls to no level and B to bronze", () => {
    const counts = levelCounts(charter, standings(charter, organisations, mayReturns), "verified");
    expect(Object.fromEntries(counts.map((c) => [c.bucket, c.count]))).toEqual({
      no_return: 1,
      not_submitted: 1,
      no_level: 2,
      bronze: 1,
      silver: 0,
      gold: 0,
      platinum: 0,
    });
  });

  it("an empty place counts nothing, and a period with no submissions counts only returns missing", () => {
    expect(levelCounts(charter, []).every((c) => c.count === 0)).toBe(true);
    const drafts = [ret(1, "draft", answers(ALL)), ret(2, "draft", answers([]))];
    const counts = levelCounts(charter, standings(charter, organisations, drafts));
    expect(counts.filter((c) => c.count > 0)).toEqual([
      { bucket: "no_return", count: 3 },
      { bucket: "not_submitted", count: 2 },
    ]);
  });
});

describe("coverage of each component across the place", () => {
  const coverage = () => componentCoverage(charter, mayReturns);

  it("counts fulfilled and verified among submitted returns only", () => {
    const of = (id: string) => coverage().find((c) => c.componentId === id);
    expect(of("1.1")).toMatchObject({ domainNumber: 1, returns: 3, fulfilled: 2, verified: 2 });
    expect(of("3.2")).toMatchObject({ domainNumber: 3, returns: 3, fulfilled: 1, verified: 0 });
    expect(of("1.3")).toMatchObject({ returns: 3, fulfilled: 0, verified: 0 });
    expect(coverage()).toHaveLength(16);
  });

  it("the most common gaps are the components least often fulfilled, ties in charter order", () => {
    expect(commonGaps(coverage(), 3).map((c) => c.componentId)).toEqual(["1.3", "3.3", "3.4"]);
    expect(commonGaps(coverage(), 10).map((c) => c.componentId)).toEqual([
      "1.3",
      "3.3",
      "3.4",
      "6.3",
      "1.2",
      "2.2",
      "3.2",
      "4.2",
      "5.2",
      "6.2",
    ]);
  });

  it("a period with no submitted return has no gaps to name", () => {
    expect(commonGaps(componentCoverage(charter, [may.D]), 5)).toEqual([]);
  });
});

describe("next-level steps", () => {
  it("name the components that would move an organisation up on their own", () => {
    // Only B (silver) is one component from gold: 3.3 or 3.4 gives domain 3 its third.
    expect(nextLevelSteps(charter, mayReturns)).toEqual([
      { componentId: "3.3", title: expect.any(String), organisations: 1, organisationIds: [2] },
      { componentId: "3.4", title: expect.any(String), organisations: 1, organisationIds: [2] },
    ]);
  });

  it("count every organisation a component would move, most first", () => {
    // Three organisations with bronze in every domain but 6: 6.1 moves all three.
    const nearlyBronze = ONE_EACH.filter((id) => id !== "6.1");
    const returns = [1, 2, 3].map((id) => ret(id, "submitted", answers(nearlyBronze)));
    returns.push(ret(4, "submitted", answers([...TWO_EACH, "3.3"].filter((id) => id !== "1.2"))));
    const steps = nextLevelSteps(charter, returns);
    expect(steps.map((s) => [s.componentId, s.organisations])).toEqual([
      ["6.1", 3],
      ["6.2", 3],
      ["6.3", 3],
      ["1.2", 1],
      ["1.3", 1],
    ]);
    // And names them: the page lists and links each one.
    expect(steps.map((s) => s.organisationIds)).toEqual([
      [1, 2, 3],
      [1, 2, 3],
      [1, 2, 3],
      [4],
      [4],
    ]);
  });
});

describe("change since the previous period", () => {
  const pair = (now: ReturnRow | undefined, before: ReturnRow | undefined, id: number) =>
    changeSince(
      charter,
      { standing: standingOf(charter, id, now), answers: now?.answers ?? [] },
      { standing: standingOf(charter, id, before), answers: before?.answers ?? [] },
    );

  it("an organisation that moved up, with what it newly fulfilled", () => {
    expect(pair(may.A, april.A, 1)).toEqual({
      organisationId: 1,
      movement: "up",
      before: { kind: "level", level: null },
      now: { kind: "level", level: "bronze" },
      newlyFulfilled: ["2.1", "3.1", "4.1", "5.1", "6.1"],
      lost: [],
    });
  });

  it("an organisation that moved down, with what it lost", () => {
    expect(pair(may.B, april.B, 2)).toMatchObject({
      movement: "down",
      before: { kind: "level", level: "gold" },
      now: { kind: "level", level: "silver" },
      newlyFulfilled: [],
      lost: ["3.3"],
    });
  });

  it("no movement, and nothing to compare for a reopened month or a missing return", () => {
    expect(pair(may.S, april.S, 5).movement).toBe("same");
    expect(pair(may.D, april.D, 4)).toMatchObject({
      movement: "not comparable",
      now: { kind: "not submitted", state: "reopened" },
      newlyFulfilled: [],
      lost: [],
    });
    expect(pair(undefined, april.A, 1)).toMatchObject({
      movement: "not comparable",
      now: { kind: "no return" },
    });
  });

  it("tells no level a year ago (a submitted return below bronze) from no submitted return then", () => {
    const noLevelThen = pair(may.A, april.A, 1);
    const noReturnThen = pair(may.A, undefined, 1);
    expect(noLevelThen.before).toEqual({ kind: "level", level: null });
    expect(noReturnThen.before).toEqual({ kind: "no return" });
    expect(noReturnThen.movement).toBe("not comparable");
    expect(noLevelThen.before).not.toEqual(noReturnThen.before);
  });
});

describe("the ICS heat map: share of returns meeting each level's rule in each domain", () => {
  it("domain 3 needs 1, 2, 3 and 4 fulfilled; domain 1 needs 1, 2, 2 and 3", () => {
    const shares = domainLevelShares(charter, mayReturns);
    const domain = (n: number) =>
      shares.find((d) => d.domainNumber === n)?.levels.map((l) => l.meeting);
    expect(domain(3)).toEqual([2, 1, 0, 0]);
    expect(domain(1)).toEqual([2, 1, 1, 0]);
    expect(shares[0]?.levels[0]?.share).toBeCloseTo(2 / 3);
  });

  it("a period with no submissions has no share to show", () => {
    const shares = domainLevelShares(charter, [may.D]);
    expect(shares.flatMap((d) => d.levels.map((l) => l.share))).toEqual(
      Array(charter.domains.length * charter.levels.length).fill(null),
    );
  });
});

describe("level ranks", () => {
  it("order no level below every level, in the charter's order", () => {
    const rank = levelRank(charter);
    expect([null, undefined, "bronze", "silver", "gold", "platinum"].map((l) => rank(l))).toEqual([
      0, 0, 1, 2, 3, 4,
    ]);
  });
});

describe("an organisation's trend", () => {
  it("lists each period oldest first, with its return, levels and fulfilled per domain", () => {
    const periods = [
      { id: 1, label: "March" },
      { id: 2, label: "April" },
      { id: 3, label: "May" },
    ];
    const rows = [
      { ...april.B, periodId: 2 },
      { ...may.B, periodId: 3 },
      { ...may.A, periodId: 3 },
    ];
    expect(trend(charter, 2, periods, rows)).toEqual([
      {
        periodId: 1,
        label: "March",
        returnState: "none",
        level: null,
        verifiedLevel: null,
        fulfilledByDomain: null,
      },
      {
        periodId: 2,
        label: "April",
        returnState: "submitted",
        level: "gold",
        verifiedLevel: null,
        fulfilledByDomain: [2, 2, 3, 2, 2, 2],
      },
      {
        periodId: 3,
        label: "May",
        returnState: "submitted",
        level: "silver",
        verifiedLevel: "bronze",
        fulfilledByDomain: [2, 2, 2, 2, 2, 2],
      },
    ]);
  });
});

describe("overdue actions", () => {
  it("are those whose target date has passed", () => {
    expect(isOverdue("2026-11-24", "2026-11-25")).toBe(true);
    expect(isOverdue("2026-11-25", "2026-11-25")).toBe(false);
    expect(isOverdue("2027-01-01", "2026-11-25")).toBe(false);
    expect(isOverdue(null, "2026-11-25")).toBe(false);
    expect(isOverdue("", "2026-11-25")).toBe(false);
  });
});

describe("level bucket labels", () => {
  it("name the missing returns, then each level of the charter", () => {
    expect([...bucketLabels(charter)]).toEqual([
      ["no_return", "No return this period"],
      ["not_submitted", "Not yet submitted"],
      ["no_level", "No level yet"],
      ["bronze", "Bronze"],
      ["silver", "Silver"],
      ["gold", "Gold"],
      ["platinum", "Platinum"],
    ]);
  });
});
