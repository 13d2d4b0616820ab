// `npm run db:restore -- <backup> [--to file:…]`: puts a db:backup folder back,
// into an empty place only.
import { databaseConfig, describeDatabase, evidenceDirFor } from "./config";
import { commandArguments, exitWith } from "./operations/command-line";
import { RestoreRefused, restoreSqlite } from "./operations/sqlite-restore";

const usage = `Usage: npm run db:restore -- <backup folder> [--to file:./data/anchor.db] [--evidence-to dir]

  --to U           where the database goes (default: DATABASE_URL, else file:./data/anchor.db);
                   there must be no database there yet
  --evidence-to D  where its evidence files go (default: EVIDENCE_DIR, else evidence/ beside
                   the file); absent or empty`;

const { values, positionals } = commandArguments(
  usage,
  { to: { type: "string" }, "evidence-to": { type: "string" } },
  { min: 1, max: 1 },
);

try {
  const config = databaseConfig(values.to);
  if (config.dialect === "postgres") {
    exitWith(
      `${describeDatabase(config)}: a db:backup holds a SQLite database. Restore it ` +
        "to a file, or move it up directly with\n" +
        `  npm run db:copy -- --from file:${positionals[0]}/anchor.db --evidence-from ${positionals[0]}/evidence --to postgres://…`,
      2,
    );
  }
  const evidenceDir = evidenceDirFor(config, values["evidence-to"]);
  const manifest = await restoreSqlite({
    backup: positionals[0]!,
    databaseFile: config.file,
    evidenceDir,
  });
  console.log(
    `Restored the backup taken ${manifest.createdAt} to ${config.file}, ` +
      `with ${manifest.evidence.files} evidence file(s) in ${evidenceDir}.`,
  );
} catch (error) {
  exitWith(error, error instanceof RestoreRefused ? 3 : 1);
}
