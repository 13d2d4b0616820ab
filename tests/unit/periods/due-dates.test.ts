import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bankHolidaysInEnglandAndWales } from "~/periods/bank-holidays";
import { dueDateByRule, isWorkingDay, periodDueOn } from "~/periods/due-dates";
import { isFinalPeriod, periodPhase, returnTimeliness } from "~/periods/phase";

describe("bank holidays in England and Wales", () => {
  // As published at gov.uk/bank-holidays (substitute days and proclamations included).
  const published: Record<number, string[]> = {
    2020: ["01-01", "04-10", "04-13", "05-08", "05-25", "08-31", "12-25", "12-28"],
    2021: ["01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28"],
    2022: [
      "01-03",
      "04-15",
      "04-18",
      "05-02",
      "06-02",
      "06-03",
      "08-29",
      "09-19",
      "12-26",
      "12-27",
    ],
    2023: ["01-02", "04-07", "04-10", "05-01", "05-08", "05-29", "08-28", "12-25", "12-26"],
    2024: ["01-01", "03-29", "04-01", "05-06", "05-27", "08-26", "12-25", "12-26"],
    2025: ["01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"],
    2026: ["01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"],
    2027: ["01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"],
  };
  for (const [year, days] of Object.entries(published)) {
    it(`are the published ones in ${year}`, () => {
      expect(bankHolidaysInEnglandAndWales(Number(year))).toEqual(days.map((d) => `${year}-${d}`));
    });
  }

  it("never fall at a weekend, in any year", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2200 }), (year) => {
        for (const day of bankHolidaysInEnglandAndWales(year)) {
          expect([0, 6]).not.toContain(new Date(`${day}T00:00:00Z`).getUTCDay());
        }
      }),
    );
  });
});

describe("a period's due date", () => {
  const tenth = { workingDay: 10 };

  it("is the tenth working day of the next month by default, across a year end and New Year's Day", () => {
    // January 2027: the 1st is a bank holiday (Friday); working days from the 4th.
    expect(dueDateByRule("2026-12-31", tenth)).toBe("2027-01-15");
  });

  it("skips Easter's Good Friday and Easter Monday", () => {
    // April 2026: 1 and 2 count, 3 and 6 are bank holidays.
    expect(dueDateByRule("2026-03-31", tenth)).toBe("2026-04-16");
  });

  it("skips the Christmas substitute days", () => {
    // November 2027's returns, due in December 2027: 27 and 28 December are holidays,
    // but the tenth working day comes first; the 20th day meets them.
    expect(dueDateByRule("2027-11-30", tenth)).toBe("2027-12-14");
    expect(dueDateByRule("2027-11-30", { workingDay: 20 })).toBe("2027-12-30");
  });

  it("works across the clock change (dates, not times)", () => {
    // October 2026 has the clock change on Sunday 25th; it changes nothing for whole days.
    expect(dueDateByRule("2026-09-30", { workingDay: 17 })).toBe("2026-10-23");
    expect(dueDateByRule("2026-09-30", { workingDay: 18 })).toBe("2026-10-26");
  });

  it("is always a working day after the period ends, counting exactly N working days", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2100 }),
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 1, max: 20 }),
        (year, monthIndex, workingDay) => {
          const endsOn = new Date(Date.UTC(year, monthIndex + 1, 0)).toISOString().slice(0, 10);
          const due = dueDateByRule(endsOn, { workingDay });
          expect(due > endsOn).toBe(true);
          expect(isWorkingDay(due)).toBe(true);
          let counted = 0;
          for (let t = Date.parse(`${endsOn}T00:00:00Z`) + 86_400_000; ; t += 86_400_000) {
            const day = new Date(t).toISOString().slice(0, 10);
            if (isWorkingDay(day)) counted++;
            if (day === due) break;
          }
          expect(counted).toBe(workingDay);
        },
      ),
    );
  });

  it("refuses a rule it cannot apply", () => {
    expect(() => dueDateByRule("2026-12-31", { workingDay: 0 })).toThrow(RangeError);
    expect(() => dueDateByRule("2026-12-31", { workingDay: 21 })).toThrow(RangeError);
  });

  it("is the period's own date when administrators set one", () => {
    expect(periodDueOn({ endsOn: "2026-12-31", dueOnOverride: "2027-01-08" }, tenth)).toBe(
      "2027-01-08",
    );
    expect(periodDueOn({ endsOn: "2026-12-31", dueOnOverride: null }, tenth)).toBe("2027-01-15");
  });
});

describe("where a period stands", () => {
  it("is open until its due date has passed, then past due, and closed when closed", () => {
    const period = { status: "open" as const, dueOn: "2027-01-15" };
    expect(periodPhase(period, "2027-01-15")).toBe("open");
    expect(isFinalPeriod(period, "2027-01-15")).toBe(false);
    expect(periodPhase(period, "2027-01-16")).toBe("past-due");
    expect(isFinalPeriod(period, "2027-01-16")).toBe(true);
    expect(periodPhase({ ...period, status: "closed" }, "2026-12-01")).toBe("closed");
  });
});

describe("a return's timeliness", () => {
  it("is on time when first submitted on or before the due date as a UK day", () => {
    expect(returnTimeliness({ firstSubmittedAt: "2027-01-15 18:00:00", dueOn: "2027-01-15" })).toBe(
      "on-time",
    );
    expect(returnTimeliness({ firstSubmittedAt: "2027-01-16 00:05:00", dueOn: "2027-01-15" })).toBe(
      "late",
    );
  });

  it("reads the UK day across the clock change", () => {
    // 23:30 UTC on 29 March 2026 is 00:30 BST on the 30th: late for a return due on the 29th.
    expect(
      returnTimeliness({ firstSubmittedAt: "2026-03-29T23:30:00.000Z", dueOn: "2026-03-29" }),
    ).toBe("late");
    // 23:30 UTC on 25 October 2026 is 23:30 GMT the same day: on time.
    expect(
      returnTimeliness({ firstSubmittedAt: "2026-10-25T23:30:00.000Z", dueOn: "2026-10-25" }),
    ).toBe("on-time");
  });

  it("is not yet due, then overdue, for a return not submitted", () => {
    const dueOn = "2027-01-15";
    expect(
      returnTimeliness({ firstSubmittedAt: null, dueOn, now: new Date("2027-01-15T23:30:00Z") }),
    ).toBe("not-yet-due");
    expect(
      returnTimeliness({ firstSubmittedAt: null, dueOn, now: new Date("2027-01-16T00:30:00Z") }),
    ).toBe("overdue");
  });
});
