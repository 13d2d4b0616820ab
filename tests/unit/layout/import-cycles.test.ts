import { describe, expect, it } from "vitest";
import { importCycles, readImportGraph } from "./import-graph";

describe("the app's modules read one way: no import cycle", () => {
  it("finds every cycle the detector is shown, and none in a graph without one", () => {
    const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));
    expect(importCycles(graph({ a: ["b"], b: ["a"] }))).toEqual([["a", "b"]]);
    expect(importCycles(graph({ a: ["a"] }))).toEqual([["a"]]);
    expect(importCycles(graph({ a: ["b"], b: ["c"], c: ["a"], d: ["a"] }))).toEqual([
      ["a", "b", "c"],
    ]);
    // Two modules importing the same two others is a diamond, not a cycle.
    expect(importCycles(graph({ a: ["b", "c"], b: ["d"], c: ["d"], d: [] }))).toEqual([]);
  });

  it("reads imports of every kind: values, types, re-exports and import()", () => {
    const graph = readImportGraph();
    const importsOf = (file: string) => graph.get(file) ?? [];
    // A value import by the `~/` alias, from a route.
    expect(importsOf("app/routes/organisations.$organisationId_.periods.$periodId.tsx")).toContain(
      "app/sheet/post.server.ts",
    );
    // A type-only import: the components' view of the sheet's loader data.
    expect(importsOf("app/components/sheet/types.ts")).toContain("app/sheet/load.server.ts");
    // A relative import, and a type re-export.
    expect(importsOf("app/charter/schema.ts")).toEqual(["app/charter/level-rule.ts"]);
    // A schema fetched in the browser only when the form is first used.
    expect(importsOf("app/components/sheet/AddEvidenceForm.tsx")).toContain("app/forms/sheet.ts");
    expect(graph.size).toBeGreaterThan(200);
  });

  it("has none in app/", () => {
    expect(importCycles(readImportGraph())).toEqual([]);
  });
});
