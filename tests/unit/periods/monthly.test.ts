import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatTime, parseStoredTime, todayInUk } from "~/utils/dates";
import {
  choosePeriod,
  monthlyPeriod,
  periodsByYear,
  recentMonthlyPeriods,
} from "~/periods/monthly";

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

describe("the period a reader's page shows", () => {
  // Newest first, as listPeriods answers.
  const periods = [
    { id: 12, startsOn: "2027-01-01" },
    { id: 11, startsOn: "2026-12-01" },
    { id: 10, startsOn: "2026-11-01" },
  ];

  it("is the one the address asks for, with the one before it", () => {
    expect(choosePeriod(periods, { requested: "11", preferred: 10 })).toEqual({
      chosen: periods[1],
      previous: periods[2],
      unknownRequest: false,
    });
  });

  it("is otherwise the latest with any return, or else the latest", () => {
    expect(choosePeriod(periods, { requested: null, preferred: 11 }).chosen?.id).toBe(11);
    expect(choosePeriod(periods, { requested: null, preferred: null }).chosen?.id).toBe(12);
  });

  it("says when the address asks for a period that is not this system's", () => {
    for (const requested of ["99", "abc", "1e3", ""]) {
      const choice = choosePeriod(periods, { requested, preferred: 10 });
      expect(choice).toMatchObject({ unknownRequest: true, chosen: periods[2], previous: null });
    }
  });

  it("is nothing when no period has been opened", () => {
    expect(choosePeriod([], { requested: null, preferred: null })).toEqual({
      chosen: null,
      previous: null,
      unknownRequest: false,
    });
  });

  it("groups periods by year for the chooser, newest year first", () => {
    expect(periodsByYear(periods).map((y) => [y.year, y.periods.map((p) => p.id)])).toEqual([
      ["2027", [12]],
      ["2026", [11, 10]],
    ]);
  });
});

describe("times as people in the UK read them", () => {
  it("in words, in UK time: GMT in winter, BST in summer", () => {
    expect(formatDateTime("2026-11-25T10:42:00.000Z")).toBe("25 November 2026 at 10:42");
    expect(formatDateTime("2026-07-01T10:42:00.000Z")).toBe("1 July 2026 at 11:42");
  });

  it("reads SQLite's CURRENT_TIMESTAMP as UTC", () => {
    expect(formatDateTime("2026-07-01 23:30:00")).toBe("2 July 2026 at 00:30");
    expect(parseStoredTime("2026-07-01 23:30:00").toISOString()).toBe("2026-07-01T23:30:00.000Z");
  });

  it("dates and clock times alone, in UK time too", () => {
    expect(formatDate("2026-06-30T23:30:00.000Z")).toBe("1 July 2026");
    expect(formatDate("2026-12-31T23:30:00.000Z")).toBe("31 December 2026");
    // A calendar day with no time (a target date) is that day.
    expect(formatDate("2026-07-01")).toBe("1 July 2026");
    expect(formatTime("2026-07-01T10:42:00.000Z")).toBe("11:42");
    expect(formatTime("2026-11-25T09:05:00.000Z")).toBe("09:05");
  });

  it("today in the UK: after midnight in summer it is already tomorrow", () => {
    expect(todayInUk(new Date("2026-06-30T23:30:00.000Z"))).toBe("2026-07-01");
    expect(todayInUk(new Date("2026-10-31T23:30:00.000Z"))).toBe("2026-10-31");
    expect(todayInUk(new Date("2026-03-29T00:30:00.000Z"))).toBe("2026-03-29");
  });
});
