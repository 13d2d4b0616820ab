import { z } from "zod";
// The one form below the models that reads upwards (ADR 032): the filter offers exactly
// the kinds the audit log words, and that list is typed by the actions the audit model records.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { auditKinds } from "../audit/sentences";

const kinds = new Set<string>(auditKinds.flatMap((g) => g.actions.map((a) => a.action)));

const day = (what: string) =>
  z
    .string()
    .trim()
    .default("")
    .refine(
      (value) => value === "" || /^\d{4}-\d{2}-\d{2}$/.test(value),
      `Enter the ${what} date as YYYY-MM-DD, like 2026-11-25`,
    )
    .refine(
      // A day that does not exist (31 February) would roll over to another: refuse it.
      (value) => {
        if (value === "") return true;
        const parsed = Date.parse(`${value}T00:00:00Z`);
        return !Number.isNaN(parsed) && new Date(parsed).toISOString().slice(0, 10) === value;
      },
      `Enter a real ${what} date`,
    )
    .refine(
      (value) => value === "" || (value >= "2000-01-01" && value <= "2999-12-31"),
      `Enter a ${what} date between 2000 and 2999`,
    );

const pageId = z
  .string()
  .default("")
  .refine(
    (value) => value === "" || /^\d{1,12}$/.test(value),
    "The page address is not one this log made",
  );

/**
 * The audit log's filters, read from the address (a GET form, so it works
 * without JavaScript and a filtered page can be bookmarked). Empty means
 * "any". Days are UK days (Europe/London), both ends included.
 */
export const auditFilterSchema = z
  .object({
    person: z
      .string()
      .trim()
      .max(320, "The email address must be 320 characters or fewer")
      .default("")
      .refine(
        (value) => value === "" || /^[^\s@]+@[^\s@]+$/.test(value),
        "Enter the person's email address, like jo.bloggs@nhs.net",
      ),
    organisation: z
      .string()
      .default("")
      .refine(
        (value) => value === "" || /^\d{1,12}$/.test(value),
        "Select an organisation from the list",
      ),
    kind: z
      .string()
      .default("")
      .refine((value) => value === "" || kinds.has(value), "Select a kind of event from the list"),
    from: day("start"),
    to: day("end"),
    before: pageId,
    after: pageId,
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    path: ["to"],
    message: "The end date must be the same as or after the start date",
  });

export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** Midnight at the start of a UK day, as a UTC ISO time (BST or GMT as that day has it). */
export function ukDayStartUtc(day: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const midnightUtc = Date.UTC(year, month - 1, date);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/London",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      hourCycle: "h23",
    })
      .formatToParts(new Date(midnightUtc))
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  const londonAsUtc = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
  );
  return new Date(midnightUtc - (londonAsUtc - midnightUtc)).toISOString();
}

/** The start of the UK day after `day`: the exclusive end of a range that includes `day`. */
export function ukDayEndUtc(day: string): string {
  const next = new Date(`${day}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return ukDayStartUtc(next.toISOString().slice(0, 10));
}
