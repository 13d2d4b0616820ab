import { z } from "zod";
import { formatDate } from "../utils/dates";

// zod compiles object schemas with `new Function` after probing whether it may:
// in the browser our CSP forbids it, and the probe itself is reported as a
// violation. Every form's schema is built on this module, so this runs first.
z.config({ jitless: true });

/**
 * What each kind of text field accepts, decided once for every form. People
 * type and paste letters of every script, emoji and punctuation, and all of
 * that is kept. What no keyboard produces on purpose is refused with a
 * message, never stored: control characters (NUL, BEL, escape codes), and in
 * a one-line field any line break, which would split a name or owner in the
 * audit log, a CSV export or an email.
 */

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_EXCEPT_LINE_BREAKS_AND_TABS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_OR_LINE_BREAK = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

const tooLong = (what: string, max: number) =>
  `${what} must be ${max.toLocaleString("en-GB")} characters or fewer`;

/** A name, title, owner or unit: one line, trimmed. */
export const singleLineText = (what: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, tooLong(what, max))
    .refine(
      (value) => !CONTROL_OR_LINE_BREAK.test(value),
      `${what} must be on one line, without line breaks or hidden control characters`,
    );

/** A narrative, note, comment or reason: line breaks and tabs are kept. */
export const multiLineText = (what: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, tooLong(what, max))
    .refine(
      (value) => !CONTROL_EXCEPT_LINE_BREAKS_AND_TABS.test(value),
      `${what} must not contain hidden control characters (remove any pasted from another program)`,
    );

/** `YYYY-MM-DD`, between two dates a person could mean (both inclusive). */
export const isoDateBetween = (
  bounds: { earliest: string; latest: () => string },
  messages: { invalid: string; outOfRange: (earliest: string, latest: string) => string },
) =>
  z
    .string()
    .trim()
    .pipe(z.iso.date({ error: messages.invalid }))
    .refine((date) => date >= bounds.earliest && date <= bounds.latest(), {
      error: () => messages.outOfRange(bounds.earliest, bounds.latest()),
    });

/** The last day of the year `yearsAhead` years from today: for dates that may lie ahead. */
export const endOfYearAhead = (yearsAhead: number) => () =>
  `${new Date().getUTCFullYear() + yearsAhead}-12-31`;

/**
 * A GOV.UK date input's three fields (`<name>-day`, `<name>-month`,
 * `<name>-year`) as the one value its schema checks: "" when all three are
 * empty, "YYYY-MM-DD" when each holds digits, otherwise a marker naming the
 * part missing or wrong, which `dateInputSchema` words. Read before parsing,
 * so the schema sees one field and its error is keyed by the field's name.
 */
export function joinDateParts(values: Record<string, string>, name: string): string {
  const part = (p: string) => (values[`${name}-${p}`] ?? "").trim();
  const [day, month, year] = [part("day"), part("month"), part("year")];
  if (!day && !month && !year) return "";
  for (const [label, value] of [
    ["day", day],
    ["month", month],
    ["year", year],
  ] as const) {
    if (!value) return `?missing=${label}`;
    if (!/^\d+$/.test(value)) return `?invalid=${label}`;
  }
  if (year.length !== 4) return "?invalid=year";
  return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}

/**
 * The GOV.UK date input's messages, `what` naming the date as the sentence
 * needs it ("the due date"): "Enter the due date", "The due date must include
 * a month", "… must be a real date".
 */
export const dateInputSchema = (
  what: string,
  bounds: { earliest: string; latest: () => string },
) => {
  const What = what.charAt(0).toUpperCase() + what.slice(1);
  return z.string().superRefine((value, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: "custom", message });
    if (value === "") return issue(`Enter ${what}`);
    const missing = /^\?missing=(\w+)$/.exec(value);
    if (missing) return issue(`${What} must include a ${missing[1]}`);
    const time = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : NaN;
    const real = !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
    if (!real) return issue(`${What} must be a real date`);
    if (value < bounds.earliest || value > bounds.latest())
      return issue(
        `${What} must be between ${formatDate(bounds.earliest)} and ${formatDate(bounds.latest())}`,
      );
  });
};

/** The form with each named GOV.UK date input's parts joined into one field of that name. */
export function joinDates(formData: FormData, names: readonly string[]): FormData {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string") values[key] = value;
  const joined = new FormData();
  for (const [key, value] of formData.entries()) joined.append(key, value);
  for (const name of names) joined.set(name, joinDateParts(values, name));
  return joined;
}
