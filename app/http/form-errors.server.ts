import { data } from "@remix-run/node";
import type { FieldErrors } from "../forms/parse";

/**
 * A form answer that changes nothing: the errors to show and the values as
 * typed, with 400 (or 429, 403) so clients and tests see it was refused.
 */
export function formErrors(
  errors: FieldErrors,
  values: Record<string, string> = {},
  init: { status?: number; headers?: Record<string, string> } = {},
) {
  return data({ errors, values }, { status: init.status ?? 400, headers: init.headers });
}
