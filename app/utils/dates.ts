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
