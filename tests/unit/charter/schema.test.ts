import { describe, expect, it } from "vitest";
import { CharterContentError, parseCharter } from "../../../app/charter/content";
import { rawSyntheticCharter } from "./synthetic";

// What hand-edited charter content must look like. Each rule names the field
// it found wrong, so whoever edits the JSON can fix it from the message alone.

type Raw = Record<string, unknown> & {
  domains: Array<Record<string, unknown> & { components: Array<Record<string, unknown>> }>;
  levels: Array<Record<string, unknown>>;
  crossCuttingPrinciples: Array<Record<string, unknown>>;
};

/** Two domains of two components, the four standard levels, two principles. */
function valid(): Raw {
  const raw = rawSyntheticCharter([2, 2]) as Raw;
  raw.crossCuttingPrinciples = [
    { number: 1, summary: "Measure", text: "Develop metrics." },
    { number: 2, summary: "Share", text: "Share what works." },
  ];
  return raw;
}

/** The problems found, one "path: message" per line, or [] when the content is valid. */
function problems(raw: unknown): string[] {
  try {
    parseCharter(raw, "c.json");
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(CharterContentError);
    const { file, name, message } = error as CharterContentError;
    expect({ file, name }).toEqual({ file: "c.json", name: "CharterContentError" });
    return message.split("\n").map((line) => line.replace(/^c\.json: /, ""));
  }
}

describe("valid content", () => {
  it("is accepted as it is", () => {
    expect(problems(valid())).toEqual([]);
    expect(parseCharter(valid(), "c.json").crossCuttingPrinciples).toHaveLength(2);
  });

  it("may have no outcome measures and no principles, and levels with dashes and digits", () => {
    const raw = valid();
    raw.crossCuttingPrinciples = [];
    raw.levels[0]!.id = "level-1";
    raw.version = "lsc-2025-draft";
    expect(problems(raw)).toEqual([]);
  });
});

describe("text", () => {
  it("must not be empty or only white space", () => {
    const raw = valid();
    raw.title = " \n ";
    raw.domains[0]!.title = "";
    raw.domains[1]!.components[0]!.practices = ["A practice", "  "];
    raw.crossCuttingPrinciples[0]!.summary = "";
    raw.levels[1]!.description = "\t";
    expect(problems(raw)).toEqual([
      "title: Must not be empty",
      "domains.0.title: Must not be empty",
      "domains.1.components.0.practices.1: Must not be empty",
      "crossCuttingPrinciples.0.summary: Must not be empty",
      "levels.1.description: Must not be empty",
    ]);
  });

  it("is not something else", () => {
    expect(problems({ ...valid(), issuer: 7 })).toEqual([
      "issuer: Invalid input: expected string, received number",
    ]);
  });
});

describe("versions and level ids", () => {
  it.each(["Gold", "1st", "-gold", "gold plus", "gold_plus", ""])(
    "are lower-case letters, digits and hyphens starting with a letter, so %j is refused",
    (id) => {
      const raw = valid();
      raw.levels[2]!.id = id;
      raw.version = id;
      const rule = "Must be lower-case letters, digits and hyphens, starting with a letter";
      expect(problems(raw)).toEqual([`version: ${rule}`, `levels.2.id: ${rule}`]);
    },
  );

  it("level ids are unique", () => {
    const raw = valid();
    raw.levels[3]!.id = "silver";
    expect(problems(raw)).toEqual(['levels.3.id: Duplicate level id "silver"']);
  });
});

