import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

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
  {
    // The charter domain stays pure: no Remix, no database, no React.
    files: ["app/charter/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["@remix-run/*", "kysely", "better-sqlite3", "react", "*/db/*", "~/models/*"] },
      ],
    },
  },
  {
    // Routes never build SQL: they call models.
    files: ["app/routes/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["kysely", "better-sqlite3", "*/db/*"] }],
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
