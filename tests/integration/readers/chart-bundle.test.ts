import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { builtPath } from "../../../server/build-directory";

/**
 * chart.js is fetched only by pages that chart, after they run: it is in no
 * page's up-front JavaScript (so the sheet's does not grow), and the charted
 * pages reach it by a dynamic import. Read from the build's own manifest.
 */
const client = builtPath("client");
const assets = path.join(client, "assets");

type Manifest = {
  entry: { module: string; imports: string[] };
  routes: Record<string, { module: string; imports?: string[] }>;
};

function readManifest(): Manifest {
  const file = fs.readdirSync(assets).find((f) => /^manifest-.*\.js$/.test(f));
  if (!file) throw new Error("No build found: run `npm run build` first.");
  const source = fs.readFileSync(path.join(assets, file), "utf8");
  return JSON.parse(source.replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, ""));
}

const read = (url: string) => fs.readFileSync(path.join(client, url), "utf8");
const isChartJs = (url: string) => read(url).includes("Chart.js v4");

describe("chart.js in the build", () => {
  const manifest = readManifest();
  const upFront = (id: string) => {
    const route = manifest.routes[id]!;
    return [
      manifest.entry.module,
      ...manifest.entry.imports,
      manifest.routes.root!.module,
      ...(manifest.routes.root!.imports ?? []),
      route.module,
      ...(route.imports ?? []),
    ];
  };

  it("is in no page's up-front JavaScript, the reporting sheet's included", () => {
    const carrying = Object.keys(manifest.routes).filter((id) => upFront(id).some(isChartJs));
    expect(carrying).toEqual([]);
    expect(Object.keys(manifest.routes)).toContain(
      "routes/organisations.$organisationId_.periods.$periodId",
    );
  });

  it("is imported on demand by the pages that chart", () => {
    const chunk = fs
      .readdirSync(assets)
      .find((f) => f.endsWith(".js") && isChartJs(`/assets/${f}`));
    expect(chunk).toBeDefined();
    for (const id of [
      "routes/organisations.$organisationId",
      "routes/places.$placeId",
      "routes/systems.$systemId",
    ]) {
      const dynamic = upFront(id).some((url) => read(url).includes(`import("./${chunk}")`));
      expect({ id, dynamic }).toEqual({ id, dynamic: true });
    }
  });
});
