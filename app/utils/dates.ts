/**
 * Dates and times as people in the UK read them: Europe/London (so BST in
 * summer), words not numbers. Stored times are UTC, either ISO
 * (`2026-11-25T10:42:00.000Z`) or SQLite's CURRENT_TIMESTAMP
 * (`2026-11-25 10:42:00`, UTC without a zone).
 */
const dateTime = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "Europe/London",
});

export function parseStoredTime(value: string): Date {
  const iso = /[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(" ", "T")}Z`;
  return new Date(iso);
}

/** "25 November 2026 at 10:42". */
export function formatDateTime(value: string): string {
  const parts = Object.fromEntries(
    dateTime.formatToParts(parseStoredTime(value)).map((p) => [p.type, p.value]),
  );
  return `${parts.day} ${parts.month} ${parts.year} at ${parts.hour}:${parts.minute}`;
}

const dateOnly = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/London",
});

/** "25 November 2026", the day in the UK. */
export function formatDate(value: string): string {
  return dateOnly.format(parseStoredTime(value));
}

const monthOnly = new Intl.DateTimeFormat("en-GB", {
  month: "long",
  year: "numeric",
  timeZone: "Europe/London",
});

/** "November 2026": the UK month a stored time falls in. */
export function formatMonth(value: string): string {
  return monthOnly.format(parseStoredTime(value));
}

const clock = new Intl.DateTimeFormat("en-GB", {
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "Europe/London",
});

/** "10:42", the time in the UK. */
export function formatTime(value: string): string {
  return clock.format(parseStoredTime(value));
}

const isoDay = new Intl.DateTimeFormat("en-CA", {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  timeZone: "Europe/London",
});

/**
 * Today's date in the UK as `YYYY-MM-DD`. Between midnight and 1am in summer
 * the UTC date is still yesterday's: an action due today is not yet overdue,
 * and a new month is already this month.
 */
export function todayInUk(now: Date = new Date()): string {
  return isoDay.format(now);
}

/** "15 January 2027": a calendar day (`YYYY-MM-DD`, such as a due date) in words. */
export function formatDay(isoDay: string): string {
  // Noon UTC is the same day in London whatever the season.
  return dateOnly.format(new Date(`${isoDay}T12:00:00Z`));
}

const withSeconds = new Intl.DateTimeFormat("en-GB", {
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  timeZone: "Europe/London",
});

/**
 * "25 November 2026 at 10:42:07": for lists where two moments may fall in
 * the same minute (two submissions of one month) and must be told apart.
 */
export function formatDateTimeWithSeconds(value: string): string {
  const moment = parseStoredTime(value);
  return `${dateOnly.format(moment)} at ${withSeconds.format(moment)}`;
}
