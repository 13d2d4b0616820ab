/**
 * Bank holidays in England and Wales, computed for any year: the fixed rules
 * of the Banking and Financial Dealings Act 1971 and the royal proclamations
 * that moved or added days since 2020. Computed rather than fetched because
 * nothing here may reach the internet; a new proclamation is one line in
 * `proclaimed` and `moved` (GOV.UK's bank-holidays.json is the check).
 * Dates are YYYY-MM-DD.
 */

/** Days added by proclamation, in addition to the usual eight. */
const proclaimed: Record<number, string[]> = {
  2022: ["2022-06-03", "2022-09-19"], // Platinum Jubilee; State Funeral of Queen Elizabeth II
  2023: ["2023-05-08"], // Coronation of King Charles III
};

/** A usual holiday moved by proclamation: year → { the usual date: the date it moved to }. */
const moved: Record<number, Record<string, string>> = {
  2020: { "2020-05-04": "2020-05-08" }, // Early May to VE Day's 75th anniversary
  2022: { "2022-05-30": "2022-06-02" }, // Spring to the Platinum Jubilee weekend
};

export function bankHolidaysInEnglandAndWales(year: number): string[] {
  const easter = easterSunday(year);
  const usual = [
    substituteForWeekend(utc(year, 0, 1)),
    addDays(easter, -2), // Good Friday
    addDays(easter, 1), // Easter Monday
    firstWeekdayOfMonth(year, 4, 1), // Early May: first Monday of May
    lastWeekdayOfMonth(year, 4, 1), // Spring: last Monday of May
    lastWeekdayOfMonth(year, 7, 1), // Summer: last Monday of August
    ...christmasAndBoxingDay(year),
  ].map(isoDate);
  const changes = moved[year] ?? {};
  return [...usual.map((day) => changes[day] ?? day), ...(proclaimed[year] ?? [])].sort();
}

const cache = new Map<number, Set<string>>();

export function isBankHoliday(isoDay: string): boolean {
  const year = Number(isoDay.slice(0, 4));
  let days = cache.get(year);
  if (!days) cache.set(year, (days = new Set(bankHolidaysInEnglandAndWales(year))));
  return days.has(isoDay);
}

/** Christmas Day and Boxing Day, each moved to the next free weekday when it falls at a weekend. */
function christmasAndBoxingDay(year: number): Date[] {
  const christmas = utc(year, 11, 25);
  switch (christmas.getUTCDay()) {
    case 5: // Friday: Boxing Day on Saturday moves to Monday
      return [christmas, utc(year, 11, 28)];
    case 6: // Saturday: both move to Monday and Tuesday
      return [utc(year, 11, 27), utc(year, 11, 28)];
    case 0: // Sunday: Christmas to Tuesday (Boxing Day is Monday)
      return [utc(year, 11, 27), utc(year, 11, 26)];
    default:
      return [christmas, utc(year, 11, 26)];
  }
}

function substituteForWeekend(day: Date): Date {
  const weekday = day.getUTCDay();
  return weekday === 6 ? addDays(day, 2) : weekday === 0 ? addDays(day, 1) : day;
}

/** Easter Sunday in the Gregorian calendar (the anonymous algorithm, "Meeus/Jones/Butcher"). */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return utc(year, month - 1, day);
}

function firstWeekdayOfMonth(year: number, monthIndex: number, weekday: number): Date {
  const first = utc(year, monthIndex, 1);
  return addDays(first, (weekday - first.getUTCDay() + 7) % 7);
}

function lastWeekdayOfMonth(year: number, monthIndex: number, weekday: number): Date {
  const last = utc(year, monthIndex + 1, 0);
  return addDays(last, -((last.getUTCDay() - weekday + 7) % 7));
}

function utc(year: number, monthIndex: number, day: number): Date {
  return new Date(Date.UTC(year, monthIndex, day));
}

export function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * 86_400_000);
}

export function isoDate(day: Date): string {
  return day.toISOString().slice(0, 10);
}
