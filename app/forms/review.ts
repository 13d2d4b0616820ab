import { z } from "zod";
import { multiLineText } from "./fields";

/** A steering group member's verdict on a fulfilled component's evidence. */
export const reviewSchema = z
  .object({
    verdict: z.enum(["verified", "queried"], {
      error: "Select whether the evidence is verified or queried",
    }),
    comment: multiLineText("The comment", 2000).default(""),
    // The answer as the reviewer saw it: a change since then must be looked at first.
    answerVersion: z.coerce.number().int().nonnegative(),
    // Its evidence as they saw it (evidenceKey): adding or removing an item does not move the version.
    evidenceKey: z
      .string()
      .regex(/^(\d{1,12}(,\d{1,12})*)?$/)
      .optional(),
  })
  .refine((review) => review.verdict !== "queried" || review.comment.length > 0, {
    path: ["comment"],
    message: "Enter what you are querying, so the champion can answer it",
  });

export const verdictLabels = { verified: "Verified", queried: "Queried" } as const;

/** Share an evidence item with the collaborative, or stop sharing it. */
export const shareSchema = z.object({
  share: z.enum(["yes", "no"]),
  returnTo: z.string().optional(),
});

/**
 * "Verify all unchanged since last verified": each answer as the reviewer was
 * shown it (answer id, version and evidence ids), space-separated, so the
 * server verifies only answers still exactly as compared.
 */
export const verifyUnchangedSchema = z.object({
  intent: z.literal("verifyUnchanged"),
  items: z
    .string({ error: "Choose what to verify" })
    .trim()
    .min(1, "There is nothing unchanged to verify")
    .max(20_000, "Too many to verify at once")
    .regex(/^(\d{1,12}:\d{1,9}:[\d.]*)( \d{1,12}:\d{1,9}:[\d.]*)*$/, "Choose what to verify")
    .transform((text) => text.split(" ")),
});
