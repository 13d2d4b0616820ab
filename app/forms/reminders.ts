import { z } from "zod";

/** Sending reminders for a place: the period, and (the second time) the sender's confirmation. */
export const reminderSchema = z.object({
  period: z
    .string({ error: "Choose a reporting period" })
    .regex(/^\d{1,12}$/, "Choose a reporting period")
    .transform(Number),
  confirm: z.enum(["yes"], { error: "Confirm you want to send the reminders again" }).optional(),
});
