import { z } from "zod";
import { multiLineText, singleLineText } from "./fields";

export const replyLimits = { body: 5000, title: 200, url: 2000 };

export const replyEvidenceLabels = {
  none: "No new evidence",
  link: "A link",
  file: "A document or image (PDF, Word, Excel, PowerPoint, picture)",
} as const;

/**
 * A champion's reply to a query, with new evidence if they have it. The file
 * itself is a multipart part, checked on the server by its content through
 * the evidence upload path; the title names the evidence in the library.
 */
export const queryReplySchema = z
  .object({
    body: multiLineText("Your reply", replyLimits.body).min(1, "Enter your reply to the query"),
    evidence: z.enum(["none", "link", "file"], { error: "Select whether you are adding evidence" }),
    title: singleLineText("The title", replyLimits.title).default(""),
    url: singleLineText("The link", replyLimits.url).default(""),
  })
  .superRefine((reply, context) => {
    if (reply.evidence !== "none" && reply.title.length === 0) {
      context.addIssue({
        code: "custom",
        path: ["title"],
        message: "Enter a title for the evidence",
      });
    }
    if (reply.evidence === "link" && !/^https?:\/\/[^\s/$.?#][^\s]*$/i.test(reply.url)) {
      context.addIssue({
        code: "custom",
        path: ["url"],
        message: "Enter a link starting with https:// or http://",
      });
    }
  });

export type QueryReply = z.infer<typeof queryReplySchema>;
