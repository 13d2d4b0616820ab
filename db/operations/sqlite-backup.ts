import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import {
  BACKUP_FORMAT,
  type BackupManifest,
  DATABASE_FILE,
  EVIDENCE_FOLDER,
  fileSha256,
  flushToDisk,
  inspectDatabaseFile,
  MANIFEST_FILE,
} from "./backup-format";
import { copyEvidenceFiles } from "./evidence-copy";

// sqlite3_backup_step copies this many pages per step: all of them. One step
// reads one snapshot (WAL lets the app keep writing meanwhile); smaller steps
// would start again from the beginning each time another process commits,
// and under steady saves might never finish.
const ALL_PAGES = 0x7fffffff;

/**
 * Backs up a running SQLite deployment into a new folder (see backup-format.ts):
 * first the database through SQLite's online backup API, a consistent
 * snapshot however many servers are writing, then the evidence files that
 * snapshot names. Evidence bytes are written before their rows (ADR 010), so
 * every file a snapshot names was on disk before it was taken. The folder is
 * built under a temporary name and renamed at the end: a backup that stopped
 * part-way never looks finished.
 */
export async function backupSqlite(args: {
  databaseFile: string;
  evidenceDir: string;
  to: string;
  now?: Date;
}): Promise<BackupManifest> {
  const target = path.resolve(args.to);
  if (fs.existsSync(target)) throw new Error(`${target} already exists: name a new backup`);
  if (!fs.existsSync(args.databaseFile)) throw new Error(`No database at ${args.databaseFile}`);
  const partial = `${target}.partial-${randomBytes(4).toString("hex")}`;
  fs.mkdirSync(partial, { recursive: true });
  try {
    const databaseCopy = path.join(partial, DATABASE_FILE);
    const source = new SQLite(args.databaseFile, { fileMustExist: true });
    try {
      source.pragma("busy_timeout = 5000");
      await source.backup(databaseCopy, { progress: () => ALL_PAGES });
    } finally {
      source.close();
    }
    const facts = inspectDatabaseFile(databaseCopy, { singleFile: true });
    if (facts.integrity !== "ok") throw new Error(`The copy failed its check: ${facts.integrity}`);
    await flushToDisk(databaseCopy);

    const evidence = await copyEvidenceFiles(
      facts.evidence,
      args.evidenceDir,
      path.join(partial, EVIDENCE_FOLDER),
    );
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: 1,
      createdAt: (args.now ?? new Date()).toISOString(),
      source: args.databaseFile,
      database: {
        file: DATABASE_FILE,
        bytes: fs.statSync(databaseCopy).size,
        sha256: await fileSha256(databaseCopy),
      },
      migrations: facts.migrations,
      evidence: { files: evidence.copied, missing: [...evidence.missing, ...evidence.corrupt] },
    };
    const manifestFile = path.join(partial, MANIFEST_FILE);
    fs.writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
    await flushToDisk(manifestFile);
    fs.renameSync(partial, target);
    return manifest;
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}
