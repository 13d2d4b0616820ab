import fs from "node:fs";
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Below the models: access rules, form schemas, the reporting calendar, general helpers. */
const belowModels = ["access", "forms", "periods", "utils"];
const otherLayers = ["routes", "components", "models", "charter", ...belowModels];
/**
 * The folders between components and models, each named for what it holds
 * (auth, email, evidence, sheet, …): every folder of app/ that is not one of
 * the other layers, so a new folder is kept in its place from its first file.
 */
const capabilities = fs
  .readdirSync(new URL("./app", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== "styles")
  .map((entry) => entry.name)
  .filter((name) => !otherLayers.includes(name))
  .sort();
const routesAndComponents = ["routes", "components"];

/** An import of any module in these app folders, by `~/` or by a relative path climbing to app/. */
const into = (folders, message) => ({
  regex: `^(~/|(\\.\\./)+)(${folders.join("|")})(/|$)`,
  caseSensitive: true,
  message,
});

export default tseslint.config(
  {
    ignores: ["build*/", "node_modules/", "data/", "public/build/", ".stryker-tmp/", "reports/"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    // Migrations are written against Kysely<any> on purpose: they must not track today's types.
    files: ["db/migrations/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  // The layers (ADR 032): routes, then components, then capability folders,
  // then models, then access, charter, forms, utils and db. A module imports
  // its own layer or those below it, never above. Each folder is in exactly
  // one of the blocks below: a later block would replace, not add to, an
  // earlier one's list for the same file.
  {
    // The charter domain stays pure: no Remix, no database, no React, nothing of the app but itself.
    files: ["app/charter/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@remix-run/*", "kysely", "better-sqlite3", "react", "react-dom"] },
            {
              regex: "^(~|\\.\\.)/",
              message: "The charter domain imports only itself (and zod): nothing else of the app.",
            },
          ],
        },
      ],
    },
  },
  {
    // Below the models: rules, schemas, the reporting calendar and general helpers, for all.
    files: belowModels.map((folder) => `app/${folder}/**`),
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@remix-run/*", "kysely", "better-sqlite3"] },
            into(
              [...routesAndComponents, ...capabilities, "models"],
              "access, forms, periods and utils sit below the models: they import only charter, db and each other.",
            ),
          ],
        },
      ],
    },
  },
  {
    // Models hold all database access and know nothing of requests or pages.
    files: ["app/models/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@remix-run/*", "react"], message: "Models never import Remix or React." },
            into(
              [...routesAndComponents, ...capabilities],
              "Models import only charter, access, forms, periods, utils, db and other models.",
            ),
          ],
        },
      ],
    },
  },
  {
    // Capability folders serve routes; they never reach back up into them.
    files: capabilities.map((folder) => `app/${folder}/**`),
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            into(
              routesAndComponents,
              "A capability folder never imports a route or a component: pass what it needs in.",
            ),
          ],
        },
      ],
    },
  },
  {
    // Components are what the browser runs: no routes, no models, no server code.
    files: ["app/components/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            into(
              ["routes", "models"],
              "Components never import routes or models: take the data as props.",
            ),
            {
              // A loader's data type may come from the capability module that shapes it: types
              // vanish from the build. (Routes and models are refused above, types and all.)
              regex: "^(?!(~/|(\\.\\./)+)(routes|models)/).*\\.server$",
              caseSensitive: true,
              allowTypeImports: true,
              message: "Components never import server code (a type, with `import type`, is fine).",
            },
            { group: ["kysely", "better-sqlite3", "*/db/*"] },
          ],
        },
      ],
    },
  },
  {
    // Routes never build SQL: they call models.
    files: ["app/routes/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { patterns: [{ group: ["kysely", "better-sqlite3", "*/db/*"] }] },
      ],
    },
  },
  {
    // Request bodies are read in one place, which answers malformed ones with a 4xx.
    files: ["app/**", "server/**"],
    ignores: ["app/http/form-body.server.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.property.name=/^(formData|json|text)$/][arguments.length=0]",
          message:
            "Read a request's form with readForm or readFormWithFile from app/http/form-body.server.ts.",
        },
        {
          selector: "CallExpression[callee.name='unstable_parseMultipartFormData']",
          message: "Read a request's form with readFormWithFile from app/http/form-body.server.ts.",
        },
      ],
    },
  },
);
