import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { generousAttemptLimits, type RunningApp, startApp } from "../tests/setup/start-app";
import { signIn, visit, type Visitor } from "../tests/support/http";
import { currentCode } from "../tests/support/people";
import SQLite from "better-sqlite3";
import { BENCH_PASSWORD, benchEmail, type BenchRole } from "./people";
import { builtPath } from "../server/build-directory";

const root = path.resolve(import.meta.dirname, "..");

/** Builds the app when there is no build, or app/ has changed since. */
export function ensureBuilt() {
  const built = builtPath("server/index.js");
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= newestIn(path.join(root, "app"))) {
    return;
  }
  console.log("Building the app (npm run build)…");
  execFileSync("npm", ["run", "build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
}

function newestIn(dir: string): number {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .reduce(
      (newest, e) => Math.max(newest, fs.statSync(path.join(e.parentPath, e.name)).mtimeMs),
      0,
    );
}

/**
 * The built app on the dataset (or its copy on PostgreSQL), as `npm run serve`
 * starts it (its server processes included), with room for repeated sign-ins.
 */
export function startBenchApp(args: {
  databaseUrl: string;
  /** The dataset's file: its evidence folder sits beside it. */
  datasetFile: string;
  processes: number;
}): Promise<RunningApp> {
  return startApp({
    WEB_CONCURRENCY: String(args.processes),
    DATABASE_URL: args.databaseUrl,
    SEED_DEMO_DATA: "false",
    EVIDENCE_DIR: path.join(path.dirname(args.datasetFile), "evidence"),
    ...generousAttemptLimits,
  });
}

/** Signs a bench person in, with their second factor where they have one. */
export async function signInAs(app: RunningApp, file: string, role: BenchRole): Promise<Visitor> {
  const visitor = await signIn(app.url, benchEmail(role), BENCH_PASSWORD);
  const db = new SQLite(file, { readonly: true });
  const { totp_key: key } = db
    .prepare("select totp_key from app_user where email = ?")
    .get(benchEmail(role)) as { totp_key: string | null };
  db.close();
  if (!key) return visitor;
  const response = await visit(app.url, "/sign-in/two-factor", {
    visitor,
    method: "POST",
    form: { code: currentCode(key) },
  });
  if (response.status !== 302) throw new Error(`The security code for ${role} was refused`);
  return visitor;
}

/** The server's peak resident memory in bytes (Linux only; null elsewhere). */
export function peakRss(app: RunningApp): number | null {
  if (app.pid === undefined || !fs.existsSync(`/proc/${app.pid}`)) return null;
  // tsx runs the server in a child process: take the largest of the family.
  const family = (pid: number): number[] => {
    const file = `/proc/${pid}/task/${pid}/children`;
    const children = fs.existsSync(file)
      ? fs.readFileSync(file, "utf8").trim().split(/\s+/).filter(Boolean).map(Number)
      : [];
    return [pid, ...children.flatMap(family)];
  };
  const peaks = family(app.pid).map((pid) => {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  });
  return Math.max(...peaks);
}
