// `npm run db:copy -- --from file:./data/anchor.db --to postgres://…`: moves a
// whole SQLite deployment into an empty PostgreSQL database and checks it.
import { sql } from "kysely";
import { databaseConfig, describeDatabase, evidenceDirFor } from "./config";
import { createDatabase, openSqliteForReading } from "./dialect";
import { commandArguments, exitWith } from "./operations/command-line";
import { copyReport } from "./operations/copy-report";
import { CopyRefused, copyToPostgres } from "./operations/copy-to-postgres";

const usage = `Usage: npm run db:copy -- --from file:./data/anchor.db --to postgres://user:password@host/db [--evidence-to dir]

  --from U           the SQLite database (stop its servers first; a db:backup's anchor.db will do)
  --to U             an empty PostgreSQL database (the app's migrations are run on it)
  --evidence-from D  the SQLite deployment's evidence folder (default: EVIDENCE_DIR, else evidence/ beside --from)
  --evidence-to D    copy the evidence files into this folder (the PostgreSQL servers' shared EVIDENCE_DIR);
                     without it the files stay where they are, and the servers must use that folder`;

const { values } = commandArguments(
  usage,
  {
    from: { type: "string" },
    to: { type: "string" },
    "evidence-from": { type: "string" },
    "evidence-to": { type: "string" },
    "batch-rows": { type: "string" },
  },
  { min: 0, max: 0 },
);
if (!values.from || !values.to) exitWith(`--from and --to are both needed\n\n${usage}`, 2);

let from, to;
try {
  from = databaseConfig(values.from);
  to = databaseConfig(values.to);
} catch (error) {
  exitWith(error, 2);
}
if (from.dialect !== "sqlite") exitWith("--from must name a SQLite file (file:…)", 2);
if (to.dialect !== "postgres") exitWith("--to must name a PostgreSQL database (postgres://…)", 2);

const evidenceFrom = evidenceDirFor(from, values["evidence-from"]);
const evidenceTo = values["evidence-to"] ? evidenceDirFor(to, values["evidence-to"]) : null;
const progress = (message: string) => process.stderr.write(`${message}\n`);

let source;
try {
  source = openSqliteForReading(from.file);
} catch (error) {
  exitWith(error, 2);
}
const target = createDatabase({ ...to, poolMax: 2 });
try {
  await sql`select 1`.execute(target).catch((error: Error) => {
    throw new CopyRefused(`Cannot reach ${describeDatabase(to)}: ${error.message}`);
  });
  progress(`Copying ${from.file} to ${describeDatabase(to)}…`);
  const result = await copyToPostgres({
    source,
    target,
    evidence: { from: evidenceFrom, to: evidenceTo },
    batchRows: values["batch-rows"] ? Number(values["batch-rows"]) : undefined,
    progress,
  });
  console.log(copyReport(result));
  if (result.evidence) {
    const { copied, missing, corrupt } = result.evidence;
    console.log(`Evidence: ${copied} file(s) in ${evidenceTo}.`);
    if (missing.length || corrupt.length) {
      console.log(
        `Evidence: ${missing.length} missing and ${corrupt.length} damaged in ${evidenceFrom} (not copied).`,
      );
    }
  } else {
    console.log(
      `Evidence: not copied. Start the PostgreSQL servers with EVIDENCE_DIR=${evidenceFrom} (a folder they all share), or copy again with --evidence-to.`,
    );
  }
  if (!result.matches) exitWith("Some tables differ after the copy: see MISMATCH above.", 1);
  if (result.evidence && (result.evidence.missing.length || result.evidence.corrupt.length)) {
    exitWith("Some evidence files could not be copied.", 1);
  }
  console.log(`Copied and verified: ${describeDatabase(to)} now holds the deployment.`);
} catch (error) {
  process.exitCode = error instanceof CopyRefused ? 3 : 1;
  console.error(error instanceof Error ? error.message : error);
} finally {
  await source.destroy();
  await target.destroy();
}
