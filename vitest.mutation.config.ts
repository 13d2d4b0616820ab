/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

// The tests `npm run test:mutation` runs against each mutant: only those that
// call the code in this process (the unit tests, and the session store's tests
// on a real SQLite file). Tests that start a built server cannot see a mutant.
// Chosen here rather than with Stryker's `testFiles`, which in 9.6 activates
// module-level mutants too late and reports them as survivors (stryker-js#6144).
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    setupFiles: ["./tests/setup/fail-on-console-error.ts"],
    include: ["tests/unit/**/*.test.ts", "tests/integration/auth/sessions.test.ts"],
  },
});
