import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CharterContentError, clearCharterCache, loadCharter } from "../../../app/charter/content";
import { levelForAssessment } from "../../../app/charter/summary";
import { rawSyntheticCharter } from "./synthetic";

// How the app finds its charter: a directory of <version>.json files and a
// current.json naming the version new months use.

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), "charter-loading-"));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));
beforeEach(() => clearCharterCache());
afterEach(() => vi.unstubAllEnvs());

let dirCount = 0;
/** A content directory holding these files (objects are written as JSON). */
function contentDir(files: Record<string, unknown>): string {
  const dir = path.join(tmpRoot, `dir-${dirCount++}`);
  fs.mkdirSync(dir);
  for (const [name, body] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, name), typeof body === "string" ? body : JSON.stringify(body));
  }
  return dir;
}

/** A one-domain charter of `size` components, claiming the given version. */
const charterFile = (version: string, size = 2) => ({
  ...rawSyntheticCharter([size]),
  version,
});

function loadError(options: Parameters<typeof loadCharter>[0]): CharterContentError {
  try {
    loadCharter(options);
  } catch (error) {
    expect(error).toBeInstanceOf(CharterContentError);
    return error as CharterContentError;
  }
  throw new Error("expected loadCharter to throw");
}

describe("finding the content", () => {
  it("reads CHARTER_CONTENT_DIR when no directory is given", () => {
    const dir = contentDir({ "current.json": { current: "v2" }, "v2.json": charterFile("v2") });
    vi.stubEnv("CHARTER_CONTENT_DIR", dir);
    expect(loadCharter().version).toBe("v2");
  });

  it("falls back to ./content/charter", () => {
    vi.stubEnv("CHARTER_CONTENT_DIR", undefined);
    expect(loadCharter().version).toBe("lsc-2021");
  });

  it("reads current.json once, until the cache is cleared", () => {
    const dir = contentDir({
      "current.json": { current: "v1" },
      "v1.json": charterFile("v1"),
      "v2.json": charterFile("v2"),
    });
    expect(loadCharter({ dir }).version).toBe("v1");
    fs.writeFileSync(path.join(dir, "current.json"), JSON.stringify({ current: "v2" }));
    expect(loadCharter({ dir }).version).toBe("v1");
    clearCharterCache();
    expect(loadCharter({ dir }).version).toBe("v2");
  });
});

describe("a current.json that is wrong", () => {
  it("is reported when missing, with the reason", () => {
    const dir = contentDir({});
    const error = loadError({ dir });
    expect(error.file).toBe(path.join(dir, "current.json"));
    expect(error.message).toMatch(/current\.json: cannot read file: ENOENT/);
  });

  it("must name a plain file name, so it cannot point outside the directory", () => {
    const dir = contentDir({ "current.json": { current: "../elsewhere" } });
    const error = loadError({ dir });
    expect(error.file).toBe(path.join(dir, "current.json"));
    expect(error.message).toBe(
      `${path.join(dir, "current.json")}: current: Must be a plain file name`,
    );
  });
});

describe("a version asked for by name", () => {
  it.each(["../../etc/passwd", "lsc-2021/../../../etc/passwd", ".hidden", "a b"])(
    "must be a plain file name, so %j is refused before any file is read",
    (version) => {
      const dir = contentDir({});
      const error = loadError({ dir, version });
      expect(error.message).toMatch(/: charter version ".*" is not a plain file name$/);
      expect(error.message).toContain(`"${version}"`);
    },
  );

  it("explains a file that is not JSON", () => {
    const dir = contentDir({ "v1.json": "{ not json" });
    const error = loadError({ dir, version: "v1" });
    expect(error.file).toBe(path.join(dir, "v1.json"));
    expect(error.message).toMatch(/v1\.json: not valid JSON: .*JSON/);
  });
});

describe("the loaded charter", () => {
  it("is frozen all the way down, since every caller shares it", () => {
    const dir = contentDir({ "v1.json": charterFile("v1") });
    const charter = loadCharter({ dir, version: "v1" });
    expect(Object.isFrozen(charter)).toBe(true);
    expect(Object.isFrozen(charter.domains[0]!.components[0]!.practices)).toBe(true);
    expect(Object.isFrozen(charter.levels[0]!.rule)).toBe(true);
  });
});

describe("the level of a month", () => {
  it("is scored against the charter version the month was made under", () => {
    const dir = contentDir({
      "current.json": { current: "v2" },
      "v1.json": charterFile("v1", 2),
      "v2.json": charterFile("v2", 4),
    });
    vi.stubEnv("CHARTER_CONTENT_DIR", dir);
    // Both components of v1's only domain: every level, platinum included.
    expect(levelForAssessment("v1", ["1.1", "1.2"])?.level).toBe("platinum");
    expect(levelForAssessment("v2", ["1.1", "1.2"])?.level).toBe("silver");
  });

  it("is none for a month not yet started (no version)", () => {
    expect(levelForAssessment(null, [])).toBeNull();
  });
});
