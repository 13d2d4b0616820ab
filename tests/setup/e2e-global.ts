import fs from "node:fs";
import type { TestProject } from "vitest/node";
import { generousAttemptLimits, startApp } from "./start-app";
import { createTestDatabase } from "./database";
import { builtPath } from "../../server/build-directory";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** DATABASE_URL of the app under test, for tests that set up or inspect its data. */
    databaseUrl: string;
  }
}

/** One built app with fresh demo data for the whole browser suite. */
export default async function setup(project: TestProject) {
  if (!fs.existsSync(builtPath("server/index.js"))) {
    throw new Error("No build found: run `npm run build` first (npm test does).");
  }
  const database = await createTestDatabase("anchor-e2e-");
  const app = await startApp({ ...database.env, ...generousAttemptLimits });
  project.provide("baseUrl", app.url);
  project.provide("databaseUrl", database.url);
  return async () => {
    await app.stop();
    await database.cleanup();
  };
}
