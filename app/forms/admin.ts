import { z } from "zod";
import { MAX_WORKING_DAY } from "../periods/due-dates";
import { dateInputSchema, multiLineText, singleLineText } from "./fields";

const name = (what: string) => singleLineText(`The ${what}`, 200).min(1, `Enter the ${what}`);

/** "" from a select means "none"; anything else must be a whole number id. */
const optionalId = z
  .string()
  .optional()
  .transform((v) => (v ? Number(v) : null))
  .pipe(z.number().int().positive().nullable());

export const placeSchema = z.object({ name: name("place name") });

export const organisationTypes = [
  "nhs_trust",
  "icb_ccg",
  "local_authority",
  "university",
  "other",
] as const;

export const organisationSchema = z.object({
  name: name("organisation name"),
  type: z.enum(organisationTypes, { error: "Select the type of organisation" }),
  placeId: optionalId,
});

export const roles = [
  "champion",
  "steering_member",
  "place_lead",
  "admin",
  "system_reader",
] as const;

export const grantSchema = z
  .object({
    role: z.enum(roles, { error: "Select a role" }),
    organisationId: optionalId,
    placeId: optionalId,
  })
  .superRefine((v, ctx) => {
    if (v.role === "champion" && !v.organisationId) {
      ctx.addIssue({
        code: "custom",
        path: ["organisationId"],
        message: "Select the organisation they champion",
      });
    }
    if ((v.role === "steering_member" || v.role === "place_lead") && !v.placeId) {
      ctx.addIssue({ code: "custom", path: ["placeId"], message: "Select the place" });
    }
  });

export const inviteSchema = z
  .object({
    name: name("person's name"),
    email: z
      .string()
      .trim()
      .min(1, "Enter their email address")
      .max(320, "Email address must be 320 characters or fewer")
      .pipe(z.email("Enter an email address in the correct format, like name@example.com")),
  })
  .and(grantSchema);

export const personActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("resend") }),
  z.object({ intent: z.literal("deactivate") }),
  z.object({ intent: z.literal("reactivate") }),
  z.object({
    intent: z.literal("revoke"),
    grantId: z.coerce.number().int().positive(),
  }),
  // An administrator's reset of someone's second factor: the reason goes in the audit log.
  z.object({
    intent: z.literal("reset-second-factor"),
    reason: multiLineText("The reason", 500).pipe(
      z.string().min(1, "Say how you confirmed it is them, for the audit log"),
    ),
  }),
]);

const thisYear = new Date().getUTCFullYear();

export const openPeriodSchema = z.object({
  intent: z.literal("open"),
  year: z.coerce
    .number({ error: "Enter a year" })
    .int("Enter a year")
    .min(2021, "The charter dates from 2021: enter 2021 or later")
    .max(thisYear + 1, `Enter ${thisYear + 1} or earlier`),
  month: z.coerce.number().int().min(1, "Select a month").max(12, "Select a month"),
});

export const periodStatusSchema = z.object({
  // A month is opened and closed to returns; only a return is "reopened" (never the same word).
  intent: z.enum(["close", "openAgain"]),
  periodId: z.coerce.number().int().positive(),
});

/** When returns are due by default: the Nth working day of the month after a month ends. */
export const dueRuleSchema = z.object({
  intent: z.literal("dueRule"),
  workingDay: z.coerce
    .number({ error: "Enter the working day returns are due on, from 1 to 20" })
    .int("Enter a whole number of working days, from 1 to 20")
    .min(1, "Enter a working day from 1 to 20")
    .max(MAX_WORKING_DAY, `Enter a working day from 1 to ${MAX_WORKING_DAY}`),
});

/**
 * A month's own due date (GOV.UK date input). Whether the date suits the
 * month (not before it starts) is checked against the month on the server.
 */
export const periodDueDateSchema = z.object({
  intent: z.literal("dueDate"),
  periodId: z.coerce.number().int().positive(),
  // Arrives joined from its three fields (joinDates in the action).
  dueOn: dateInputSchema("the due date", {
    earliest: "2021-01-01",
    latest: () => `${new Date().getUTCFullYear() + 2}-12-31`,
  }),
});

/** A month back to the system's rule. */
export const periodDueByRuleSchema = z.object({
  intent: z.literal("dueByRule"),
  periodId: z.coerce.number().int().positive(),
});
