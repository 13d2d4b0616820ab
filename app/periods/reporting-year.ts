/**
 * The year an annual report covers. NHS bodies report by financial year,
 * April to March, written "2025/26"; a calendar year ("2026") is offered too.
 * Dates are YYYY-MM-DD, both ends inclusive, so a period belongs to the year
 * its first day falls in.
 */
export type YearKind = "financial" | "calendar";

export type ReportingYear = {
  kind: YearKind;
  /** The calendar year the reporting year starts in: 2025 for 2025/26. */
  start: number;
};

export function yearLabel(year: ReportingYear): string {
  if (year.kind === "calendar") return String(year.start);
  return `${year.start}/${String((year.start + 1) % 100).padStart(2, "0")}`;
}

/** "the financial year 2025/26 (April 2025 to March 2026)", "the calendar year 2026". */
export function yearInWords(year: ReportingYear): string {
  return year.kind === "calendar"
    ? `the calendar year ${year.start}`
    : `the financial year ${yearLabel(year)} (April ${year.start} to March ${year.start + 1})`;
}

export function yearBounds(year: ReportingYear): { startsOn: string; endsOn: string } {
  return year.kind === "calendar"
    ? { startsOn: `${year.start}-01-01`, endsOn: `${year.start}-12-31` }
    : { startsOn: `${year.start}-04-01`, endsOn: `${year.start + 1}-03-31` };
}

/** The reporting year of the given kind that a day (YYYY-MM-DD) falls in. */
export function yearOf(kind: YearKind, isoDay: string): ReportingYear {
  const calendar = Number(isoDay.slice(0, 4));
  const month = Number(isoDay.slice(5, 7));
  return { kind, start: kind === "financial" && month < 4 ? calendar - 1 : calendar };
}

/** The value a form sends for a year, and back: "2025/26" is financial, "2026" calendar. */
export function yearValue(year: ReportingYear): string {
  return yearLabel(year);
}

export function parseYearValue(value: string): ReportingYear | null {
  const financial = /^(\d{4})\/(\d{2})$/.exec(value);
  if (financial) {
    const start = Number(financial[1]);
    const next = String((start + 1) % 100).padStart(2, "0");
    return financial[2] === next ? { kind: "financial", start } : null;
  }
  return /^\d{4}$/.test(value) ? { kind: "calendar", start: Number(value) } : null;
}

/** The same day a year before: the same point last year, for every comparison. */
export function yearBefore(isoDay: string): string {
  return `${Number(isoDay.slice(0, 4)) - 1}${isoDay.slice(4)}`;
}

/** The day after a YYYY-MM-DD day: a month's end as a moment ("at the end of 31 March"). */
export function dayAfter(isoDay: string): string {
  const day = new Date(`${isoDay}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}
