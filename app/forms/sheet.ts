import { z } from "zod";
import { endOfYearAhead, isoDateBetween, multiLineText, singleLineText } from "./fields";
import { numberList } from "./sheet-plan";
import { componentStatuses, limits } from "./sheet-words";

/**
 * The reporting sheet's forms, one schema each. Component ids come from the
 * charter the assessment was made under, so the schemas are built from that
 * list: a post naming a component the charter does not have is refused.
 */

export {
  componentStatuses,
  evidenceKindLabels,
  evidenceKinds,
  fieldId,
  limits,
  statusLabels,
} from "./sheet-words";

const componentId = (ids: readonly string[]) =>
  z.string().refine((id) => ids.includes(id), "Select a component of the charter");

const version = z.coerce.number().int().positive();

export const startSchema = z.object({ intent: z.literal("start") });

export const submitSchema = z.object({ intent: z.literal("submit") });

export function componentAnswerSchema(ids: readonly string[]) {
  return z.object({
    intent: z.literal("save"),
    componentId: componentId(ids),
    version,
    /** Absent while the champion has chosen none: the component stays not answered. */
    status: z.enum(componentStatuses, { error: "Select the component's status" }).optional(),
    opportunities: multiLineText("Opportunities for progression", limits.opportunities).default(""),
    /** Indexes of the practices in place; absent (not empty) leaves them as saved. */
    practices: numberList(0, 99, "Select practices of this component").optional(),
  });
}

/** A measure is of something that happened: not before the charter's era, not years ahead. */
const measureDate = isoDateBetween(
  { earliest: "2000-01-01", latest: endOfYearAhead(1) },
  {
    invalid: "Enter a real date as YYYY-MM-DD, like 2026-11-01",
    outOfRange: (earliest, latest) =>
      `Enter the date the measure is for, between ${earliest} and ${latest}`,
  },
);

/** One evidence item; which fields it needs depends on its kind. */
export function evidenceSchema(ids: readonly string[]) {
  const common = {
    intent: z.literal("addEvidence"),
    componentId: componentId(ids),
    title: singleLineText("The title", limits.title).min(1, "Enter a title for the evidence"),
  };
  return z.discriminatedUnion(
    "kind",
    [
      z.object({
        ...common,
        kind: z.literal("narrative"),
        body: multiLineText("The narrative", limits.body).min(1, "Enter the narrative"),
      }),
      z.object({
        ...common,
        kind: z.literal("link"),
        url: singleLineText("The link", limits.url)
          .min(1, "Enter the link")
          .pipe(
            z.url({
              protocol: /^https?$/,
              error: "Enter a link starting with https:// or http://",
            }),
          ),
      }),
      z.object({
        ...common,
        kind: z.literal("measure"),
        measureValue: z
          .string()
          .trim()
          .min(1, "Enter the measure's value")
          .pipe(z.coerce.number<string>({ error: "Enter the value as a number" })),
        measureUnit: singleLineText("The unit", limits.unit).default(""),
        measureDate,
      }),
      // The file itself is a multipart part, checked on the server by its content.
      z.object({ ...common, kind: z.literal("file") }),
    ],
    { error: "Select the kind of evidence" },
  );
}

export const removeEvidenceSchema = (ids: readonly string[]) =>
  z.object({
    intent: z.literal("removeEvidence"),
    componentId: componentId(ids),
    evidenceId: z.coerce.number().int().positive(),
  });

/** Puts evidence the organisation already has (a document, say) on another component. */
export const reuseEvidenceSchema = (ids: readonly string[]) =>
  z.object({
    intent: z.literal("reuseEvidence"),
    componentId: componentId(ids),
    evidenceId: z.coerce
      .number({ error: "Select the evidence to use" })
      .int()
      .positive("Select the evidence to use"),
  });
