import fs from "node:fs";
import { gzipSync } from "node:zlib";
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

const manifest = readManifest();
/** Every module a page loads before it runs: the entry, the root and the route, with their imports. */
const upFront = (id: string) => {
  const route = manifest.routes[id]!;
  return [
    ...new Set([
      manifest.entry.module,
      ...manifest.entry.imports,
      manifest.routes.root!.module,
      ...(manifest.routes.root!.imports ?? []),
      route.module,
      ...(route.imports ?? []),
    ]),
  ];
};

describe("chart.js in the build", () => {
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

describe("the month's pages within 100 KB of JavaScript (ADR 031)", () => {
  // Each module is fetched and compressed on its own, so each is gzipped on its own here.
  const gzipped = (url: string) => gzipSync(fs.readFileSync(path.join(client, url))).length;
  // zod's own default message: in its core chunk, and in no module of ours.
  const isZod = (url: string) => read(url).includes("Invalid input");
  const pages = {
    overview: "routes/organisations.$organisationId_.periods.$periodId",
    component: "routes/organisations.$organisationId_.periods.$periodId_.components.$componentId",
  };

  for (const [name, id] of Object.entries(pages)) {
    it(`the ${name} page loads at most 100 KB (102,400 bytes) gzipped, without zod`, () => {
      const modules = upFront(id);
      const total = modules.reduce((sum, url) => sum + gzipped(url), 0);
      expect(total).toBeLessThanOrEqual(100 * 1024);
      expect(modules.filter(isZod)).toEqual([]);
    });
  }

  it("fetches the sheet's schemas, and zod with them, only when a form is used", () => {
    const staticImports = (url: string) =>
      [...read(url).matchAll(/from"\.\/([^"]+\.js)"/g)].map((m) => `/assets/${m[1]}`);
    const page = upFront(pages.component).map(read).join("\n");
    const fetchedLater = fs
      .readdirSync(assets)
      .map((f) => `/assets/${f}`)
      .filter((url) => page.includes(`import("./${path.basename(url)}")`));
    const schemas = fetchedLater.find((url) =>
      read(url).includes("Enter a title for the evidence"),
    );
    expect(schemas).toBeDefined();
    expect(staticImports(schemas!).some(isZod)).toBe(true);
  });
});
