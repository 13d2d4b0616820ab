import { beforeEach, describe, expect, it } from "vitest";
import {
  checkOneTimeToken,
  consumeOneTimeToken,
  createOneTimeToken,
  revokeOneTimeTokens,
} from "~/models/one-time-tokens.server";
import type { createDatabase } from "../../../db/dialect";
import { freshDatabasePerTest } from "../../setup/database";

const fresh = freshDatabasePerTest();
let db: ReturnType<typeof createDatabase>;
let inviteeId: number;
let adminId: number;

const sentAt = new Date("2026-11-23T09:00:00Z");
const minutesLater = (minutes: number) => new Date(sentAt.getTime() + minutes * 60_000);

beforeEach(async () => {
  db = fresh.db;
  const users = await db
    .insertInto("app_user")
    .values([
      { email: "priya.shah@example.nhs.uk", name: "Priya Shah" },
      { email: "admin@example.nhs.uk", name: "Alex Admin" },
    ])
    .returning("id")
    .execute();
  [inviteeId, adminId] = users.map((u) => u.id) as [number, number];
});

const invite = (ttlMinutes = 60) =>
  createOneTimeToken(db, {
    purpose: "invitation",
    userId: inviteeId,
    createdBy: adminId,
    now: sentAt,
    ttlMinutes,
  });
const use = (token: string, now = minutesLater(5)) =>
  consumeOneTimeToken(db, { token, purpose: "invitation", now });
const look = (token: string, now = minutesLater(5)) =>
  checkOneTimeToken(db, { token, purpose: "invitation", now });

describe("a one-time link", () => {
  it("is 160 bits of base32, and the database keeps only its hash", async () => {
    const token = await invite();
    expect(token).toMatch(/^[a-z2-7]{32}$/);
    expect(await invite()).not.toBe(token);

    const stored = await db.selectFrom("one_time_token").selectAll().execute();
    expect(stored).toHaveLength(2);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0]).toMatchObject({ created_by: adminId, user_id: inviteeId, used_at: null });
  });

  it("works once, for the person it was made for; the second use is told it was used", async () => {
    const token = await invite();
    const first = await use(token);
    expect(first).toEqual({ ok: true, userId: inviteeId, tokenId: expect.any(Number) });
    expect(await use(token, minutesLater(6))).toEqual({ ok: false, reason: "used" });
    expect(await look(token, minutesLater(6))).toEqual({ ok: false, reason: "used" });
  });

  it("can be looked at any number of times without being used up", async () => {
    const token = await invite();
    expect(await look(token)).toMatchObject({ ok: true, userId: inviteeId });
    expect(await look(token)).toMatchObject({ ok: true, userId: inviteeId });
    expect(await use(token)).toMatchObject({ ok: true });
  });

  it("stops working when it expires", async () => {
    const token = await invite(60);
    expect(await look(token, minutesLater(59))).toMatchObject({ ok: true });
    expect(await look(token, minutesLater(60))).toEqual({ ok: false, reason: "expired" });
    expect(await use(token, minutesLater(61))).toEqual({ ok: false, reason: "expired" });
    const row = await db.selectFrom("one_time_token").select("used_at").executeTakeFirst();
    expect(row?.used_at).toBeNull();
  });

  it("is unknown when any character is changed, or when it is used for another purpose", async () => {
    const token = await invite();
    const last = token.slice(-1);
    const tampered = token.slice(0, -1) + (last === "a" ? "b" : "a");
    expect(await use(tampered)).toEqual({ ok: false, reason: "unknown" });
    expect(
      await consumeOneTimeToken(db, { token, purpose: "password_reset", now: minutesLater(5) }),
    ).toEqual({ ok: false, reason: "unknown" });
    expect(await use(token)).toMatchObject({ ok: true });
  });

  it.each([
    ["empty", ""],
    ["too long", "a".repeat(10_000)],
    ["upper case", "A".repeat(32)],
    ["odd characters", "'; drop table one_time_token; --"],
  ])("is unknown when the input is %s", async (_, input) => {
    await invite();
    expect(await look(input)).toEqual({ ok: false, reason: "unknown" });
    expect(await use(input)).toEqual({ ok: false, reason: "unknown" });
  });

  it("lets only one of two simultaneous uses succeed", async () => {
    const token = await invite();
    // A second connection, as a second server process would have.
    const other = fresh.database.open();
    try {
      const results = await Promise.all([
        use(token),
        consumeOneTimeToken(other, { token, purpose: "invitation", now: minutesLater(5) }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "used" }]);
    } finally {
      await other.destroy();
    }
  });

  it("is ended when a new invitation replaces it, leaving other people's links alone", async () => {
    const old = await invite();
    const reset = await createOneTimeToken(db, {
      purpose: "password_reset",
      userId: inviteeId,
      createdBy: null,
      now: sentAt,
      ttlMinutes: 60,
    });
    const adminsInvite = await createOneTimeToken(db, {
      purpose: "invitation",
      userId: adminId,
      createdBy: null,
      now: sentAt,
      ttlMinutes: 60,
    });

    await revokeOneTimeTokens(db, {
      userId: inviteeId,
      purpose: "invitation",
      now: minutesLater(1),
    });
    const replacement = await createOneTimeToken(db, {
      purpose: "invitation",
      userId: inviteeId,
      createdBy: adminId,
      now: minutesLater(1),
      ttlMinutes: 60,
    });

    expect(await use(old)).toEqual({ ok: false, reason: "expired" });
    expect(await use(replacement)).toMatchObject({ ok: true, userId: inviteeId });
    expect(await use(adminsInvite)).toMatchObject({ ok: true, userId: adminId });
    expect(
      await checkOneTimeToken(db, {
        token: reset,
        purpose: "password_reset",
        now: minutesLater(5),
      }),
    ).toMatchObject({ ok: true });
  });
});
