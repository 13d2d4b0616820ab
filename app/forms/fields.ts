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
