import SQLite from "better-sqlite3";
import { Kysely, sql, SqliteDialect } from "kysely";
import { afterEach, describe, expect, it, vi } from "vitest";
import { withStatementCache } from "../../../db/statement-cache";

describe("the SQLite statement cache", () => {
  let raw: SQLite.Database;
  afterEach(() => raw?.open && raw.close());

  it("prepares each SQL text once and answers the same as a fresh statement", async () => {
    raw = new SQLite(":memory:");
    const prepare = vi.spyOn(raw, "prepare");
    const db = new Kysely<{ t: { id: number; name: string } }>({
      dialect: new SqliteDialect({ database: withStatementCache(raw) }),
    });
    await sql`create table t (id integer primary key, name text)`.execute(db);
    for (let i = 1; i <= 5; i++)
      await db
        .insertInto("t")
        .values({ id: i, name: `n${i}` })
        .execute();
    const byId = (id: number) =>
      db.selectFrom("t").select("name").where("id", "=", id).executeTakeFirst();
    expect(await byId(2)).toEqual({ name: "n2" });
    expect(await byId(4)).toEqual({ name: "n4" });
    const texts = prepare.mock.calls.map(([text]) => text);
    // One create, one insert text for five inserts, one select text for two selects.
    expect(texts.length).toBe(3);
    expect(new Set(texts).size).toBe(3);
    await db.destroy();
  });

  it("drops the least recently used statement beyond its bound", () => {
    raw = new SQLite(":memory:");
    const prepare = vi.spyOn(raw, "prepare");
    const cached = withStatementCache(raw, 2);
    cached.prepare("select 1");
    cached.prepare("select 2");
    cached.prepare("select 1"); // now the most recent
    cached.prepare("select 3"); // evicts "select 2"
    cached.prepare("select 1");
    cached.prepare("select 2");
    expect(prepare.mock.calls.map(([text]) => text)).toEqual([
      "select 1",
      "select 2",
      "select 3",
      "select 2",
    ]);
  });

  it("keeps working when a migration changes the table under a cached statement", async () => {
    raw = new SQLite(":memory:");
    const db = new Kysely<{ t: { id: number } }>({
      dialect: new SqliteDialect({ database: withStatementCache(raw) }),
    });
    await sql`create table t (id integer primary key)`.execute(db);
    await db.insertInto("t").values({ id: 1 }).execute();
    const all = () => sql<Record<string, unknown>>`select * from t`.execute(db);
    expect((await all()).rows).toEqual([{ id: 1 }]);
    await sql`alter table t add column note text`.execute(db);
    expect((await all()).rows).toEqual([{ id: 1, note: null }]);
    await db.destroy();
  });

  it("streams through a cached statement and can stream it again", async () => {
    raw = new SQLite(":memory:");
    const db = new Kysely<{ t: { id: number } }>({
      dialect: new SqliteDialect({ database: withStatementCache(raw) }),
    });
    await sql`create table t (id integer primary key)`.execute(db);
    await db
      .insertInto("t")
      .values([{ id: 1 }, { id: 2 }, { id: 3 }])
      .execute();
    for (let round = 0; round < 2; round++) {
      const seen: number[] = [];
      for await (const row of db.selectFrom("t").select("id").orderBy("id").stream()) {
        seen.push(row.id);
        if (round === 1 && row.id === 2) break; // a stream left early frees its statement
      }
      expect(seen).toEqual(round === 0 ? [1, 2, 3] : [1, 2]);
    }
    expect(await db.selectFrom("t").select("id").orderBy("id").execute()).toHaveLength(3);
    await db.destroy();
  });
});
