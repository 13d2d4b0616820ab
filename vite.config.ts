/// <reference types="vitest/config" />
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";
import { harmlessBuildNotice } from "./config/build-notices";
import { ownOriginFontsOnly } from "./config/postcss-own-origin";
import { buildDirectory } from "./server/build-directory";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

const isVitest = Boolean(process.env.VITEST);

export default defineConfig(({ isSsrBuild }) => ({
  server: { port: 3000 },
  // nhsuk-frontend ships minified CSS whose old-IE hacks trip esbuild's minifier.
  build: {
    target: "es2022",
    cssMinify: false,
    rollupOptions: {
      // nhsuk-frontend's stylesheet names its icons at /assets/images/, which the server
      // serves from the package at run time (server/index.ts): no file for the build to find.
      external: [/^\/assets\/images\//],
      onwarn(warning, warn) {
        if (!harmlessBuildNotice(warning, { ssr: Boolean(isSsrBuild) })) warn(warning);
      },
      output: {
        // The form fields and the sheet's words travel with React and Remix in one shared
        // chunk: a dozen tiny chunks cost more gzipped than one (ADR 031).
        manualChunks: (id) =>
          id.includes("/app/components/forms/") || id.includes("/app/forms/sheet-words")
            ? "shared"
            : undefined,
      },
    },
  },
  // Pages ask no other host for anything: see config/postcss-own-origin.ts.
  css: { postcss: { plugins: [ownOriginFontsOnly()] } },
  plugins: [
    // The Remix plugin takes over the build; vitest runs plain TypeScript.
    !isVitest &&
      remix({
        buildDirectory,
        ignoredRouteFiles: ["**/*.test.{ts,tsx}", "**/*.server.{ts,tsx}"],
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: true,
          v3_routeConfig: true,
          unstable_optimizeDeps: true,
        },
      }),
    tsconfigPaths(),
  ],
  test: {
    // A committed `.only` would quietly skip the rest of the suite in CI and on every laptop.
    allowOnly: false,
    // Fail any test that logs an error: an unexpected console.error is a bug.
    setupFiles: ["./tests/setup/fail-on-console-error.ts"],
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.{ts,tsx}"] },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.{ts,tsx}"],
          // Each file starts real servers on real SQLite files: keep the 2 cores calm.
          fileParallelism: false,
          testTimeout: 30_000,
          // A set-up that starts a server (migrations and the demo data on PostgreSQL) took over
          // the default 10 s while CI runs both databases' suites side by side.
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["./tests/setup/e2e-global.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
}));
