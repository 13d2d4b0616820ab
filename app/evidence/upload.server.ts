import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { recordEvidenceFile } from "../models/evidence-files.server";
import { storeEvidenceBytes } from "./store.server";
import { cleanFileName } from "./file-name";
import { judgeFile } from "./file-type";

/** The file field of a form, if one was chosen (browsers send an empty part when none is). */
export function chosenFile(formData: FormData, field: string): File | null {
  const value = formData.get(field);
  return value instanceof File && value.size > 0 && value.name ? value : null;
}

/**
 * Checks the file's content against its name, stores it under its hash and
 * records what was checked. The caller then adds the evidence item that
 * points at it, in its own transaction.
 */
export async function storeUploadedEvidence(
  db: Kysely<Database>,
  args: { file: File; dir: string },
): Promise<{ ok: true; file: { sha256: string; name: string } } | { ok: false; problem: string }> {
  const bytes = new Uint8Array(await args.file.arrayBuffer());
  const name = cleanFileName(args.file.name);
  const verdict = judgeFile(name, bytes);
  if (!verdict.ok) return verdict;
  // Bytes first: a file on disk with no row is harmless; a row with no file is not.
  const stored = await storeEvidenceBytes(args.dir, bytes);
  await recordEvidenceFile(db, { ...stored, mediaType: verdict.type.mediaType });
  return { ok: true, file: { sha256: stored.sha256, name } };
}
