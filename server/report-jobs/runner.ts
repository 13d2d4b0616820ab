import { randomBytes } from "node:crypto";
import os from "node:os";
import type { Worker } from "node:worker_threads";
import type { Kysely } from "kysely";
import {
  claimNextJob,
  failAttempt,
  finishJob,
  recordProgress,
  type ReportJob,
} from "../../app/models/report-jobs.server";
import { removeReportFile, storeReportFile } from "../../app/reports/report-store.server";
import type { Database } from "../../db/schema";
import type { BuildRequest, WorkerMessage } from "./worker";
import { tsxWorker } from "../tsx-worker";

/**
 * Runs report jobs off the request path (ADR 029): claims one job at a time
 * from the job table, has the worker thread build it, writes its progress
 * (at most once a second, renewing the lease each time), stores the file and
 * marks the job done. Runs in one process per instance (the primary when
 * there are several server processes); claims are safe across instances.
 */

export type RunnerOptions = {
  db: Kysely<Database>;
  reportsDir: string;
  pollMs: number;
  leaseMs: number;
  blockDelayMs: number;
};

export function reportRunnerOptions(
  env: Record<string, string | undefined>,
): Omit<RunnerOptions, "db" | "reportsDir"> {
  const number = (name: string, fallback: number) => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isFinite(value) || value < 0)
      throw new Error(`${name} must be a number of milliseconds`);
    return value;
  };
  return {
    pollMs: number("REPORT_JOB_POLL_MS", 1000),
    leaseMs: number("REPORT_JOB_LEASE_MS", 30_000),
    blockDelayMs: number("REPORT_JOB_BLOCK_DELAY_MS", 0),
  };
}

export function startReportRunner(options: RunnerOptions) {
  const runner = `${os.hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  let worker: Worker | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;

  const newWorker = () =>
    tsxWorker(new URL("./worker.ts", import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });

  const runJob = (job: ReportJob) =>
    new Promise<WorkerMessage>((resolve) => {
      worker ??= newWorker();
      const current = worker;
      // The newest share heard from the worker: written at most once a second
      // as it arrives, and by every heartbeat, which also renews the lease.
      let share = job.progress / 100;
      let lastWrite = 0;
      let writing: Promise<unknown> = Promise.resolve();
      const renew = () => {
        lastWrite = Date.now();
        const progress = Math.min(share, 0.99) * 100;
        writing = writing.then(() =>
          recordProgress(options.db, {
            id: job.id,
            runner,
            progress,
            now: new Date(),
            leaseMs: options.leaseMs,
          }),
        );
      };
      const heartbeat = setInterval(renew, Math.max(500, options.leaseMs / 3));
      const onMessage = (message: WorkerMessage) => {
        if (message.jobId !== job.id) return;
        if (message.type === "progress") {
          share = message.share;
          if (Date.now() - lastWrite >= 1000) renew();
          return;
        }
        finish(message);
      };
      const onError = (error: Error) => {
        worker = null;
        finish({ type: "error", jobId: job.id, message: error.message });
      };
      const finish = (message: WorkerMessage) => {
        clearInterval(heartbeat);
        current.off("message", onMessage);
        current.off("error", onError);
        writing.then(
          () => resolve(message),
          () => resolve(message),
        );
      };
      current.on("message", onMessage);
      current.on("error", onError);
      current.postMessage({
        jobId: job.id,
        scope: { kind: job.scope_kind, id: job.scope_id },
        year: { kind: job.year_kind, start: job.year },
        provisional: job.provisional === 1,
        format: job.format,
        now: new Date().toISOString(),
        blockDelayMs: options.blockDelayMs,
      } satisfies BuildRequest);
    });

  const tick = async () => {
    timer = null;
    if (stopped) return;
    let job: ReportJob | null = null;
    try {
      job = await claimNextJob(options.db, { runner, now: new Date(), leaseMs: options.leaseMs });
      if (job) {
        const result = await runJob(job);
        if (result.type === "done") {
          const stored = await storeReportFile(options.reportsDir, result.bytes);
          const { finished, replaced } = await finishJob(options.db, {
            id: job.id,
            runner,
            fileName: result.fileName,
            storedAs: stored.name,
            size: stored.size,
            now: new Date(),
          });
          if (finished)
            await Promise.all(
              replaced.map((name) => removeReportFile(options.db, options.reportsDir, name)),
            );
        } else if (result.type === "error") {
          await failAttempt(options.db, {
            id: job.id,
            runner,
            error: result.message,
            now: new Date(),
          });
        }
      }
    } catch (error) {
      console.error(`${new Date().toISOString()} report job ${job?.id ?? "claim"} failed:`, error);
    }
    if (!stopped) timer = setTimeout(tick, job ? 0 : options.pollMs);
  };

  timer = setTimeout(tick, 0);
  return {
    runner,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await worker?.terminate();
    },
  };
}
