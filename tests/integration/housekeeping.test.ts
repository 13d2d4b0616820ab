import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runHousekeeping } from "../../server/housekeeping";
import { createTestDatabase, freshDatabasePerTest, openSql } from "../setup/database";
import { startApp } from "../setup/start-app";

const NOW = new Date("2026-11-25T12:00:00.000Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A temporary file as a write killed part-way leaves it, `ageMs` old. */
function leaveUnfinishedWrite(dir: string, ageMs: number, now = NOW) {
  const folder = path.join(dir, "ab", "cd");
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(
    folder,
    `.${Math.random().toString(16).slice(2, 10).padEnd(16, "0")}.part`,
  );
  fs.writeFileSync(file, "half a document");
  const at = new Date(now.getTime() - ageMs);
  fs.utimesSync(file, at, at);
  return file;
}

describe("housekeeping removes what can never be used again, and keeps the rest", () => {
  const state = freshDatabasePerTest();

  it("expired and idle sessions, long-spent links, old counters and abandoned uploads go", async () => {
    const db = state.db;
    const { id: userId } = await db
      .insertInto("app_user")
      .values({ email: "jo@example.com", name: "Jo" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const session = (id: string, lastSeen: string, expires: string) => ({
      id,
      user_id: userId,
      created_at: ago(2 * HOUR),
      last_seen_at: lastSeen,
      expires_at: expires,
      two_factor_verified: 0,
    });
    await db
      .insertInto("session")
      .values([
        session("live", ago(5 * MINUTE), ago(-HOUR)),
        session("idle", ago(31 * MINUTE), ago(-HOUR)),
        session("past-its-lifetime", ago(MINUTE), ago(1)),
      ])
      .execute();
    const token = (hash: string, expires: string, used: string | null) => ({
      token_hash: hash,
      purpose: "invitation" as const,
      user_id: userId,
      created_at: ago(60 * DAY),
      expires_at: expires,
      used_at: used,
    });
    await db
      .insertInto("one_time_token")
      .values([
        token("unused", ago(-DAY), null),
        token("expired-last-week", ago(7 * DAY), null),
        token("expired-long-ago", ago(31 * DAY), null),
        token("used-long-ago", ago(-DAY), ago(31 * DAY)),
      ])
      .execute();
    await db
      .insertInto("rate_limit")
      .values([
        { key: "this-hour", window_start: ago(30 * MINUTE), hits: 3 },
        { key: "yesterday", window_start: ago(25 * HOUR), hits: 9 },
      ])
      .execute();
    const evidenceDir = path.join(state.dir, "evidence");
    const abandoned = leaveUnfinishedWrite(evidenceDir, 2 * HOUR);
    const beingWritten = leaveUnfinishedWrite(evidenceDir, MINUTE);
    const stored = path.join(evidenceDir, "ab", "cd", "a".repeat(64));
    fs.writeFileSync(stored, "a stored document");
    await db
      .insertInto("audit_event")
      .values({ at: ago(400 * DAY), actor_user_id: userId, action: "sign_in" })
      .execute();
    // Issue 21: passkey challenges nobody answered, and forms held past their minutes.
    const challenge = (value: string, expires: string) => ({
      challenge: value,
      purpose: "sign_in" as const,
      user_id: null,
      created_at: ago(HOUR),
      expires_at: expires,
    });
    await db
      .insertInto("webauthn_challenge")
      .values([challenge("answerable", ago(-MINUTE)), challenge("unanswered", ago(MINUTE))])
      .execute();
    const held = (path: string, expires: string) => ({
      user_id: userId,
      path,
      fields: "[]",
      created_at: ago(HOUR),
      expires_at: expires,
    });
    await db
      .insertInto("held_post")
      .values([held("/still-held", ago(-MINUTE)), held("/past-its-minutes", ago(MINUTE))])
      .execute();

    const removed = await runHousekeeping(db, { now: NOW, idleMinutes: 30, evidenceDir });

    expect(removed).toEqual({
      sessions: 2,
      links: 2,
      attemptCounters: 1,
      passkeyChallenges: 1,
      heldPosts: 1,
      unfinishedUploads: 1,
    });
    const challenges = await db.selectFrom("webauthn_challenge").select("challenge").execute();
    expect(challenges.map((c) => c.challenge)).toEqual(["answerable"]);
    const heldPosts = await db.selectFrom("held_post").select("path").execute();
    expect(heldPosts.map((h) => h.path)).toEqual(["/still-held"]);
    expect((await db.selectFrom("session").select("id").execute()).map((r) => r.id)).toEqual([
      "live",
    ]);
    const tokens = await db.selectFrom("one_time_token").select("token_hash").execute();
    expect(tokens.map((t) => t.token_hash).sort()).toEqual(["expired-last-week", "unused"]);
    const counters = await db.selectFrom("rate_limit").select("key").execute();
    expect(counters.map((c) => c.key)).toEqual(["this-hour"]);
    expect(fs.existsSync(abandoned)).toBe(false);
    expect(fs.existsSync(beingWritten)).toBe(true);
    expect(fs.existsSync(stored)).toBe(true);
    // The audit log is the record: never purged.
    expect(await db.selectFrom("audit_event").select("id").execute()).toHaveLength(1);
  });

  it("a missing evidence folder is nothing to sweep", async () => {
    const removed = await runHousekeeping(state.db, {
      now: NOW,
      idleMinutes: 30,
      evidenceDir: path.join(state.dir, "no-such-folder"),
    });
    expect(removed.unfinishedUploads).toBe(0);
  });
});

describe("at start", () => {
  it("housekeeping runs before the first request, and the audit log is indexed by who acted", async () => {
    const database = await createTestDatabase();
    try {
      const first = await startApp(database.env);
      await first.stop();
      const db = openSql(database.url);
      const user = await db.one<{ id: number }>("select id from app_user order by id limit 1");
      await db.run(
        "insert into session (id, user_id, created_at, last_seen_at, expires_at, two_factor_verified) values ('old', ?, ?, ?, ?, 0)",
        user.id,
        "2026-01-01T00:00:00.000Z",
        "2026-01-01T00:00:00.000Z",
        "2026-01-02T00:00:00.000Z",
      );
      const index = await db.maybe<{ sql: string }>(
        db.postgres
          ? "select indexdef as sql from pg_indexes where indexname = 'audit_event_actor_idx'"
          : "select sql from sqlite_master where type = 'index' and name = 'audit_event_actor_idx'",
      );
      expect(index?.sql).toMatch(/actor_user_id/);
      const abandoned = leaveUnfinishedWrite(database.env.EVIDENCE_DIR!, 2 * HOUR, new Date());

      const second = await startApp(database.env);
      await second.stop();
      expect(await db.one("select count(*) as n from session where id = 'old'")).toEqual({ n: 0 });
      await db.close();
      expect(fs.existsSync(abandoned)).toBe(false);
    } finally {
      await database.cleanup();
    }
  });
});
