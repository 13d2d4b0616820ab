import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";

/**
 * Evidence files on disk, content-addressed: a file's name is the SHA-256 of
 * its bytes, so the same document uploaded twice (or by two components, or
 * carried into later periods) is stored once, and a stored file can never be
 * changed under its name. The folder sits outside the web root: files are
 * only ever served by a route that checks who is asking.
 */

const SHA256 = /^[0-9a-f]{64}$/;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Where a file lives in the folder: `<dir>/ab/cd/<sha256>` (backups keep the same layout). */
export function evidenceFilePath(dir: string, sha256: string): string {
  // The hash is the only part of the path that comes from data: check it.
  if (!SHA256.test(sha256)) throw new Error("Not a SHA-256 hex digest");
  return path.join(dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/**
 * Writes the bytes once. A temporary file is flushed to disk, then renamed into
 * place, so a crash never leaves a half-written file under a real hash.
 */
export async function storeEvidenceBytes(dir: string, bytes: Uint8Array) {
  const sha256 = sha256Hex(bytes);
  const target = evidenceFilePath(dir, sha256);
  if (!fs.existsSync(target)) {
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const temporary = path.join(path.dirname(target), `.${randomBytes(8).toString("hex")}.part`);
    const handle = await fs.promises.open(temporary, "wx");
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(temporary, target);
    await syncDirectory(path.dirname(target));
  }
  return { sha256, size: bytes.length };
}

/** The rename is only on disk once its folder is: the database row comes next. */
async function syncDirectory(dir: string) {
  const handle = await fs.promises.open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Removes temporary files that a write killed part-way left behind. Only
 * those older than `olderThanMs`: another request (or another instance on
 * a shared folder) may be writing a younger one right now.
 */
export async function sweepUnfinishedWrites(
  dir: string,
  args: { now: Date; olderThanMs: number },
): Promise<number> {
  let removed = 0;
  const entries = await fs.promises
    .readdir(dir, { recursive: true, withFileTypes: true })
    .catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return [];
      throw error;
    });
  for (const entry of entries) {
    if (!entry.isFile() || !/^\.[0-9a-f]{16}\.part$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const { mtimeMs } = await fs.promises.stat(file);
    if (args.now.getTime() - mtimeMs < args.olderThanMs) continue;
    await fs.promises.rm(file, { force: true });
    removed += 1;
  }
  return removed;
}

/** A web stream of the stored bytes, or null when the file is missing from disk. */
export function readEvidenceStream(dir: string, sha256: string): ReadableStream<Uint8Array> | null {
  const file = evidenceFilePath(dir, sha256);
  if (!fs.existsSync(file)) return null;
  return Readable.toWeb(fs.createReadStream(file)) as ReadableStream<Uint8Array>;
}

/** The stored bytes as a Node stream (for the ZIP), or null when missing from disk. */
export function readEvidenceChunks(dir: string, sha256: string): fs.ReadStream | null {
  const file = evidenceFilePath(dir, sha256);
  return fs.existsSync(file) ? fs.createReadStream(file) : null;
}

export function evidenceFileExists(dir: string, sha256: string): boolean {
  return fs.existsSync(evidenceFilePath(dir, sha256));
}
