import type { z } from "zod";

export type FieldErrors = Record<string, string>;

export type FormResult<T> =
  | { success: true; data: T; values: Record<string, string> }
  | { success: false; errors: FieldErrors; values: Record<string, string> };

/**
 * Validates submitted fields with a form's zod schema. On failure the first
 * message per field comes back with the values as typed, so the page can show
 * the error summary and keep what the person entered (passwords excepted).
 */
export function parseForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
): FormResult<z.infer<S>> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string") values[key] = value;
  }
  const parsed = schema.safeParse(values);
  // Secrets are never sent back to the page.
  const kept = Object.fromEntries(
    Object.entries(values).filter(([key]) => !/password|code/i.test(key)),
  );
  if (parsed.success) return { success: true, data: parsed.data, values: kept };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return { success: false, errors, values: kept };
}

/** The body of a 400 answer that a form page renders: errors first, values kept. */
export type FormErrorBody = { errors: FieldErrors; values: Record<string, string> };
