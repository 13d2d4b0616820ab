import os from "node:os";
import { parentPort } from "node:worker_threads";
import { buildAnnualReport } from "../../app/reports/build.server";
import { getDb } from "../../app/models/db.server";
import type { ReportingYear } from "../../app/periods/reporting-year";

/**
 * The worker thread that builds report files, so the server's event loop
 * stays free for pages. It reads the database through its own connection
 * and keeps one chart canvas for its whole life (app/documents/chart-image.server.ts).
 * One job at a time: the runner sends the next only when this one answers.
 */

export type BuildRequest = {
  jobId: number;
  scope: { kind: "organisation" | "place" | "system"; id: number };
  year: ReportingYear;
  /** Report the year's latest month even while open to returns (labelled provisional). */
  provisional: boolean;
  format: "pdf" | "docx";
  /** ISO: when the report counts as prepared. */
  now: string;
  /** Tests and the benchmark slow a build down to catch it part-way; 0 in use. */
  blockDelayMs: number;
};

export type WorkerMessage =
  | { type: "progress"; jobId: number; share: number }
  | { type: "done"; jobId: number; bytes: Uint8Array; fileName: string }
  | { type: "error"; jobId: number; message: string };

const port = parentPort;
if (!port) throw new Error("report-jobs/worker.ts runs as a worker thread");

// Pages first: on Linux a priority set from a thread applies to that thread
// alone, so this builder yields the cores to the server's event loops when
// they have requests. Where it is not allowed, the build runs at normal priority.
try {
  os.setPriority(10);
} catch {
  // Not permitted here: nothing to do.
}

port.on("message", (request: BuildRequest) => {
  build(request).then(
    (message) => port.postMessage(message),
    (error: unknown) =>
      port.postMessage({
        type: "error",
        jobId: request.jobId,
        message: error instanceof Error ? error.message : String(error),
      } satisfies WorkerMessage),
  );
});

async function build(request: BuildRequest): Promise<WorkerMessage> {
  const pause = request.blockDelayMs;
  let last = 0;
  const built = await buildAnnualReport(getDb(), {
    scope: request.scope,
    year: request.year,
    provisional: request.provisional,
    format: request.format,
    now: new Date(request.now),
    onProgress: (share) => {
      if (pause > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pause);
      // A message per whole percent is plenty; the runner writes at most one a second.
      if (Math.floor(share * 100) > last || share === 1) {
        last = Math.floor(share * 100);
        port!.postMessage({
          type: "progress",
          jobId: request.jobId,
          share,
        } satisfies WorkerMessage);
      }
    },
  });
  if (!built) return { type: "error", jobId: request.jobId, message: "The scope no longer exists" };
  return { type: "done", jobId: request.jobId, bytes: built.bytes, fileName: built.fileName };
}
