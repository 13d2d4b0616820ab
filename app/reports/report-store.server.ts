import fs from "node:fs";
import path from "node:path";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { evidenceFilePath, readEvidenceStream, storeEvidenceBytes } from "../evidence/store.server";

/**
 * Finished report files, kept on disk in a folder of the evidence store's
 * shared volume (`<evidence>/reports`), named by their SHA-256 like evidence
 * (written to a temporary file and renamed, so never half-written), and read
 * only through the download route, which checks who asks (ADR 029).
 */
export const reportsDirIn = (evidenceDir: string) => path.join(evidenceDir, "reports");

export async function storeReportFile(dir: string, bytes: Uint8Array) {
  const { sha256, size } = await storeEvidenceBytes(dir, bytes);
  return { name: sha256, size };
}

export function readReportFile(dir: string, name: string) {
  return readEvidenceStream(dir, name);
}

/** Removes a replaced file unless another job still names it (the same bytes built twice). */
export async function removeReportFile(db: Kysely<Database>, dir: string, name: string) {
  const still = await db
    .selectFrom("report_job")
    .select("id")
    .where("stored_as", "=", name)
    .executeTakeFirst();
  if (!still) await fs.promises.rm(evidenceFilePath(dir, name), { force: true });
}
