import { DEMO_PASSWORD } from "../../../db/seed/demo-ics";
import { generousAttemptLimits, startApp, type RunningApp } from "../../setup/start-app";
import { createTestDatabase, type TestSql } from "../../setup/database";
import { lookup, signIn, visit, type Visitor } from "../../support/http";

export const UHMB = "University Hospitals of Morecambe Bay NHS Foundation Trust";
export const BLACKPOOL = "Blackpool Teaching Hospitals NHS Foundation Trust";
export const SECOND_CHAMPION = "second.champion@example.com";

/** A champion of the organisation, signing in with the demo password (test databases only). */
export async function addChampion(
  db: TestSql,
  person: { email: string; name: string; organisationId: number },
) {
  const { password_hash } = await db.one<{ password_hash: string }>(
    "select password_hash from app_user where email = 'champion@example.com'",
  );
  const user = await db.one<{ id: number }>(
    "insert into app_user (email, name, password_hash, is_demo) values (?, ?, ?, 1) returning id",
    person.email,
    person.name,
    password_hash,
  );
  await db.run(
    "insert into role_assignment (user_id, role, organisation_id) values (?, ?, ?)",
    user.id,
    "champion",
    person.organisationId,
  );
}

/**
 * A running app on fresh demo data where neither trust has started the open
 * month and their earlier months carry no plan (principles, actions) and no
 * verification into it, plus a second UHMB champion so two people can edit the same sheet at once.
 */
export async function startSheetApp(env: Record<string, string> = {}) {
  const database = await createTestDatabase();
  const app: RunningApp = await startApp({ ...database.env, ...generousAttemptLimits, ...env });
  const read = lookup(database.url);
  const uhmb = await read.organisationId(UHMB);
  const blackpool = await read.organisationId(BLACKPOOL);
  const openPeriod = (
    await read.row<{ id: number }>("select id from assessment_period where status = 'open'")
  ).id;
  await read.run(
    "delete from assessment where period_id = ? and organisation_id in (?, ?)",
    openPeriod,
    uhmb,
    blackpool,
  );
  // Their earlier months' plans would be carried into the month a test starts: it starts bare.
  const theirs = "select id from assessment where organisation_id in (?, ?)";
  await read.run(
    `delete from domain_principles where assessment_id in (${theirs})`,
    uhmb,
    blackpool,
  );
  await read.run(
    `delete from progression_action where component_answer_id in
     (select id from component_answer where assessment_id in (${theirs}))`,
    uhmb,
    blackpool,
  );
  // Nor does a verification of theirs carry into it (ADR 039): its reviews are each test's own.
  await read.run(
    `delete from component_review where component_answer_id in
     (select id from component_answer where assessment_id in (${theirs}))`,
    uhmb,
    blackpool,
  );
  await addChampion(read, {
    email: SECOND_CHAMPION,
    name: "Demonstration second champion",
    organisationId: uhmb,
  });

  const sheetOf = (organisationId: number, periodId = openPeriod) =>
    `/organisations/${organisationId}/periods/${periodId}`;
  const componentOf = (organisationId: number, componentId: string, periodId = openPeriod) =>
    `${sheetOf(organisationId, periodId)}/components/${componentId}`;
  return {
    app,
    database,
    read,
    uhmb,
    blackpool,
    openPeriod,
    sheetOf,
    /** A component's own page of the month (ADR 026). */
    componentOf,
    signInAs: (email: string) => signIn(app.url, email, DEMO_PASSWORD),
    post: (visitor: Visitor, path: string, form: Record<string, string>) =>
      visit(app.url, path, { visitor: { ...visitor }, method: "POST", form }),
    get: (visitor: Visitor, path: string) => visit(app.url, path, { visitor: { ...visitor } }),
    assessmentOf: async (organisationId: number) =>
      (
        await read.all<{ id: number; status: string }>(
          "select id, status from assessment where organisation_id = ? and period_id = ?",
          organisationId,
          openPeriod,
        )
      )[0],
    answer: async (assessmentId: number, componentId: string) =>
      await read.row<{ id: number; status: string; opportunities: string; version: number }>(
        "select id, status, opportunities, version from component_answer where assessment_id = ? and component_id = ?",
        assessmentId,
        componentId,
      ),
    async stop() {
      await read.close();
      await app.stop();
      await database.cleanup();
    },
  };
}

export type SheetApp = Awaited<ReturnType<typeof startSheetApp>>;
