import { describe, expect, it } from "vitest";
import { confirmationOf, isLargeChange } from "~/charter/outcome-checks";
import { expectedOn, targetProgress } from "~/charter/outcome-targets";
import {
  changeOverYear,
  figureValue,
  isDue,
  latestPoint,
  measureSeries,
  type PeriodRef,
  type PeriodTotal,
} from "~/charter/outcomes";

const month = (id: number, ym: string): PeriodRef => ({
  id,
  label: ym,
  startsOn: `${ym}-01`,
  endsOn: `${ym}-28`,
});
const quarters = [
  month(1, "2025-06"),
  month(2, "2025-07"),
  month(3, "2025-09"),
  month(4, "2025-12"),
  month(5, "2026-03"),
  month(6, "2026-06"),
];
const total = (periodId: number, numerator: number, denominator: number | null, v = 10) =>
  ({ periodId, versionId: v, numerator, denominator, reporting: 2 }) satisfies PeriodTotal;
const series = (totals: PeriodTotal[]) =>
  measureSeries({
    kind: () => "ratio",
    version: (id) => (id === 10 ? 1 : 2),
    frequency: "quarterly",
    periods: quarters,
    totals,
  });

describe("when a measure is due", () => {
  it("monthly every month, quarterly at each quarter's end, yearly in March", () => {
    const months = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"];
    expect(months.filter((m) => isDue("monthly", `2026-${m}-01`))).toHaveLength(12);
    expect(months.filter((m) => isDue("quarterly", `2026-${m}-01`))).toEqual([
      "03",
      "06",
      "09",
      "12",
    ]);
    expect(months.filter((m) => isDue("yearly", `2026-${m}-01`))).toEqual(["03"]);
  });
});

describe("a figure's value", () => {
  it("is a share of its whole in percent, or a total as it is", () => {
    expect(figureValue("ratio", 1, 4)).toBe(25);
    expect(figureValue("ratio", 3, 0)).toBeNull();
    expect(figureValue("total", 12.5, null)).toBe(12.5);
  });
});

describe("a series", () => {
  it("keeps only the months the measure was due in, each with its sums' value", () => {
    const s = series([total(1, 30, 100), total(6, 45, 100)]);
    expect(s.map((p) => p.id)).toEqual([1, 3, 4, 5, 6]);
    expect(s[0]!.points[0]!.value).toBe(30);
    expect(s[1]!.points).toEqual([]);
    expect(latestPoint(s)!.periodId).toBe(6);
  });

  it("compares the newest figure with the same month a year before", () => {
    const change = changeOverYear(series([total(1, 30, 100), total(6, 45, 100)]));
    expect(change.kind).toBe("change");
    expect(change.kind === "change" && change.difference).toBeCloseTo(15);
  });

  it("does not compare figures entered under two definitions", () => {
    const change = changeOverYear(series([total(1, 30, 100, 10), total(6, 45, 100, 11)]));
    expect(change.kind).toBe("definition changed");
  });

  it("says when there is no figure a year before, or none at all", () => {
    expect(changeOverYear(series([total(6, 45, 100)])).kind).toBe("no figure a year before");
    expect(changeOverYear(series([])).kind).toBe("no figure");
  });

  it("never takes a provisional figure as the newest", () => {
    const s = series([total(1, 30, 100), { ...total(6, 45, 100), provisional: "not submitted" }]);
    expect(latestPoint(s)!.periodId).toBe(1);
  });
});

describe("progress against a target", () => {
  const target = {
    baselineValue: 30,
    baselineOn: "2026-03-31",
    targetValue: 35,
    targetOn: "2029-03-31",
    note: "",
  };
  it("expects the straight line from baseline to target", () => {
    expect(expectedOn(target, "2026-03-31")).toBe(30);
    expect(expectedOn(target, "2029-03-31")).toBe(35);
    expect(expectedOn(target, "2020-01-01")).toBe(30);
    expect(expectedOn(target, "2030-01-01")).toBe(35);
    expect(expectedOn(target, "2027-09-30")).toBeCloseTo(32.5, 1);
  });
  it("is on track at or beyond the line, behind short of it, met at the target", () => {
    expect(targetProgress(target, { value: 32.6, on: "2027-09-30" }).progress).toBe("on track");
    expect(targetProgress(target, { value: 31, on: "2027-09-30" }).progress).toBe("behind");
    expect(targetProgress(target, { value: 35, on: "2026-06-30" }).progress).toBe("met");
    expect(targetProgress(target, null).progress).toBe("no figure");
  });
  it("reads a falling target the other way round (carbon)", () => {
    const carbon = { ...target, baselineValue: 1000, targetValue: 800 };
    expect(targetProgress(carbon, { value: 850, on: "2027-09-30" }).progress).toBe("on track");
    expect(targetProgress(carbon, { value: 990, on: "2027-09-30" }).progress).toBe("behind");
    expect(targetProgress(carbon, { value: 790, on: "2027-09-30" }).progress).toBe("met");
  });
});

describe("asking 'are you sure?'", () => {
  it("for a share moving more than 10 points, a total moving more than half", () => {
    expect(
      isLargeChange(
        "ratio",
        { numerator: 30, denominator: 100 },
        { numerator: 40, denominator: 100 },
      ),
    ).toBe(false);
    expect(
      isLargeChange(
        "ratio",
        { numerator: 30, denominator: 100 },
        { numerator: 41, denominator: 100 },
      ),
    ).toBe(true);
    expect(
      isLargeChange(
        "total",
        { numerator: 100, denominator: null },
        { numerator: 150, denominator: null },
      ),
    ).toBe(false);
    expect(
      isLargeChange(
        "total",
        { numerator: 100, denominator: null },
        { numerator: 151, denominator: null },
      ),
    ).toBe(true);
    expect(
      isLargeChange(
        "total",
        { numerator: 0, denominator: null },
        { numerator: 1, denominator: null },
      ),
    ).toBe(true);
  });
  it("binds a confirmation to the figure confirmed", () => {
    expect(confirmationOf({ numerator: 3, denominator: 4 })).not.toBe(
      confirmationOf({ numerator: 3, denominator: 5 }),
    );
  });
});
