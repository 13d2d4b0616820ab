import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { generousAttemptLimits, startApp } from "./start-app";
import { makeTempDir } from "./temp";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseFile: string;
  }
}

/** One built app with fresh demo data for the whole browser suite. */
export default async function setup(project: TestProject) {
  if (!fs.existsSync(path.resolve("build/server/index.js"))) {
    throw new Error("No build found: run `npm run build` first (npm test does).");
  }
  const temp = makeTempDir("anchor-e2e-");
  const databaseFile = `${temp.dir}/e2e.db`;
  const app = await startApp({ DATABASE_URL: `file:${databaseFile}`, ...generousAttemptLimits });
  project.provide("baseUrl", app.url);
  project.provide("databaseFile", databaseFile);
  return async () => {
    await app.stop();
    temp.cleanup();
  };
}
