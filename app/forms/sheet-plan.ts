import { z } from "zod";
import {
  dateInputSchema,
  endOfYearAhead,
  joinDateParts,
  multiLineText,
  singleLineText,
} from "./fields";

/**
 * The sheet's improvement-plan forms: principles per domain, progression
 * actions, and reopening. Ticked checkboxes arrive as several values of one
 * name; `joinLists` folds them into one comma-separated value first, which is
 * also how a form posts them again from a hidden field.
 */

export const planLimits = { note: 2000, description: 500, owner: 200, reason: 1000 };

/** A copy of the form data with each named list folded into one comma-separated value. */
export function joinLists(formData: FormData, names: readonly string[]): FormData {
  const joined = new FormData();
  for (const [key, value] of formData.entries()) {
    if (!names.includes(key)) joined.append(key, value);
  }
  for (const name of names) {
    const values = formData.getAll(name).filter((v): v is string => typeof v === "string");
    if (values.length) joined.set(name, values.filter(Boolean).join(","));
  }
  return joined;
}

/** A comma-separated list of whole numbers from `min` to `max`, each once, sorted. */
export const numberList = (min: number, max: number, message: string) =>
  z
    .string()
    .transform((list) => (list.trim() ? list.split(",").map((v) => v.trim()) : []))
    .pipe(
      z.array(
        z.coerce
          .number<string>({ error: message })
          .int(message)
          .min(min, message)
          .max(max, message),
      ),
    )
    .refine((list) => new Set(list).size === list.length, message)
    .transform((list) => [...list].sort((a, b) => a - b));

export function principlesSchema(domainNumbers: readonly number[], principleCount: number) {
  return z.object({
    intent: z.literal("savePrinciples"),
    domain: z.coerce
      .number()
      .int()
      .refine((n) => domainNumbers.includes(n), "Select a domain of the charter"),
    /** 0: nobody has saved this domain's principles yet. */
    version: z.coerce.number().int().min(0),
    principles: numberList(1, principleCount, "Select principles of the charter").default([]),
    note: multiLineText("The note", planLimits.note).default(""),
  });
}

/** An action's target: from the charter's year to a plan's horizon, not year 9999. */
const targetDate = dateInputSchema("the target date", {
  earliest: "2021-01-01",
  latest: endOfYearAhead(10),
});

/**
 * The target date arrives as a GOV.UK date input's three fields
 * (`targetDate-day`, `-month`, `-year`), joined here so the browser's check
 * and the server's read the same value; a post naming `targetDate` alone
 * (YYYY-MM-DD, as the workbook and older pages send it) is read as it is.
 */
function joinTargetDate(values: unknown): unknown {
  if (typeof values !== "object" || values === null) return values;
  const fields = values as Record<string, string>;
  const typed = ["day", "month", "year"].some((p) => `targetDate-${p}` in fields);
  return typed ? { ...fields, targetDate: joinDateParts(fields, "targetDate") } : fields;
}

export function addActionSchema(ids: readonly string[]) {
  return z.preprocess(
    joinTargetDate,
    z.object({
      intent: z.literal("addAction"),
      componentId: z.string().refine((id) => ids.includes(id), "Select a component of the charter"),
      description: singleLineText("The action", planLimits.description).min(1, "Enter the action"),
      owner: singleLineText("The owner", planLimits.owner).default(""),
      // Optional: empty is no target; anything else must be a real date in range.
      targetDate: z
        .string()
        .trim()
        .default("")
        .superRefine((value, ctx) => {
          if (value === "") return;
          const checked = targetDate.safeParse(value);
          if (!checked.success) {
            ctx.addIssue({ code: "custom", message: checked.error.issues[0]!.message });
          }
        }),
    }),
  );
}

export function removeActionSchema(ids: readonly string[]) {
  return z.object({
    intent: z.literal("removeAction"),
    componentId: z.string().refine((id) => ids.includes(id), "Select a component of the charter"),
    actionId: z.coerce.number().int().positive(),
  });
}

export const reopenSchema = z.object({
  reason: multiLineText("The reason", planLimits.reason).min(
    1,
    "Enter why the self-assessment is reopened",
  ),
});

export { principlesFieldId } from "./sheet-words";
