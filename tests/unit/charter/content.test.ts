import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeEach, describe, expect, it } from "vitest";

import {
  CharterContentError,
  allComponents,
  clearCharterCache,
  componentById,
  componentIds,
  loadCharter,
  parseCharter,
} from "../../../app/charter/content";
import type { Charter } from "../../../app/charter/schema";

const contentDir = path.resolve(process.cwd(), "content/charter");
const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), "charter-content-"));

afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));
beforeEach(() => clearCharterCache());

function realRaw(): Charter {
  return JSON.parse(fs.readFileSync(path.join(contentDir, "lsc-2021.json"), "utf8")) as Charter;
}

let dirCount = 0;
/** Writes `body` as <tmp>/<version>.json and loads it, expecting failure. */
function loadError(body: string, version = "lsc-2021"): CharterContentError {
  const dir = path.join(tmpRoot, `case-${dirCount++}`);
  fs.mkdirSync(dir);
  const file = path.join(dir, `${version}.json`);
  fs.writeFileSync(file, body);
  try {
    loadCharter({ dir, version });
  } catch (error) {
    expect(error).toBeInstanceOf(CharterContentError);
    const message = (error as CharterContentError).message;
    // Temp files are outside the working directory, so the path is absolute.
    expect(message).toContain(file);
    return error as CharterContentError;
  }
  throw new Error("expected loadCharter to throw");
}

