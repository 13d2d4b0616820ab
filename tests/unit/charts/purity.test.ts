import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const dir = path.resolve(import.meta.dirname, "../../../app/charts");
const sources = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".ts"))
  .map((f) => ({ file: f, text: fs.readFileSync(path.join(dir, f), "utf8") }));

/**
 * A module of `app/utils/` that imports nothing itself (UK dates, figures in
 * words) is as pure as the charts' own files: a chart may use it.
 */
function importsNothing(from: string) {
  if (!from.startsWith("../utils/")) return false;
  const text = fs.readFileSync(path.join(dir, `${from}.ts`), "utf8");
  return !/^import /m.test(text);
}

describe("chart configurations stay pure, for the browser and a server renderer alike", () => {
  it("import chart.js for its types only: chart.js itself is fetched by the page that draws", () => {
    const valueImports = sources.flatMap(({ file, text }) =>
      [...text.matchAll(/^import (?!type )[^;]*from "([^"]+)"/gm)]
        .map((m) => m[1]!)
        .filter((from) => !from.startsWith("./") && !importsNothing(from))
        .map((from) => `${file}: ${from}`),
    );
    expect(valueImports).toEqual([]);
  });

  it("touch neither the DOM nor the window, so they run on a server canvas unchanged", () => {
    const browserOnly = sources.filter(({ text }) =>
      /\b(window|document|matchMedia|navigator)\b/.test(text),
    );
    expect(browserOnly.map((s) => s.file)).toEqual([]);
  });
});
