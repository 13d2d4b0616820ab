import { loadCharter } from "~/charter/content";
import { startingMeasures } from "~/charter/outcome-starting-set";
import { parseForm } from "~/forms/parse";
import { joinLists } from "~/forms/sheet-plan";
import { measureSchema } from "~/forms/outcomes";
import type { MeasureDefinition } from "~/models/outcome-measures.server";

/**
 * What the outcome measures' administration pages need beyond one model
 * call (ADR 040): the charter's domains and components to choose from, a
 * definition read from the form, and the starting set as definitions.
 */

export function charterChoices() {
  const charter = loadCharter();
  return charter.domains.map((d) => ({
    number: d.number,
    title: d.title,
    components: d.components.map((c) => ({ id: c.id, title: c.title })),
  }));
}

export function readDefinition(formData: FormData) {
  const charter = loadCharter();
  const ids = charter.domains.flatMap((d) => d.components.map((c) => c.id));
  const form = parseForm(
    measureSchema(
      ids,
      charter.domains.map((d) => d.number),
    ),
    joinLists(formData, ["components"]),
  );
  if (!form.success) return form;
  const d = form.data;
  const definition: MeasureDefinition = {
    name: d.name,
    definition: d.definition,
    domainNumber: d.domain,
    componentIds: d.components,
    kind: d.kind,
    unit: d.unit,
    numeratorLabel: d.kind === "ratio" ? d.numeratorLabel : null,
    denominatorLabel: d.kind === "ratio" ? d.denominatorLabel : null,
    frequency: d.frequency,
  };
  return { success: true as const, definition, version: d.version, values: form.values };
}

/** The slides' six outcomes, with only the components the charter in use has. */
export function startingDefinitions(): MeasureDefinition[] {
  const charter = loadCharter();
  const ids = new Set(charter.domains.flatMap((d) => d.components.map((c) => c.id)));
  return startingMeasures.map(({ slides: _slides, ...m }) => ({
    ...m,
    componentIds: m.componentIds.filter((id) => ids.has(id)),
  }));
}
