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