describe("the 2021 charter content", () => {
  // Loaded in each test, not while collecting: code run outside a test is
  // "static" to Stryker, and each of its mutants would rerun every test.
  let charter: Charter;
  beforeEach(() => {
    charter = loadCharter({ dir: contentDir });
  });

  it("has six domains and sixteen components numbered D.C", () => {
    expect(charter.version).toBe("lsc-2021");
    expect(charter.domains.map((d) => d.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(componentIds(charter)).toEqual([
      ...["1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "3.2", "3.3", "3.4"],
      ...["4.1", "4.2", "5.1", "5.2", "6.1", "6.2", "6.3"],
    ]);
    expect(allComponents(charter)).toHaveLength(16);
    expect(componentById(charter, "3.4")?.title).toBe(
      "Developing accessible community green spaces",
    );
    expect(componentById(charter, "3.4")?.domainNumber).toBe(3);
    expect(componentById(charter, "7.1")).toBeUndefined();
  });

  it("uses the README's titles", () => {
    expect(charter.domains.map((d) => d.title)).toEqual([
      "Widening access to quality work",
      "Purchasing and commissioning for social value",
      "Expanding community access to NHS property",
      "Reducing environmental impact",
      "Working with local partners",
      "Tackling health inequalities",
    ]);
    expect(componentById(charter, "1.3")?.title).toBe("Being a good employer");
    expect(componentById(charter, "5.2")?.title).toBe(
      "Developing networks to support shared learning and spread good practice",
    );
  });

  it("has every practice bullet of the source", () => {
    const counts = Object.fromEntries(
      allComponents(charter).map((c) => [c.id, c.practices.length]),
    );
    expect(counts).toEqual({
      ...{ "1.1": 4, "1.2": 3, "1.3": 7, "2.1": 5, "2.2": 6 },
      ...{ "3.1": 2, "3.2": 2, "3.3": 2, "3.4": 3, "4.1": 6, "4.2": 3 },
      ...{ "5.1": 6, "5.2": 2, "6.1": 7, "6.2": 3, "6.3": 4 },
    });
  });

  it("keeps practices verbatim, typos included, footnote markers dropped", () => {
    const practices = (id: string) => componentById(charter, id)?.practices;
    expect(practices("1.1")?.[3]).toBe(
      "Actively engaging with communities to identify jobs and services required within a place to meet local needs",
    );
    expect(practices("1.3")?.[4]).toBe(
      "Supporting health and wellbeing of staff, for example offering workplace wellness schemes that are accessible to all",
    );
    expect(practices("1.3")?.[6]).toMatch(/through strong partnership working\.$/);
    expect(practices("5.2")?.[1]).toContain("local economic development an social sustainability");
    expect(practices("6.2")?.[0]).toBe(
      "Using a weighted approach to calculate resource allocation line with inequalities within the population, for example the Index of Multiple Deprivation (IMD)",
    );
    expect(practices("2.1")?.[0]).toBe(
      "A clear understanding of current purchasing practices- identifying opportunities where a greater proportion of the budget could be reallocated to local organisations",
    );
    for (const c of allComponents(charter)) {
      for (const p of c.practices) expect(p).not.toMatch(/\(\d\)$/);
    }
  });

  it("has six cross-cutting principles, one outcome measure per domain and four levels", () => {
    expect(charter.crossCuttingPrinciples.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(charter.crossCuttingPrinciples[1]?.text).toBe(
      "Develop metrics and evaluate the impact of interventions.",
    );
    expect(charter.domains.every((d) => d.outcomeMeasures.length === 1)).toBe(true);
    expect(charter.levels.map((l) => l.id)).toEqual(["bronze", "silver", "gold", "platinum"]);
    expect(charter.purpose).toMatch(/^The purpose of this paper is to provide/);
    expect(charter.purpose).toMatch(/measure progress over time\.$/);
  });

  it("finds the current version through current.json and caches it", () => {
    const first = loadCharter({ dir: contentDir });
    expect(first.version).toBe("lsc-2021");
    expect(loadCharter({ dir: contentDir, version: "lsc-2021" })).toBe(first);
    expect(Object.isFrozen(first.domains[0]?.components)).toBe(true);
  });
});

describe("malformed charter content", () => {
  it("names the file and field path of a missing title", () => {
    const raw = realRaw() as unknown as {
      domains: Array<{ components: Array<Record<string, unknown>> }>;
    };
    delete raw.domains[2]?.components[0]?.title;
    const error = loadError(JSON.stringify(raw));
    expect(error.message).toMatch(
      /lsc-2021\.json: domains\.2\.components\.0\.title: Invalid input: expected string, received undefined$/,
    );
  });

  it("rejects a duplicate component id", () => {
    const raw = realRaw();
    raw.domains[0]!.components[1]!.id = "1.1";
    const error = loadError(JSON.stringify(raw));
    expect(error.message).toContain('domains.0.components.1.id: Duplicate component id "1.1"');
  });

  it("rejects an id that does not match its numbering", () => {
    const raw = realRaw();
    raw.domains[3]!.components[1]!.id = "4.3";
    const error = loadError(JSON.stringify(raw));
    expect(error.message).toContain(
      'domains.3.components.1.id: Component id must be "<domain number>.<component number>": expected "4.2", found "4.3"',
    );
  });

  it("says when a file is not valid JSON", () => {
    const error = loadError('{ "version": "lsc-2021", ');
    expect(error.message).toMatch(/lsc-2021\.json: not valid JSON/);
  });

  it("rejects levels whose requirements go down", () => {
    const raw = realRaw();
    raw.levels = [raw.levels[0]!, raw.levels[2]!, raw.levels[1]!];
    const error = loadError(JSON.stringify(raw));
    expect(error.message).toContain(
      "levels.2.rule: level 'silver' needs fewer components than the level below it in domain 3",
    );
  });

  it("puts several issues on separate lines, and rejects unknown keys", () => {
    const raw = realRaw() as unknown as Record<string, unknown>;
    raw.title = "";
    raw.pratices = [];
    const lines = loadError(JSON.stringify(raw)).message.split("\n");
    expect(lines).toHaveLength(2);
    expect(lines.some((l) => l.endsWith("title: Must not be empty"))).toBe(true);
    expect(lines.some((l) => l.includes("pratices"))).toBe(true);
  });

  it("rejects a file whose version does not match its name", () => {
    const error = loadError(JSON.stringify(realRaw()), "lsc-2099");
    expect(error.message).toContain('version: expected "lsc-2099"');
  });

  it("reports a missing file and a path-like version", () => {
    expect(() => loadCharter({ dir: tmpRoot, version: "nope" })).toThrow(
      /nope\.json: cannot read file/,
    );
    expect(() => loadCharter({ dir: tmpRoot, version: "../x" })).toThrow(CharterContentError);
  });

  it("parseCharter uses the name it is given", () => {
    expect(() => parseCharter({}, "inline")).toThrow(/^inline: version: Invalid input/);
  });

  it("shows paths under the working directory relative to it", () => {
    expect(() => loadCharter({ dir: contentDir, version: "lsc-1999" })).toThrow(
      /^content\/charter\/lsc-1999\.json: cannot read file/,
    );
  });
});
