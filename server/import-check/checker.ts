import type { Worker } from "node:worker_threads";
import type { readFilledTemplate } from "../../app/excel/template-import.server";
import { tsxWorker } from "../tsx-worker";
import type { CheckAnswer, CheckRequest } from "./worker";

export type WorkbookCheck = typeof readFilledTemplate;

/**
 * Reads uploaded templates on a worker thread of this process (issue 22),
 * started at the first upload and stopped once idle for ten minutes, so its
 * memory is not held between month ends. Checks wait their turn in it; one
 * that runs past the time limit ends the thread (and every check in it),
 * each answered as a file that could not be read in time.
 */
export function workbookChecker(options: { timeoutMs: number; idleMs?: number }): WorkbookCheck {
  let worker: Worker | null = null;
  let nextId = 1;
  let idleTimer: NodeJS.Timeout | null = null;
  const pending = new Map<
    number,
    {
      resolve: (a: Awaited<ReturnType<WorkbookCheck>>) => void;
      reject: (e: Error) => void;
      timer: NodeJS.Timeout;
    }
  >();

  const stop = (reason: Error) => {
    const ending = worker;
    worker = null;
    for (const [id, waiting] of pending) {
      clearTimeout(waiting.timer);
      waiting.reject(reason);
      pending.delete(id);
    }
    void ending?.terminate();
  };
  const started = () => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    if (worker) return worker;
    const thread = tsxWorker(new URL("./worker.ts", import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    });
    thread.on("message", (answer: CheckAnswer) => {
      const waiting = pending.get(answer.id);
      if (!waiting) return;
      pending.delete(answer.id);
      clearTimeout(waiting.timer);
      if ("error" in answer) waiting.reject(new Error(answer.error));
      else waiting.resolve(answer.result);
      if (!pending.size) {
        idleTimer = setTimeout(
          () => !pending.size && stop(new Error("idle")),
          options.idleMs ?? 600_000,
        );
        idleTimer.unref();
      }
    });
    thread.on("error", (error) => {
      if (worker === thread) stop(error);
    });
    thread.on("exit", () => {
      if (worker === thread) stop(new Error("The workbook reader stopped"));
    });
    thread.unref();
    worker = thread;
    return thread;
  };

  return (file, expected) =>
    new Promise((resolve, reject) => {
      const thread = started();
      const id = nextId++;
      const timer = setTimeout(
        () => stop(new Error(`Reading the workbook took longer than ${options.timeoutMs} ms`)),
        options.timeoutMs,
      );
      pending.set(id, { resolve, reject, timer });
      // The bytes are copied, not moved: the caller's buffer stays its own.
      thread.postMessage({ id, file, expected } satisfies CheckRequest);
    });
}
