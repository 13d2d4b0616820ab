import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");

export type CommandResult = { code: number | null; output: string };

/**
 * Runs one of the repository's scripts (`db/backup.ts`, …) as `npm run`
 * would, without blocking this process: the tests keep sending requests
 * meanwhile. Only the variables given (plus PATH and HOME) reach it, so a
 * DATABASE_URL or EVIDENCE_DIR of the test run never leaks into a command.
 */
export function runScript(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<CommandResult> {
  const child = spawn(tsx, [script, ...args], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: process.env.NODE_ENV ?? "test",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, output }));
  });
}
