import { afterEach, vi } from "vitest";

// An error logged during a test is a bug the test did not look for: fail it.
let errors: unknown[][] = [];
const original = console.error;
console.error = (...args: unknown[]) => {
  errors.push(args);
  original(...args);
};

afterEach(() => {
  const logged = errors;
  errors = [];
  vi.restoreAllMocks();
  if (logged.length) {
    throw new Error(
      `console.error was called ${logged.length} time(s): ${logged.map((a) => a.map(String).join(" ")).join("\n")}`,
    );
  }
});
