import { describe, expect, it } from "vitest";
import { loadCharter } from "~/charter/content";
import { startingMeasures } from "~/charter/outcome-starting-set";
import { measureSchema } from "~/forms/outcomes";

/**
 * The starting set is what a new system is offered and what the demo seeds
 * (ADR 040): the slides' six outcomes, each one an administrator could have
 * saved through the measure form, evidencing components of its own domain.
 */
const charter = loadCharter();
const componentIds = charter.domains.flatMap((d) => d.components.map((c) => c.id));
const domainNumbers = charter.domains.map((d) => d.number);

describe("the starting set of outcome measures", () => {
  it("is the slides' six outcomes, one per domain, in the domains' order", () => {
    expect(startingMeasures.map((m) => m.domainNumber)).toEqual([1, 2, 3, 4, 5, 6]);
    const slides = startingMeasures.map((m) => m.slides.toLowerCase());
    for (const [i, words] of [
      "living wage",
      "local procurement",
      "affordable housing",
      "carbon",
      "good practice",
      "health inequalities",
    ].entries())
      expect(slides[i]).toContain(words);
    expect(new Set(startingMeasures.map((m) => m.name)).size).toBe(6);
  });

  it("evidences components of the charter, at least one in the measure's own domain", () => {
    // A figure may count in more than one domain (enter once, count in several places).
    for (const m of startingMeasures) {
      const own = charter.domains
        .find((d) => d.number === m.domainNumber)!
        .components.map((c) => c.id);
      expect({
        name: m.name,
        inCharter: m.componentIds.every((id) => componentIds.includes(id)),
        ownDomain: m.componentIds.some((id) => own.includes(id)),
      }).toEqual({ name: m.name, inCharter: true, ownDomain: true });
    }
  });

  it("is each a measure the administrators' form would save, as it stands", () => {
    for (const m of startingMeasures) {
      const parsed = measureSchema(componentIds, domainNumbers).safeParse({
        name: m.name,
        definition: m.definition,
        domain: String(m.domainNumber),
        components: m.componentIds.join(","),
        kind: m.kind,
        unit: m.unit,
        numeratorLabel: m.numeratorLabel ?? "",
        denominatorLabel: m.denominatorLabel ?? "",
        frequency: m.frequency,
      });
      expect({ name: m.name, errors: parsed.error?.issues ?? [] }).toEqual({
        name: m.name,
        errors: [],
      });
      // Nothing the form would change: the set is saved exactly as written here.
      expect(parsed.data).toMatchObject({
        name: m.name,
        definition: m.definition,
        domain: m.domainNumber,
        components: m.componentIds,
        unit: m.unit,
      });
    }
  });

  it("names a share's part and whole, and gives a total neither", () => {
    for (const m of startingMeasures) {
      const labels = [m.numeratorLabel, m.denominatorLabel];
      if (m.kind === "ratio")
        expect(labels.every((l) => typeof l === "string" && l.length > 0)).toBe(true);
      else expect(labels).toEqual([null, null]);
      expect(m.slides.length).toBeGreaterThan(0);
    }
  });
});
