import { execFile } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

/**
 * A newcomer's `npm install && npm start` (issue 22): nothing installed
 * declares it needs a newer Node than the project's (npm warned EBADENGINE),
 * and the build says nothing that looks like a problem.
 */
const run = promisify(execFile);
// Inside the project, as a real build directory is (one outside it makes Vite warn of that).
const buildDir = `build-clean-start-${process.pid}`;
afterAll(() => fs.rmSync(buildDir, { recursive: true, force: true }));

type Lock = {
  packages: Record<
    string,
    { version?: string; optional?: boolean; engines?: { node?: string } | string[] }
  >;
};

/** This process's environment without vitest's, which makes vite.config.ts leave Remix out. */
const buildEnvironment = (): NodeJS.ProcessEnv => {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (/^VITEST/.test(name)) delete env[name];
  return env;
};

describe("a clean start", () => {
  it("installs nothing that needs a newer Node than the project supports", () => {
    const semver = createRequire(import.meta.url)("semver") as {
      satisfies: (version: string, range: string) => boolean;
      minVersion: (range: string) => { version: string };
    };
    const project = JSON.parse(fs.readFileSync("package.json", "utf8")) as {
      engines: { node: string };
    };
    const oldest = semver.minVersion(project.engines.node).version;
    const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8")) as Lock;
    const needNewer = Object.entries(lock.packages)
      // npm skips an optional package whose engines do not match, and says nothing.
      .filter(([path, p]) => path !== "" && !p.optional)
      .flatMap(([path, p]) => {
        const node = Array.isArray(p.engines) ? undefined : p.engines?.node;
        return node && !semver.satisfies(oldest, node)
          ? [`${path}@${p.version} needs Node ${node}`]
          : [];
      });
    expect(needNewer).toEqual([]);
  });

  it("builds without a warning", async () => {
    const { stdout, stderr } = await run("npx", ["remix", "vite:build", "--logLevel", "warn"], {
      env: { ...buildEnvironment(), BUILD_DIR: buildDir },
      maxBuffer: 10 * 1024 * 1024,
    });
    expect((stdout + stderr).trim()).toBe("");
    expect(fs.existsSync(`${buildDir}/server/index.js`)).toBe(true);
  }, 240_000);
});