describe("numbering", () => {
  it.each([0, -1, 1.5])("numbers are whole and from 1, so %d is refused", (n) => {
    const raw = valid();
    raw.levels[0]!.rule = { kind: "atLeast", count: n };
    expect(problems(raw)).toHaveLength(1);
    expect(problems(raw)[0]).toMatch(/^levels\.0\.rule\.count: /);
  });

  it("domains, components and principles count 1, 2, 3... in order", () => {
    const raw = valid();
    raw.domains[1]!.number = 3;
    raw.domains[0]!.components[1]!.number = 3;
    raw.domains[0]!.components[1]!.id = "1.3";
    raw.crossCuttingPrinciples[1]!.number = 5;
    expect(problems(raw)).toEqual([
      "domains.0.components.1.number: Components must be numbered 1, 2, 3... in order within their domain: expected 2, found 3",
      "domains.1.number: Domains must be numbered 1, 2, 3... in order: expected 2, found 3",
      'domains.1.components.0.id: Component id must be "<domain number>.<component number>": expected "3.1", found "2.1"',
      'domains.1.components.1.id: Component id must be "<domain number>.<component number>": expected "3.2", found "2.2"',
      "crossCuttingPrinciples.1.number: Principles must be numbered 1, 2, 3... in order: expected 2, found 5",
    ]);
  });

  it("a duplicate component id names where it was first used", () => {
    const raw = valid();
    raw.domains[1]!.components[1]!.id = "1.2";
    expect(problems(raw)).toEqual([
      'domains.1.components.1.id: Component id must be "<domain number>.<component number>": expected "2.2", found "1.2"',
      'domains.1.components.1.id: Duplicate component id "1.2" (first used at domains.0.components.1)',
    ]);
  });
});

describe("what there must be at least one of", () => {
  it("domains, levels, components in a domain and practices in a component", () => {
    const raw = valid();
    raw.domains[0]!.components[0]!.practices = [];
    raw.domains[1]!.components = [];
    raw.levels = raw.levels.slice(0, 1);
    expect(problems(raw)).toEqual([
      "domains.0.components.0.practices: Must list at least one practice",
      "domains.1.components: Must have at least one component",
    ]);
    expect(problems({ ...valid(), domains: [], levels: [] })).toEqual([
      "domains: Must have at least one domain",
      "levels: Must have at least one level",
    ]);
  });
});

describe("levels", () => {
  it("have one of three kinds of rule: at least a count, over half, or all", () => {
    const raw = valid();
    raw.levels[0]!.rule = { kind: "most" };
    raw.levels[1]!.rule = { kind: "atLeast" };
    raw.levels[3]!.rule = { kind: "all", count: 2 };
    const found = problems(raw);
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(/^levels\.0\.rule\.kind: /);
    expect(found[1]).toMatch(/^levels\.1\.rule\.count: /);
    expect(found[2]).toMatch(/^levels\.3\.rule: Unrecognized key: "count"/);
  });

  it("never need fewer components than the level below, in any domain", () => {
    const raw = valid();
    raw.levels = [
      { id: "one", name: "One", description: "One", rule: { kind: "all" } },
      { id: "two", name: "Two", description: "Two", rule: { kind: "atLeast", count: 1 } },
      { id: "three", name: "Three", description: "Three", rule: { kind: "atLeast", count: 1 } },
    ];
    expect(problems(raw)).toEqual([
      "levels.1.rule: level 'two' needs fewer components than the level below it in domain 1",
      "levels.1.rule: level 'two' needs fewer components than the level below it in domain 2",
    ]);
  });
});

describe("the rest of the shape", () => {
  it("adopted is a calendar date", () => {
    expect(problems({ ...valid(), adopted: "2021-13-01" })).toEqual(["adopted: Invalid ISO date"]);
  });

  it("unknown keys are refused at every level, so a misspelt key is not silently dropped", () => {
    const raw = valid();
    raw.domains[0]!.outcomeMeasure = [];
    raw.domains[0]!.components[0]!.pratices = [];
    raw.crossCuttingPrinciples[0]!.note = "x";
    raw.levels[0]!.colour = "bronze";
    expect(problems(raw)).toEqual([
      'domains.0.components.0: Unrecognized key: "pratices"',
      'domains.0: Unrecognized key: "outcomeMeasure"',
      'crossCuttingPrinciples.0: Unrecognized key: "note"',
      'levels.0: Unrecognized key: "colour"',
    ]);
  });

  it("something that is not an object at all is named at the root", () => {
    expect(problems("a charter")).toEqual([
      "(root): Invalid input: expected object, received string",
    ]);
  });
});
