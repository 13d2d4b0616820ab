import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";

/**
 * A backup of a SQLite deployment is a folder (ADR 024):
 *
 *   manifest.json   what this is, when it was taken, the database file's size
 *                   and SHA-256, its migrations, and any evidence file missing
 *   anchor.db       the database, one self-contained file (rollback journal,
 *                   not WAL), taken with SQLite's online backup API
 *   evidence/       the evidence files its rows name, laid out as EVIDENCE_DIR
 *                   (`ab/cd/<sha256>`)
 *
 * `tar -cf backup.tar <folder>` makes it one file to ship; nothing in it is
 * compressed, since the evidence formats are compressed already.
 */
export const BACKUP_FORMAT = "anchor-charter-backup";
export const DATABASE_FILE = "anchor.db";
export const EVIDENCE_FOLDER = "evidence";
export const MANIFEST_FILE = "manifest.json";

export type BackupManifest = {
  format: typeof BACKUP_FORMAT;
  formatVersion: 1;
  createdAt: string;
  /** Where it was taken from (a path; SQLite only). */
  source: string;
  database: { file: typeof DATABASE_FILE; bytes: number; sha256: string };
  /** Migrations the database had run, oldest first. */
  migrations: string[];
  evidence: { files: number; missing: string[] };
};

export async function fileSha256(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

export async function flushToDisk(file: string): Promise<void> {
  const handle = await fs.promises.open(file, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** What a copied database holds that a backup or restore must check and carry. */
export type DatabaseFacts = { integrity: string; migrations: string[]; evidence: string[] };

/**
 * Opens a SQLite file that no server uses (a backup being made or restored),
 * checks it whole, and reads the migrations it ran and the evidence files it
 * names. With `singleFile`, it also leaves it in rollback-journal mode, so
 * the one file is the whole database.
 */
export function inspectDatabaseFile(file: string, options: { singleFile: boolean }): DatabaseFacts {
  const db = new SQLite(file, { fileMustExist: true });
  try {
    if (options.singleFile) db.pragma("journal_mode = delete");
    const integrity = (db.pragma("integrity_check") as Array<{ integrity_check: string }>)
      .map((row) => row.integrity_check)
      .join("; ");
    const hasTable = (name: string) =>
      db.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(name) !==
      undefined;
    const migrations = hasTable("kysely_migration")
      ? db.prepare("select name from kysely_migration order by name").pluck().all().map(String)
      : [];
    const evidence = hasTable("evidence_file")
      ? db.prepare("select sha256 from evidence_file order by sha256").pluck().all().map(String)
      : [];
    return { integrity, migrations, evidence };
  } finally {
    db.close();
  }
}

export function readManifest(backup: string): BackupManifest {
  const file = path.join(backup, MANIFEST_FILE);
  if (!fs.existsSync(file)) {
    throw new Error(`${backup} is not a backup made by db:backup (no ${MANIFEST_FILE})`);
  }
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<BackupManifest>;
  if (manifest.format !== BACKUP_FORMAT || manifest.formatVersion !== 1) {
    throw new Error(`${file} is not a backup manifest this version reads`);
  }
  return manifest as BackupManifest;
}
