import { z } from "zod";
import { parseYearValue } from "../periods/reporting-year";

/**
 * Asking for an annual report: whose, which year (a financial year "2025/26",
 * the default, or a calendar year "2026"), whether a month still open to
 * returns may be reported (provisional), and as what.
 */
export const annualReportSchema = z.object({
  scope: z
    .string({ error: "Choose whose report to build" })
    .regex(/^(organisation|place|system):\d{1,12}$/, "Choose whose report to build")
    .transform((value) => {
      const [kind, id] = value.split(":");
      return { kind: kind as "organisation" | "place" | "system", id: Number(id) };
    }),
  year: z.string({ error: "Choose a year" }).transform((value, ctx) => {
    const year = parseYearValue(value);
    if (!year) {
      ctx.addIssue({ code: "custom", message: "Choose a year" });
      return z.NEVER;
    }
    return year;
  }),
  provisional: z
    .enum(["yes", "no"], { error: "Choose which month to report" })
    .default("no")
    .transform((value) => value === "yes"),
  format: z.enum(["pdf", "docx"], { error: "Choose PDF or Word" }),
});
