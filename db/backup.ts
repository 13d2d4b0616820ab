// `npm run db:backup -- <folder>`: an online backup of the running SQLite
// deployment and its evidence files (format: db/operations/backup-format.ts).
import { databaseConfig, describeDatabase, evidenceDirFor } from "./config";
import { commandArguments, exitWith } from "./operations/command-line";
import { backupSqlite } from "./operations/sqlite-backup";

const usage = `Usage: npm run db:backup -- <new folder> [--from file:./data/anchor.db] [--evidence-from dir]

  --from U           the database (default: DATABASE_URL, else file:./data/anchor.db)
  --evidence-from D  its evidence folder (default: EVIDENCE_DIR, else evidence/ beside the file)`;

const { values, positionals } = commandArguments(
  usage,
  { from: { type: "string" }, "evidence-from": { type: "string" } },
  { min: 1, max: 1 },
);

try {
  const config = databaseConfig(values.from);
  if (config.dialect === "postgres") {
    exitWith(
      `${describeDatabase(config)}: back it up with PostgreSQL's own tools, e.g.\n` +
        '  pg_dump --format=custom --file=anchor.dump "$DATABASE_URL"\n' +
        "and copy the shared evidence folder (EVIDENCE_DIR) beside it. See README, Backups.",
      2,
    );
  }
  const manifest = await backupSqlite({
    databaseFile: config.file,
    evidenceDir: evidenceDirFor(config, values["evidence-from"]),
    to: positionals[0]!,
  });
  console.log(
    `Backed up ${config.file} (${manifest.database.bytes} bytes, ${manifest.migrations.length} migrations) ` +
      `and ${manifest.evidence.files} evidence file(s) to ${positionals[0]}.`,
  );
  if (manifest.evidence.missing.length) {
    exitWith(
      `Warning: ${manifest.evidence.missing.length} evidence file(s) named in the database were missing ` +
        `or damaged in the evidence folder and are not in the backup (listed in its manifest.json).`,
    );
  }
} catch (error) {
  exitWith(error);
}
