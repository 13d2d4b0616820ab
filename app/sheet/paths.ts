/** Where the month's pages live; used by the loaders, the intents and the reopening route. */

/** The month's overview (ADR 026). */
export function sheetPath(sheet: { organisation: { id: number }; period: { id: number } }): string {
  return `/organisations/${sheet.organisation.id}/periods/${sheet.period.id}`;
}

/** A component's own page of the month (ADR 026). */
export const componentPath = (here: string, componentId: string) =>
  `${here}/components/${encodeURIComponent(componentId)}`;

/** After a component, "Save and continue" goes to the next; after the last, to the overview. */
export function nextPath(here: string, ids: readonly string[], componentId: string) {
  const next = ids[ids.indexOf(componentId) + 1];
  return next ? componentPath(here, next) : `${here}#check-before-submit`;
}
