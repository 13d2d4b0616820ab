import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/", "node_modules/", "data/", "public/build/", ".stryker-tmp/", "reports/"] },
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
);
