import os from "node:os";
import { parentPort } from "node:worker_threads";
import { readFilledTemplate } from "../../app/excel/template-import.server";

/**
 * The worker thread that reads uploaded templates (issue 22): exceljs parses
 * a workbook in one go, a few tenths of a second for the template and about
 * a second for the worst file within the import's bounds, and a server's
 * event loop must not stop for that. Nothing here touches the database.
 */

export type CheckRequest = {
  id: number;
  file: { name: string; bytes: Uint8Array };
  expected: Parameters<typeof readFilledTemplate>[1];
};

export type CheckAnswer =
  | { id: number; result: Awaited<ReturnType<typeof readFilledTemplate>> }
  | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error("import-check/worker.ts runs as a worker thread");

// Pages first, as the report builder does: this thread yields the cores to the event loops.
try {
  os.setPriority(10);
} catch {
  // Not permitted here: it runs at normal priority.
}

port.on("message", (request: CheckRequest) => {
  readFilledTemplate(request.file, request.expected).then(
    (result) => port.postMessage({ id: request.id, result } satisfies CheckAnswer),
    (error: unknown) =>
      port.postMessage({
        id: request.id,
        error: error instanceof Error ? error.message : String(error),
      } satisfies CheckAnswer),
  );
});
