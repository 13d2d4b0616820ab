import { Worker, type WorkerOptions } from "node:worker_threads";

/**
 * A worker thread running one of the server's TypeScript modules. The server
 * runs its TypeScript through tsx, whose loader a worker thread does not
 * inherit: the worker registers it before loading its module.
 */
export function tsxWorker(module: URL, options: WorkerOptions = {}): Worker {
  const href = JSON.stringify(module.href);
  return new Worker(
    `import("tsx/esm/api").then(({ register }) => { register(); return import(${href}); })`,
    { eval: true, env: process.env, ...options },
  );
}
