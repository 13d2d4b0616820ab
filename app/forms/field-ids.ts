/**
 * Element ids on the reporting sheet, kept apart from the sheet's schemas so
 * pages that only link into the sheet (the comparison, side by side) do not
 * load zod, whose start-up probe for eval the CSP reports as a violation.
 */
export function fieldId(componentId: string, field: string): string {
  return `c${componentId.replace(/[^a-z0-9]/gi, "-")}-${field}`;
}
