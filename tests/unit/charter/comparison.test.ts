import { beforeEach, describe, expect, it } from "vitest";
import type { AnswerRow } from "~/charter/aggregation";
import { comparisonMatrix, readComparisonFilters } from "~/charter/comparison";
import { loadCharter } from "~/charter/content";
import { ALL, answers, ONE_EACH, ret } from "./returns";

// 1.3 is honestly not started; the rest not fulfilled are in progress.
const answersOf = (fulfilled: string[], review: Record<string, AnswerRow["review"]> = {}) =>
  answers(fulfilled, review, (id) => (id === "1.3" ? "not_started" : "in_progress"));
import type { Charter } from "~/charter/schema";

// Loaded in each test, not while collecting: code run outside a test is
// "static" to Stryker, and each of its mutants would rerun every test (ADR 014).
let charter: Charter;
beforeEach(() => {
  charter = loadCharter();
});

const organisations = [
  { id: 1, name: "Zeta Trust", type: "nhs_trust", placeId: 1, placeName: "Bay" },
  { id: 2, name: "Alpha Council", type: "local_authority", placeId: 1, placeName: "Bay" },
  { id: 3, name: "Beta University", type: "university", placeId: null, placeName: "System-wide" },
  { id: 4, name: "Gamma Trust", type: "nhs_trust", placeId: 1, placeName: "Bay" },
];
const returns = [
  ret(1, "submitted", answersOf(ONE_EACH, { "1.1": "verified", "2.1": "queried" })),
  ret(2, "submitted", answersOf([])),
  ret(3, "draft", answersOf(ALL)),
];
const all = { type: null, level: null, domain: null, sort: "name" as const };

describe("the comparison matrix", () => {
  it("has every component as a column and every organisation as a row, by name", () => {
    const m = comparisonMatrix(charter, organisations, returns, all);
    expect(m.components.map((c) => c.id)).toEqual(ALL);
    expect(m.rows.map((r) => [r.organisation.name, r.bucket])).toEqual([
      ["Alpha Council", "no_level"],
      ["Beta University", "not_submitted"],
      ["Gamma Trust", "no_return"],
      ["Zeta Trust", "bronze"],
    ]);
  });

  it("shows each cell's status and review, and nothing for a return not submitted", () => {
    const m = comparisonMatrix(charter, organisations, returns, all);
    const zeta = m.rows.find((r) => r.organisation.id === 1);
    expect(zeta?.cells?.slice(0, 4)).toEqual([
      { componentId: "1.1", status: "fulfilled", review: "verified" },
      { componentId: "1.2", status: "in_progress", review: "not reviewed" },
      { componentId: "1.3", status: "not_started", review: "not reviewed" },
      { componentId: "2.1", status: "fulfilled", review: "queried" },
    ]);
    expect(m.rows.find((r) => r.organisation.id === 3)?.cells).toBeNull();
    expect(m.rows.find((r) => r.organisation.id === 4)?.cells).toBeNull();
  });

  it("filters by organisation type, by level and by domain", () => {
    const trusts = comparisonMatrix(charter, organisations, returns, { ...all, type: "nhs_trust" });
    expect(trusts.rows.map((r) => r.organisation.id)).toEqual([4, 1]);
    const bronze = comparisonMatrix(charter, organisations, returns, { ...all, level: "bronze" });
    expect(bronze.rows.map((r) => r.organisation.id)).toEqual([1]);
    const domain3 = comparisonMatrix(charter, organisations, returns, { ...all, domain: 3 });
    expect(domain3.components.map((c) => c.id)).toEqual(["3.1", "3.2", "3.3", "3.4"]);
    expect(domain3.rows.find((r) => r.organisation.id === 1)?.cells?.map((c) => c.status)).toEqual([
      "fulfilled",
      "in_progress",
      "in_progress",
      "in_progress",
    ]);
  });

  it("sorts by type or by place, then by name; never by score", () => {
    const byType = comparisonMatrix(charter, organisations, returns, { ...all, sort: "type" });
    expect(byType.rows.map((r) => r.organisation.id)).toEqual([2, 4, 1, 3]);
    const byPlace = comparisonMatrix(charter, organisations, returns, { ...all, sort: "place" });
    expect(byPlace.rows.map((r) => r.organisation.id)).toEqual([2, 4, 1, 3]);
  });
});

describe("the filters in the address", () => {
  const known = {
    types: ["nhs_trust", "university"],
    buckets: ["bronze", "no_return"],
    domains: [1, 2, 3],
  };

  it("are read when they are ones the page offers", () => {
    const params = new URLSearchParams("type=university&level=bronze&domain=2&sort=place");
    expect(readComparisonFilters(params, known)).toEqual({
      type: "university",
      level: "bronze",
      domain: 2,
      sort: "place",
    });
  });

  it("mean 'all', sorted by name, when absent or unknown", () => {
    expect(readComparisonFilters(new URLSearchParams(""), known)).toEqual(all);
    const odd = new URLSearchParams("type=castle&level=score&domain=9&sort=score");
    expect(readComparisonFilters(odd, known)).toEqual(all);
  });
});
