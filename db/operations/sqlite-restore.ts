import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import {
  type BackupManifest,
  DATABASE_FILE,
  EVIDENCE_FOLDER,
  fileSha256,
  flushToDisk,
  inspectDatabaseFile,
  readManifest,
} from "./backup-format";
import { copyEvidenceFiles, isEmptyDirectory } from "./evidence-copy";

export class RestoreRefused extends Error {}

/**
 * Restores a db:backup folder into an empty place: no database file (nor its
 * WAL) at `databaseFile`, and an absent or empty `evidenceDir`. Anything else
 * is refused before a byte is written: a restore never merges into, or
 * replaces, a live deployment. The backup is checked first (its file against
 * the manifest's hash, then SQLite's integrity check on the copy), evidence
 * files are written before the database (as the app writes them), and the
 * database appears under its name only once whole.
 */
export async function restoreSqlite(args: {
  backup: string;
  databaseFile: string;
  evidenceDir: string;
}): Promise<BackupManifest> {
  const manifest = readManifest(args.backup);
  const occupied = [args.databaseFile, `${args.databaseFile}-wal`].filter((f) => fs.existsSync(f));
  if (occupied.length) {
    throw new RestoreRefused(
      `${occupied[0]} already exists: a backup restores only into an empty place. ` +
        "Name a new file with --to file:… (and stop and move the old one yourself if it is to go).",
    );
  }
  if (!isEmptyDirectory(args.evidenceDir)) {
    throw new RestoreRefused(
      `The evidence folder ${args.evidenceDir} is not empty: a backup restores only into an empty place. ` +
        "Name another with --evidence-to (or EVIDENCE_DIR).",
    );
  }
  const backupDatabase = path.join(args.backup, DATABASE_FILE);
  if ((await fileSha256(backupDatabase)) !== manifest.database.sha256) {
    throw new Error(`${backupDatabase} does not match its manifest: the backup is damaged`);
  }

  fs.mkdirSync(path.dirname(args.databaseFile), { recursive: true });
  const partial = `${args.databaseFile}.restoring-${randomBytes(4).toString("hex")}`;
  try {
    fs.copyFileSync(backupDatabase, partial, fs.constants.COPYFILE_EXCL);
    const facts = inspectDatabaseFile(partial, { singleFile: true });
    if (facts.integrity !== "ok") throw new Error(`The restored copy failed: ${facts.integrity}`);
    await flushToDisk(partial);

    const evidence = await copyEvidenceFiles(
      facts.evidence,
      path.join(args.backup, EVIDENCE_FOLDER),
      args.evidenceDir,
    );
    const lost = [...evidence.missing, ...evidence.corrupt].filter(
      (sha256) => !manifest.evidence.missing.includes(sha256),
    );
    if (lost.length) {
      throw new Error(`${lost.length} evidence file(s) are missing or damaged in the backup`);
    }
    // link() fails if the name appeared meanwhile, where rename() would replace it.
    fs.linkSync(partial, args.databaseFile);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return manifest;
}
