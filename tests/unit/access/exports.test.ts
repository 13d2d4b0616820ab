import { describe, expect, it } from "vitest";
import { type ExportScope, exportReach, type Principal } from "~/access/policy";
import { admin, champion, placeLead, steering, system1, system2, systemReader } from "./people";

const scopes: Record<string, ExportScope> = {
  system1: { kind: "system", systemId: 1 },
  system2: { kind: "system", systemId: 2 },
  place10: { kind: "place", place: system1.place10 },
  place20: { kind: "place", place: system1.place20 },
  org100: { kind: "organisation", organisation: system1.inPlace10 },
  org200: { kind: "organisation", organisation: system1.inPlace20 },
  orgWide: { kind: "organisation", organisation: system1.systemWide },
  org900: { kind: "organisation", organisation: system2.inPlace90 },
};

const reachOf = (p: Principal) =>
  Object.fromEntries(Object.entries(scopes).map(([name, s]) => [name, exportReach(p, s)]));

describe("what each reader may export", () => {
  it("administrators: all of their own system, drafts included; nothing of another", () => {
    expect(reachOf(admin(1))).toEqual({
      system1: "all",
      system2: null,
      place10: "all",
      place20: "all",
      org100: "all",
      org200: "all",
      orgWide: "all",
      org900: null,
    });
  });

  it("system readers: their system's submitted months only", () => {
    expect(reachOf(systemReader(1))).toEqual({
      system1: "submitted",
      system2: null,
      place10: "submitted",
      place20: "submitted",
      org100: "submitted",
      org200: "submitted",
      orgWide: "submitted",
      org900: null,
    });
  });

  it("place leads and steering groups: their place and the system-wide organisations, never the system", () => {
    for (const p of [placeLead(10), steering(10)]) {
      expect(reachOf(p)).toEqual({
        system1: null,
        system2: null,
        place10: "all",
        place20: null,
        org100: "all",
        org200: null,
        orgWide: "all",
        org900: null,
      });
    }
  });

  it("champions: their own organisation only", () => {
    expect(reachOf(champion(100, 10))).toEqual({
      system1: null,
      system2: null,
      place10: null,
      place20: null,
      org100: "all",
      org200: null,
      orgWide: null,
      org900: null,
    });
  });
});
