import cluster, { type Worker } from "node:cluster";
import os from "node:os";

/**
 * How many server processes share the port. Each has its own event loop, so
 * a page being rendered in one does not hold up a save in another; they share
 * the database (SQLite in WAL mode, or PostgreSQL), which holds every piece of
 * state the app keeps: sessions, attempt limits, autosaves (ADR 025).
 * Production defaults to one per core; development and WEB_CONCURRENCY=1 run
 * in the one process, as before.
 */
export function serverProcessCount(
  env: Record<string, string | undefined>,
  production: boolean,
): number {
  const asked = env.WEB_CONCURRENCY;
  if (asked !== undefined && asked !== "") {
    const n = Number(asked);
    if (!Number.isInteger(n) || n < 1 || n > 64) {
      throw new Error(`WEB_CONCURRENCY must be a whole number from 1 to 64, not "${asked}"`);
    }
    return n;
  }
  return production ? Math.max(1, Math.min(os.availableParallelism(), 8)) : 1;
}

type Listening = { kind: "listening"; port: number };

/** In a forked server process: tells the primary it listens, and on which port. */
export function reportListening(port: number) {
  process.send?.({ kind: "listening", port } satisfies Listening);
}

/**
 * The primary: forks the server processes, resolves with the port once all
 * listen, starts a new one when one dies unexpectedly, and on SIGTERM or
 * SIGINT passes the signal on and exits once every process has finished its
 * requests (each shuts down gracefully by itself).
 */
export function runServerProcesses(count: number): Promise<number> {
  let stopping = false;
  let listening = 0;
  return new Promise((resolve, reject) => {
    const fork = () => {
      const worker = cluster.fork();
      worker.on("message", (message: Listening) => {
        if (message?.kind !== "listening") return;
        listening += 1;
        if (listening === count) resolve(message.port);
      });
      return worker;
    };
    for (let i = 0; i < count; i++) fork();
    cluster.on("exit", (worker: Worker, code, signal) => {
      if (stopping) {
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
        return;
      }
      if (listening < count) {
        reject(new Error(`A server process stopped while starting (${signal ?? code})`));
        return;
      }
      console.warn(
        `${new Date().toISOString()} warning: server process ${worker.process.pid} stopped (${signal ?? code}); starting another`,
      );
      fork();
    });
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      const workers = Object.values(cluster.workers ?? {});
      if (workers.length === 0) process.exit(0);
      for (const worker of workers) worker?.process.kill(signal);
    };
    process.on("SIGTERM", () => stop("SIGTERM"));
    process.on("SIGINT", () => stop("SIGINT"));
  });
}
