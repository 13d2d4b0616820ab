import { loadCharter } from "~/charter/content";
import { DEMO_PASSWORD } from "../../../db/seed/demo-ics";
import { generousAttemptLimits, type RunningApp, startApp } from "../../setup/start-app";
import { createTestDatabase, openSql } from "../../setup/database";
import { signIn, type Visitor } from "../../support/http";

/**
 * Demo data with Morecambe Bay's returns (and the system-wide ones) replaced
 * by hand: in the last closed month A (the first organisation by name) moved
 * up to bronze, B moved down from gold to silver (lost 3.3), C has a draft,
 * every other organisation made no return, in that month or any other.
 */
export const charter = loadCharter();
export const ALL = charter.domains.flatMap((d) => d.components.map((c) => c.id));
export const ONE_EACH = ["1.1", "2.1", "3.1", "4.1", "5.1", "6.1"];
export const TWO_EACH = [...ONE_EACH, "1.2", "2.2", "3.2", "4.2", "5.2", "6.2"];

export type ReadersFixture = {
  app: RunningApp;
  /** The app's database, for tests that look up what the fixture did not set (another place). */
  databaseUrl: string;
  place: number;
  month: { id: number; label: string };
  before: { id: number; label: string };
  organisations: Array<{ id: number; name: string }>;
  total: number;
  signInAs: (email: string) => Promise<Visitor>;
  stop: () => Promise<void>;
};

export async function startReadersApp(): Promise<ReadersFixture> {
  const database = await createTestDatabase();
  const app = await startApp({ ...database.env, ...generousAttemptLimits });
  const db = openSql(database.url);
  const place = (await db.one<{ id: number }>("select id from place where name = 'Morecambe Bay'"))
    .id;
  const organisations = await db.all<{ id: number; name: string }>(
    "select id, name from organisation where place_id = ? or place_id is null order by name",
    place,
  );
  const [month, before] = await db.all<{ id: number; label: string }>(
    "select id, label from assessment_period order by starts_on desc limit 2 offset 1",
  );
  const ids = organisations.map((o) => o.id);
  const marks = ids.map(() => "?").join(",");
  // The place's whole history goes: the figures below are these returns alone.
  const theirs = `select id from assessment where organisation_id in (${marks})`;
  await db.run(`delete from assessment_submission where assessment_id in (${theirs})`, ...ids);
  await db.run(`delete from assessment where organisation_id in (${marks})`, ...ids);
  const submitter = (
    await db.one<{ id: number }>("select id from app_user where email = 'champion@example.com'")
  ).id;
  const assess = async (
    organisationId: number,
    periodId: number,
    status: string,
    fulfilled: string[],
    level: string | null = null,
  ) => {
    const { id } = await db.one<{ id: number }>(
      "insert into assessment (organisation_id, period_id, charter_version, status, submitted_at) values (?, ?, ?, ?, ?) returning id",
      organisationId,
      periodId,
      charter.version,
      status,
      status === "submitted" ? "2026-05-31T12:00:00.000Z" : null,
    );
    for (const componentId of ALL) {
      await db.run(
        "insert into component_answer (assessment_id, component_id, status, opportunities) values (?, ?, ?, '')",
        id,
        componentId,
        fulfilled.includes(componentId) ? "fulfilled" : "in_progress",
      );
    }
    // As the app does on submit: the submission, with the level it earned, frozen.
    if (status === "submitted") {
      await db.run(
        "insert into assessment_submission (assessment_id, submitted_by, level, snapshot) values (?, ?, ?, '{}')",
        id,
        submitter,
        level,
      );
    }
    return Number(id);
  };
  const [a, b, c] = organisations;
  const aMonth = await assess(a!.id, month!.id, "submitted", ONE_EACH, "bronze");
  await assess(a!.id, before!.id, "submitted", ["1.1"]);
  await assess(b!.id, month!.id, "submitted", TWO_EACH, "silver");
  await assess(b!.id, before!.id, "submitted", [...TWO_EACH, "3.3"], "gold");
  await assess(c!.id, month!.id, "draft", ALL);
  // A's plan: one action overdue, one not.
  const answer = (
    await db.one<{ id: number }>(
      "select id from component_answer where assessment_id = ? and component_id = '1.2'",
      aMonth,
    )
  ).id;
  const action =
    "insert into progression_action (component_answer_id, description, owner, target_date) values (?, ?, ?, ?)";
  await db.run(action, answer, "Start an apprenticeship scheme", "Jo Bloggs", "2020-01-31");
  await db.run(action, answer, "Recruit a careers lead", null, "2099-12-31");
  await db.close();
  return {
    app,
    databaseUrl: database.url,
    place,
    month: month!,
    before: before!,
    organisations,
    total: organisations.length,
    signInAs: (email) => signIn(app.url, email, DEMO_PASSWORD),
    async stop() {
      await app.stop();
      await database.cleanup();
    },
  };
}

/** A page's text as a reader sees it: tags gone, React's separators and apostrophes undone. */
export const pageText = (html: string) =>
  html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");
