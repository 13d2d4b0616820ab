import { z } from "zod";

/** Asking for an annual report: whose, which year, and as what. */
export const annualReportSchema = z.object({
  scope: z
    .string({ error: "Choose whose report to build" })
    .regex(/^(organisation|place|system):\d{1,12}$/, "Choose whose report to build")
    .transform((value) => {
      const [kind, id] = value.split(":");
      return { kind: kind as "organisation" | "place" | "system", id: Number(id) };
    }),
  year: z
    .string({ error: "Choose a year" })
    .regex(/^\d{4}$/, "Choose a year")
    .transform(Number),
  format: z.enum(["pdf", "docx"], { error: "Choose PDF or Word" }),
});
