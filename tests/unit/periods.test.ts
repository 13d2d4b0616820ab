import { describe, expect, it } from "vitest";
import { monthlyPeriod, recentMonthlyPeriods } from "~/utils/periods";

describe("monthly periods", () => {
  it("covers a whole month, leap years included", () => {
    expect(monthlyPeriod(2024, 1)).toEqual({
      label: "February 2024",
      startsOn: "2024-02-01",
      endsOn: "2024-02-29",
    });
  });

  it("lists recent months oldest first, crossing a year end", () => {
    const periods = recentMonthlyPeriods(new Date("2026-02-15T12:00:00Z"), 3);
    expect(periods.map((p) => p.label)).toEqual(["December 2025", "January 2026", "February 2026"]);
  });
});
