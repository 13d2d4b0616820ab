import { z } from "zod";

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
 * A GOV.UK date input (day, month and year in three fields named
 * `<name>-day`, `<name>-month`, `<name>-year`) read as one `YYYY-MM-DD`, with
 * the design system's messages: what is missing, or that it is not a real
 * date, or out of range. Errors are keyed by `name`, where the component puts
 * the day field's id, so the error summary links to the first field.
 */
export function dateInput(
  name: string,
  what: string,
  bounds: { earliest: string; latest: () => string },
) {
  const field = () => z.string().trim().max(10).default("");
  return z
    .object({
      [`${name}-day`]: field(),
      [`${name}-month`]: field(),
      [`${name}-year`]: field(),
    })
    .transform((parts, ctx) => {
      const [day, month, year] = ["day", "month", "year"].map((p) => parts[`${name}-${p}`] ?? "");
      const missing = [
        ["day", day],
        ["month", month],
        ["year", year],
      ]
        .filter(([, value]) => !value)
        .map(([part]) => part);
      const fail = (message: string) => {
        ctx.addIssue({ code: "custom", path: [name], message });
        return z.NEVER;
      };
      if (missing.length === 3) return fail(`Enter ${what}`);
      if (missing.length)
        return fail(`${capitalise(what)} must include a ${missing.join(" and ")}`);
      if (![day, month, year].every((p) => /^\d+$/.test(p!)) || year!.length !== 4) {
        return fail(`${capitalise(what)} must be a real date`);
      }
      const iso = `${year}-${month!.padStart(2, "0")}-${day!.padStart(2, "0")}`;
      const real = new Date(`${iso}T00:00:00Z`);
      if (Number.isNaN(real.getTime()) || real.toISOString().slice(0, 10) !== iso) {
        return fail(`${capitalise(what)} must be a real date`);
      }
      if (iso < bounds.earliest || iso > bounds.latest()) {
        return fail(
          `${capitalise(what)} must be between ${bounds.earliest} and ${bounds.latest()}`,
        );
      }
      return iso;
    });
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
