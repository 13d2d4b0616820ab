import Database from "better-sqlite3";
import { DEMO_PASSWORD } from "../../../db/seed/demo-ics";
import { generousAttemptLimits, startApp, type RunningApp } from "../../setup/start-app";
import { makeTempDir } from "../../setup/temp";
import { lookup, signIn, visit, type Visitor } from "../../support/http";

export const UHMB = "University Hospitals of Morecambe Bay NHS Foundation Trust";
export const BLACKPOOL = "Blackpool Teaching Hospitals NHS Foundation Trust";
export const SECOND_CHAMPION = "second.champion@example.com";

/** A champion of the organisation, signing in with the demo password (test databases only). */
export function addChampion(
  db: Database.Database,
  person: { email: string; name: string; organisationId: number },
) {
  const hash = (
    db.prepare("select password_hash from app_user where email = 'champion@example.com'").get() as {
      password_hash: string;
    }
  ).password_hash;
  const user = db
    .prepare("insert into app_user (email, name, password_hash, is_demo) values (?, ?, ?, 1)")
    .run(person.email, person.name, hash);
  db.prepare("insert into role_assignment (user_id, role, organisation_id) values (?, ?, ?)").run(
    user.lastInsertRowid,
    "champion",
    person.organisationId,
  );
}

/**
 * A running app on fresh demo data where neither trust has started the open
 * month (the demo seed is random about that), plus a second UHMB champion
 * so two people can edit the same sheet at once.
 */
export async function startSheetApp(env: Record<string, string> = {}) {
  const temp = makeTempDir();
  const file = `${temp.dir}/sheet.db`;
  const app: RunningApp = await startApp({
    DATABASE_URL: `file:${file}`,
    ...generousAttemptLimits,
    ...env,
  });
  const db = new Database(file);
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  const orgId = (name: string) =>
    (db.prepare("select id from organisation where name = ?").get(name) as { id: number }).id;
  const uhmb = orgId(UHMB);
  const blackpool = orgId(BLACKPOOL);
  const openPeriod = (
    db.prepare("select id from assessment_period where status = 'open'").get() as { id: number }
  ).id;
  db.prepare("delete from assessment where period_id = ? and organisation_id in (?, ?)").run(
    openPeriod,
    uhmb,
    blackpool,
  );
  addChampion(db, {
    email: SECOND_CHAMPION,
    name: "Demonstration second champion",
    organisationId: uhmb,
  });
  db.close();

  const read = lookup(file);
  const sheetOf = (organisationId: number, periodId = openPeriod) =>
    `/organisations/${organisationId}/periods/${periodId}`;
  return {
    app,
    file,
    read,
    uhmb,
    blackpool,
    openPeriod,
    sheetOf,
    signInAs: (email: string) => signIn(app.url, email, DEMO_PASSWORD),
    post: (visitor: Visitor, path: string, form: Record<string, string>) =>
      visit(app.url, path, { visitor: { ...visitor }, method: "POST", form }),
    get: (visitor: Visitor, path: string) => visit(app.url, path, { visitor: { ...visitor } }),
    assessmentOf: (organisationId: number) =>
      read.all<{ id: number; status: string }>(
        "select id, status from assessment where organisation_id = ? and period_id = ?",
        organisationId,
        openPeriod,
      )[0],
    answer: (assessmentId: number, componentId: string) =>
      read.row<{ id: number; status: string; opportunities: string; version: number }>(
        "select id, status, opportunities, version from component_answer where assessment_id = ? and component_id = ?",
        assessmentId,
        componentId,
      ),
    async stop() {
      read.close();
      await app.stop();
      temp.cleanup();
    },
  };
}

export type SheetApp = Awaited<ReturnType<typeof startSheetApp>>;
