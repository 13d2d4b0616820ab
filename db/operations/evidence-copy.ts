import fs from "node:fs";
import {
  evidenceFileExists,
  evidenceFilePath,
  sha256Hex,
  storeEvidenceBytes,
} from "../../app/evidence/store.server";

export type EvidenceCopy = {
  /** Files written to the target (or already there with the right bytes). */
  copied: number;
  /** Named by a row but absent from the source folder. */
  missing: string[];
  /** Present in the source folder but not holding the bytes their name promises. */
  corrupt: string[];
};

/**
 * Copies the evidence files that rows name from one content-addressed folder
 * to another. Each file is read whole (evidence is at most EVIDENCE_MAX_MB),
 * its hash checked against its name, and written as the app writes one
 * (temporary file, flush, rename): a copy never holds bytes its name does not
 * promise. A file already in the target with the right name is kept: the
 * name is the content, so a shared folder may be copied into safely.
 */
export async function copyEvidenceFiles(
  sha256s: Iterable<string>,
  from: string,
  to: string,
): Promise<EvidenceCopy> {
  const result: EvidenceCopy = { copied: 0, missing: [], corrupt: [] };
  for (const sha256 of sha256s) {
    if (evidenceFileExists(to, sha256)) {
      result.copied += 1;
      continue;
    }
    const source = evidenceFilePath(from, sha256);
    if (!fs.existsSync(source)) {
      result.missing.push(sha256);
      continue;
    }
    const bytes = await fs.promises.readFile(source);
    if (sha256Hex(bytes) !== sha256) {
      result.corrupt.push(sha256);
      continue;
    }
    await storeEvidenceBytes(to, bytes);
    result.copied += 1;
  }
  return result;
}

/** Whether a folder is absent or holds nothing: the only kind a restore writes into. */
export function isEmptyDirectory(dir: string): boolean {
  if (!fs.existsSync(dir)) return true;
  return fs.statSync(dir).isDirectory() && fs.readdirSync(dir).length === 0;
}
