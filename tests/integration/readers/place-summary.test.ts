import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCharter } from "~/charter/content";
import { DEMO_PASSWORD } from "../../../db/seed/demo-ics";
import { type RunningApp, startApp } from "../../setup/start-app";
import { makeTempDir } from "../../setup/temp";
import { signIn, visit, type Visitor } from "../../support/http";

/**
 * The place summary of Morecambe Bay for a month set by hand: A moved up to
 * bronze, B moved down from gold to silver, C has a draft, every other
 * organisation of the place made no return.
 */
const charter = loadCharter();
const ALL = charter.domains.flatMap((d) => d.components.map((c) => c.id));
const ONE_EACH = ["1.1", "2.1", "3.1", "4.1", "5.1", "6.1"];
const TWO_EACH = [...ONE_EACH, "1.2", "2.2", "3.2", "4.2", "5.2", "6.2"];

const temp = makeTempDir();
const file = `${temp.dir}/app.db`;
let app: RunningApp;
let placeLead: Visitor;
let steering: Visitor;
const f = {} as {
  place: number;
  month: { id: number; label: string };
  before: { id: number; label: string };
  names: string[];
  total: number;
};

function setMonth() {
  const db = new Database(file);
  const place = (
    db.prepare("select id from place where name = 'Morecambe Bay'").get() as { id: number }
  ).id;
  const organisations = db
    .prepare(
      "select id, name from organisation where place_id = ? or place_id is null order by name",
    )
    .all(place) as Array<{ id: number; name: string }>;
  const [month, before] = db
    .prepare("select id, label from assessment_period order by starts_on desc limit 1 offset 1")
    .all()
    .concat(
      db
        .prepare("select id, label from assessment_period order by starts_on desc limit 1 offset 2")
        .all(),
    ) as Array<{
    id: number;
    label: string;
  }>;
  const ids = organisations.map((o) => o.id);
  const marks = ids.map(() => "?").join(",");
  for (const period of [month!, before!]) {
    db.prepare(`delete from assessment where period_id = ? and organisation_id in (${marks})`).run(
      period.id,
      ...ids,
    );
  }
  const assess = (
    organisationId: number,
    periodId: number,
    status: string,
    fulfilled: string[],
  ) => {
    const { lastInsertRowid } = db
      .prepare(
        "insert into assessment (organisation_id, period_id, charter_version, status, submitted_at) values (?, ?, ?, ?, ?)",
      )
      .run(
        organisationId,
        periodId,
        charter.version,
        status,
        status === "submitted" ? "2026-05-31T12:00:00.000Z" : null,
      );
    for (const componentId of ALL) {
      db.prepare(
        "insert into component_answer (assessment_id, component_id, status, opportunities) values (?, ?, ?, '')",
      ).run(
        lastInsertRowid,
        componentId,
        fulfilled.includes(componentId) ? "fulfilled" : "in_progress",
      );
    }
  };
  const [a, b, c] = organisations;
  assess(a!.id, month!.id, "submitted", ONE_EACH);
  assess(a!.id, before!.id, "submitted", ["1.1"]);
  assess(b!.id, month!.id, "submitted", TWO_EACH);
  assess(b!.id, before!.id, "submitted", [...TWO_EACH, "3.3"]);
  assess(c!.id, month!.id, "draft", ALL);
  db.close();
  Object.assign(f, {
    place,
    month,
    before,
    names: organisations.map((o) => o.name),
    total: organisations.length,
  });
}

beforeAll(async () => {
  app = await startApp({ DATABASE_URL: `file:${file}` });
  setMonth();
  placeLead = await signIn(app.url, "place.lead@example.com", DEMO_PASSWORD);
  steering = await signIn(app.url, "steering@example.com", DEMO_PASSWORD);
}, 60_000);

afterAll(async () => {
  await app?.stop();
  temp.cleanup();
});

const text = (html: string) =>
  html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");

describe("the place summary for a chosen month", () => {
  it("says who has submitted, what levels they hold, and what moved since the month before", async () => {
    const page = await visit(app.url, `/places/${f.place}?period=${f.month.id}`, {
      visitor: placeLead,
    });
    expect(page.status).toBe(200);
    const body = text(await page.text());
    expect(body).toContain(`2 of ${f.total} organisations have submitted for ${f.month.label}`);
    expect(body).toContain(`No return this period ${f.total - 3} —`);
    expect(body).toContain("Not yet submitted 1 —");
    expect(body).toContain("Bronze 1 0");
    expect(body).toContain("Silver 1 0");
    expect(body).toContain("Gold 0 0");
    expect(body).toContain(`${f.names[0]} Submitted`);
    expect(body).toContain("Level up; newly fulfilled 2.1, 3.1, 4.1, 5.1, 6.1");
    expect(body).toContain("Level down; no longer fulfilled 3.3");
    expect(body).toMatch(new RegExp(`${f.names[2]}( \\(system-wide\\))? Draft`));
    // B is one component (3.3 or 3.4) from gold; A needs more than one.
    expect(body).toContain("Fulfilling 3.3");
    expect(body).toMatch(/1\.3 [^:]+: fulfilled by 0 of 2 \(0%\)/);
  });

  it("the same figures download as CSV, for the steering group too", async () => {
    const levels = await visit(
      app.url,
      `/places/${f.place}/summary.csv?table=levels&period=${f.month.id}`,
      {
        visitor: steering,
      },
    );
    expect(levels.status).toBe(200);
    expect(levels.headers.get("content-type")).toMatch(/^text\/csv/);
    const bytes = new Uint8Array(await levels.arrayBuffer());
    // A byte-order mark, so Excel reads the names as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv).toContain(`"No return this period","${f.total - 3}"`);
    expect(csv).toContain('"Bronze","1","0"');
    const returns = await (
      await visit(app.url, `/places/${f.place}/summary.csv?table=returns&period=${f.month.id}`, {
        visitor: steering,
      })
    ).text();
    expect(returns.split("\r\n")).toHaveLength(f.total + 2);
    expect(returns).toContain('"down"');
    const unknown = await visit(app.url, `/places/${f.place}/summary.csv?table=secrets`, {
      visitor: steering,
    });
    expect(unknown.status).toBe(404);
  });

  it("a period that is not the place's falls back, and says so", async () => {
    const body = text(
      await (
        await visit(app.url, `/places/${f.place}?period=999999`, { visitor: placeLead })
      ).text(),
    );
    expect(body).toContain("That reporting period is not one of this place's");
  });

  it("with no period asked for, shows the latest month anyone submitted", async () => {
    const body = text(
      await (await visit(app.url, `/places/${f.place}`, { visitor: placeLead })).text(),
    );
    expect(body).toMatch(/organisations have submitted for /);
  });
});
