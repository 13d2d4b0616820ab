import { z } from "zod";
import { numberList } from "./sheet-plan";

/**
 * The reporting sheet's forms, one schema each. Component ids come from the
 * charter the assessment was made under, so the schemas are built from that
 * list: a post naming a component the charter does not have is refused.
 */

export const componentStatuses = ["not_started", "in_progress", "fulfilled"] as const;

export const statusLabels: Record<(typeof componentStatuses)[number], string> = {
  not_started: "Not started",
  in_progress: "In progress",
  fulfilled: "Fulfilled",
};

export const limits = { opportunities: 5000, title: 200, body: 5000, url: 2000, unit: 50 };

const componentId = (ids: readonly string[]) =>
  z.string().refine((id) => ids.includes(id), "Select a component of the charter");

const version = z.coerce.number().int().positive();

const text = (what: string, max: number) =>
  z.string().trim().max(max, `${what} must be ${max} characters or fewer`);

const required = (what: string, max: number, missing: string) => text(what, max).min(1, missing);

export const startSchema = z.object({ intent: z.literal("start") });

export const submitSchema = z.object({ intent: z.literal("submit") });

export function componentAnswerSchema(ids: readonly string[]) {
  return z.object({
    intent: z.literal("save"),
    componentId: componentId(ids),
    version,
    status: z.enum(componentStatuses, { error: "Select the component's status" }),
    opportunities: text("Opportunities for progression", limits.opportunities).default(""),
    /** Indexes of the practices in place; absent (not empty) leaves them as saved. */
    practices: numberList(0, 99, "Select practices of this component").optional(),
  });
}

const isoDate = z
  .string()
  .trim()
  .pipe(z.iso.date({ error: "Enter a real date as YYYY-MM-DD, like 2026-11-01" }));

export const evidenceKinds = ["narrative", "link", "measure", "file"] as const;

export const evidenceKindLabels: Record<(typeof evidenceKinds)[number], string> = {
  narrative: "A narrative",
  link: "A link",
  measure: "A measure",
  file: "A document or image (PDF, Word, Excel, PowerPoint, picture)",
};

/** One evidence item; which fields it needs depends on its kind. */
export function evidenceSchema(ids: readonly string[]) {
  const common = {
    intent: z.literal("addEvidence"),
    componentId: componentId(ids),
    title: required("The title", limits.title, "Enter a title for the evidence"),
  };
  return z.discriminatedUnion(
    "kind",
    [
      z.object({
        ...common,
        kind: z.literal("narrative"),
        body: required("The narrative", limits.body, "Enter the narrative"),
      }),
      z.object({
        ...common,
        kind: z.literal("link"),
        url: required("The link", limits.url, "Enter the link").pipe(
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
        measureUnit: text("The unit", limits.unit).default(""),
        measureDate: isoDate,
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

/** Element ids on the sheet: one set of fields per component, so each is prefixed. */
export function fieldId(componentId: string, field: string): string {
  return `c${componentId.replace(/[^a-z0-9]/gi, "-")}-${field}`;
}
