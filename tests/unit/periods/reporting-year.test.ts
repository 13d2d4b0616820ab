import { describe, expect, it } from "vitest";
import {
  dayAfter,
  parseYearValue,
  yearBefore,
  yearBounds,
  yearInWords,
  yearLabel,
  yearOf,
} from "~/periods/reporting-year";
import { provisionalWords } from "~/periods/provisional";

describe("the reporting year", () => {
  it("is April to March for a financial year, written 2025/26", () => {
    const year = { kind: "financial" as const, start: 2025 };
    expect(yearLabel(year)).toBe("2025/26");
    expect(yearBounds(year)).toEqual({ startsOn: "2025-04-01", endsOn: "2026-03-31" });
    expect(yearInWords(year)).toBe("the financial year 2025/26 (April 2025 to March 2026)");
    expect(yearLabel({ kind: "financial", start: 2099 })).toBe("2099/00");
  });

  it("is January to December for a calendar year", () => {
    const year = { kind: "calendar" as const, start: 2026 };
    expect(yearLabel(year)).toBe("2026");
    expect(yearBounds(year)).toEqual({ startsOn: "2026-01-01", endsOn: "2026-12-31" });
  });

  it("puts January to March in the financial year that started the April before", () => {
    expect(yearOf("financial", "2026-03-01")).toEqual({ kind: "financial", start: 2025 });
    expect(yearOf("financial", "2026-04-01")).toEqual({ kind: "financial", start: 2026 });
    expect(yearOf("calendar", "2026-03-01")).toEqual({ kind: "calendar", start: 2026 });
  });

  it("reads a form's value back, and refuses one that is neither", () => {
    expect(parseYearValue("2025/26")).toEqual({ kind: "financial", start: 2025 });
    expect(parseYearValue("2026")).toEqual({ kind: "calendar", start: 2026 });
    expect(parseYearValue("2025/27")).toBeNull();
    expect(parseYearValue("25/26")).toBeNull();
    expect(parseYearValue("")).toBeNull();
  });

  it("compares with the same day a year before, and knows a month's end", () => {
    expect(yearBefore("2026-11-01")).toBe("2025-11-01");
    expect(dayAfter("2026-02-28")).toBe("2026-03-01");
    expect(dayAfter("2026-12-31")).toBe("2027-01-01");
  });
});

describe("a month still open to returns", () => {
  it("is named with its due date and how many have submitted so far", () => {
    expect(
      provisionalWords({ label: "December 2026", dueOn: "2027-01-15", submitted: 11, total: 18 }),
    ).toBe("December 2026, open until 15 January 2027: 11 of 18 have submitted so far");
    expect(
      provisionalWords({ label: "December 2026", dueOn: "2027-01-15", submitted: 1, total: 18 }),
    ).toBe("December 2026, open until 15 January 2027: 1 of 18 has submitted so far");
  });
});
