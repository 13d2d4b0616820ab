import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

export type RunningApp = {
  url: string;
  /** tsx's wrapper; the server is its child (the benchmark reads its memory from /proc). */
  pid: number | undefined;
  output: () => string;
  stop: () => Promise<void>;
  /** SIGKILL to the server and tsx's wrapper (as a crash would); needs `killable`. */
  kill: () => Promise<void>;
};

/**
 * For servers that many tests sign in to from one address (the browser suite,
 * the access matrix): the default limits would answer 429 part-way through.
 * Tests of the limits themselves start their servers without these.
 */
export const generousAttemptLimits: Record<string, string> = Object.fromEntries(
  ["SIGN_IN", "TWO_FACTOR", "PASSWORD_RESET", "LINK"].flatMap((name) => [
    [`${name}_LIMIT_PER_ACCOUNT`, "1000"],
    [`${name}_LIMIT_PER_ADDRESS`, "10000"],
  ]),
);

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");

/**
 * Starts the built app exactly as `npm run serve` does, on a port the OS
 * picks, and resolves once it listens. A production start needs APP_ORIGIN
 * (emailed links are built from it), so unless the test sets its own, the
 * app is given its own address: a free port is chosen first and named in
 * both PORT and APP_ORIGIN. Another process may take that port in between;
 * the start is then tried again on another.
 */
export async function startApp(
  env: Record<string, string>,
  options: { killable?: boolean } = {},
): Promise<RunningApp> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await launchApp(await withOwnOrigin(env), options).listening;
    } catch (error) {
      if (attempt >= 3 || !String(error).includes("EADDRINUSE")) throw error;
    }
  }
}

/** `env` with PORT and APP_ORIGIN naming a free port on this machine, unless it sets APP_ORIGIN. */
export async function withOwnOrigin(env: Record<string, string>): Promise<Record<string, string>> {
  if ("APP_ORIGIN" in env) return env;
  const port = env.PORT && env.PORT !== "0" ? env.PORT : String(await freePort());
  return { ...env, PORT: port, APP_ORIGIN: `http://127.0.0.1:${port}` };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the app and hands back a way to kill it at once, before it listens:
 * for crashes in the middle of start-up.
 */
export function launchApp(
  env: Record<string, string>,
  options: { killable?: boolean } = {},
): { listening: Promise<RunningApp>; kill: () => Promise<void> } {
  const child = spawn(tsx, ["server/index.ts"], {
    cwd: root,
    // One server process unless a test asks for more: hundreds of apps start in a run.
    env: { ...process.env, NODE_ENV: "production", PORT: "0", WEB_CONCURRENCY: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    // tsx runs the server in a child process and cannot relay SIGKILL: a
    // process group of their own lets kill() reach both.
    detached: options.killable ?? false,
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const kill = () => killGroup(child, options.killable ?? false);

  const listening = new Promise<RunningApp>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`The app did not start within 30 s:\n${output}`));
    }, 30_000);
    child.stdout.on("data", () => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve({
        url: match[1],
        pid: child.pid,
        output: () => output,
        stop: () => stopChild(child),
        kill,
      });
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(`The app exited with ${signal ?? `code ${code}`} before listening:\n${output}`),
      );
    });
  });
  return { listening, kill };
}

/** Runs the server until it exits by itself: for start-up failures. */
export async function runAppUntilExit(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(tsx, ["server/index.ts"], {
    cwd: root,
    // One server process unless a test asks for more: hundreds of apps start in a run.
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: "0",
      WEB_CONCURRENCY: "1",
      ...(await withOwnOrigin(env)),
    },
    stdio: ["ignore", "pipe", "pipe"],
    // A group of its own, so a server that never exits is killed with tsx's
    // wrapper instead of running on, orphaned, after the test.
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 30_000);
  return new Promise((resolve) =>
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    }),
  );
}

function killGroup(child: ChildProcess, killable: boolean): Promise<void> {
  if (!killable || child.pid === undefined)
    throw new Error("Start the app with { killable: true }");
  if (hasExited(child)) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    process.kill(-child.pid!, "SIGKILL");
  });
}

// A killed child has no exit code, only the signal that ended it.
const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

function stopChild(child: ChildProcess): Promise<void> {
  if (hasExited(child)) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
