/**
 * The reporting sheet's words and element ids: what its pages show and link
 * to, with no zod in sight. Pages import these; the schemas that check posts
 * (sheet.ts, sheet-plan.ts) import them too, and are fetched by the browser
 * only when a form is first used (ADR 031).
 */
export { fieldId } from "./field-ids";

export const componentStatuses = ["not_started", "in_progress", "fulfilled"] as const;

export const statusLabels: Record<(typeof componentStatuses)[number], string> = {
  not_started: "Not started",
  in_progress: "In progress",
  fulfilled: "Fulfilled",
};

export const limits = { opportunities: 5000, title: 200, body: 5000, url: 2000, unit: 50 };

export const evidenceKinds = ["narrative", "link", "measure", "file"] as const;

export const evidenceKindLabels: Record<(typeof evidenceKinds)[number], string> = {
  narrative: "A narrative",
  link: "A link",
  measure: "A measure",
  file: "A document or image (PDF, Word, Excel, PowerPoint, picture)",
};

/** Element ids of a domain's principles form. */
export const principlesFieldId = (domain: number, field: string) =>
  `d${domain}-principles-${field}`;
