import { beforeEach, describe, expect, it } from "vitest";
import {
  createSession,
  deleteExpiredSessions,
  generateSessionToken,
  invalidateSession,
  invalidateUserSessions,
  markSessionTwoFactorVerified,
  sessionIdFromToken,
  validateSessionToken,
} from "~/models/sessions.server";
import { type createDatabase } from "../../../db/dialect";
import { freshDatabasePerTest } from "../../setup/database";

const fresh = freshDatabasePerTest();
let db: ReturnType<typeof createDatabase>;

beforeEach(async () => {
  db = fresh.db;
});

const signedInAt = new Date("2026-11-23T09:00:00Z");
const idleMinutes = 30;
const absoluteHours = 12;
const MINUTE = 60_000;
const at = (msAfterSignIn: number) => new Date(signedInAt.getTime() + msAfterSignIn);

async function addUser(email: string) {
  const { id } = await db
    .insertInto("app_user")
    .values({ email, name: email.split("@")[0] ?? email })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

async function signIn(userId: number, options: { twoFactorVerified?: boolean } = {}) {
  const token = generateSessionToken();
  const session = await createSession(db, {
    token,
    userId,
    now: signedInAt,
    twoFactorVerified: options.twoFactorVerified ?? true,
    absoluteHours,
  });
  return { token, session };
}

const check = (token: string, now: Date) => validateSessionToken(db, { token, now, idleMinutes });

async function sessionRowExists(token: string) {
  const row = await db
    .selectFrom("session")
    .select("id")
    .where("id", "=", sessionIdFromToken(token))
    .executeTakeFirst();
  return row !== undefined;
}

describe("signing in", () => {
  it("stores the SHA-256 of the token and never the token itself", async () => {
    const { token, session } = await signIn(await addUser("sam@nhs.example"));
    const rows = await db.selectFrom("session").selectAll().execute();
    expect(rows).toEqual([session]);
    expect(session.id).toBe(sessionIdFromToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(session.expires_at).toBe("2026-11-23T21:00:00.000Z");
  });

  it("knows nothing of a token it never issued", async () => {
    await signIn(await addUser("sam@nhs.example"));
    expect(await check(generateSessionToken(), signedInAt)).toBeNull();
  });
});

describe("an idle session", () => {
  it("is still valid just before the idle limit, and gone just after it", async () => {
    const userId = await addUser("sam@nhs.example");
    const early = await signIn(userId);
    const late = await signIn(userId);

    const justBefore = await check(early.token, at(idleMinutes * MINUTE - 1));
    expect(justBefore?.user.email).toBe("sam@nhs.example");

    expect(await check(late.token, at(idleMinutes * MINUTE))).toBeNull();
    expect(await sessionRowExists(late.token)).toBe(false);
  });

  it("records activity at most once a minute, so a burst of requests is not a burst of writes", async () => {
    const { token } = await signIn(await addUser("sam@nhs.example"));
    const soon = await check(token, at(30_000));
    expect(soon?.session.last_seen_at).toBe(signedInAt.toISOString());
    const later = await check(token, at(61_000));
    expect(later?.session.last_seen_at).toBe(at(61_000).toISOString());
    const stored = await db.selectFrom("session").select("last_seen_at").executeTakeFirst();
    expect(stored?.last_seen_at).toBe(at(61_000).toISOString());
  });
});

describe("an active session", () => {
  it("is kept alive by activity, but never past its absolute lifetime", async () => {
    const { token } = await signIn(await addUser("sam@nhs.example"));
    const lifetime = absoluteHours * 60 * MINUTE;
    for (let elapsed = 20 * MINUTE; elapsed < lifetime; elapsed += 20 * MINUTE) {
      expect(await check(token, at(elapsed)), `after ${elapsed / MINUTE} min`).not.toBeNull();
    }
    expect(await check(token, at(lifetime - 1))).not.toBeNull();

    expect(await check(token, at(lifetime))).toBeNull();
    expect(await sessionRowExists(token)).toBe(false);
  });
});

describe("the second factor", () => {
  it("is recorded on the session once passed", async () => {
    const { token, session } = await signIn(await addUser("sam@nhs.example"), {
      twoFactorVerified: false,
    });
    expect((await check(token, signedInAt))?.session.two_factor_verified).toBe(0);
    await markSessionTwoFactorVerified(db, { sessionId: session.id });
    expect((await check(token, signedInAt))?.session.two_factor_verified).toBe(1);
  });
});

describe("ending sessions", () => {
  it("refuses, and deletes, the session of a deactivated user", async () => {
    const userId = await addUser("leaver@nhs.example");
    const { token } = await signIn(userId);
    await db
      .updateTable("app_user")
      .set({ deactivated_at: at(MINUTE).toISOString() })
      .where("id", "=", userId)
      .execute();
    expect(await check(token, at(2 * MINUTE))).toBeNull();
    expect(await sessionRowExists(token)).toBe(false);
  });

  it("signs out one session without touching the person's others", async () => {
    const userId = await addUser("sam@nhs.example");
    const laptop = await signIn(userId);
    const phone = await signIn(userId);
    await invalidateSession(db, { sessionId: laptop.session.id });
    expect(await check(laptop.token, signedInAt)).toBeNull();
    expect(await check(phone.token, signedInAt)).not.toBeNull();
  });

  it("signs a person out everywhere, and no one else", async () => {
    const sam = await addUser("sam@nhs.example");
    const alex = await addUser("alex@nhs.example");
    const samsSessions = [await signIn(sam), await signIn(sam), await signIn(sam)];
    const alexsSession = await signIn(alex);

    expect(await invalidateUserSessions(db, { userId: sam })).toBe(3);
    for (const { token } of samsSessions) expect(await check(token, signedInAt)).toBeNull();
    expect((await check(alexsSession.token, signedInAt))?.user.id).toBe(alex);
    expect(await invalidateUserSessions(db, { userId: sam })).toBe(0);
  });
});

describe("housekeeping of sessions", () => {
  it("deletes every session past its idle or absolute expiry, and only those", async () => {
    const userId = await addUser("kept@example.com");
    const fresh = await signIn(userId);
    const idle = await signIn(userId);
    const old = await signIn(userId);
    // fresh was used a minute before the sweep; idle 31 minutes before; old is past its lifetime.
    const sweepAt = at(absoluteHours * 60 * MINUTE - 5 * MINUTE);
    await db
      .updateTable("session")
      .set({ last_seen_at: new Date(sweepAt.getTime() - MINUTE).toISOString() })
      .where("id", "=", fresh.session.id)
      .execute();
    await db
      .updateTable("session")
      .set({ last_seen_at: new Date(sweepAt.getTime() - 31 * MINUTE).toISOString() })
      .where("id", "=", idle.session.id)
      .execute();
    await db
      .updateTable("session")
      .set({ last_seen_at: sweepAt.toISOString(), expires_at: sweepAt.toISOString() })
      .where("id", "=", old.session.id)
      .execute();

    const removed = await deleteExpiredSessions(db, { now: sweepAt, idleMinutes });

    expect(removed).toBe(2);
    expect(await sessionRowExists(fresh.token)).toBe(true);
    expect(await sessionRowExists(idle.token)).toBe(false);
    expect(await sessionRowExists(old.token)).toBe(false);
  });

  it("keeps a session idle for exactly less than the timeout", async () => {
    const userId = await addUser("edge@example.com");
    const { token, session } = await signIn(userId);
    const sweepAt = new Date(Date.parse(session.last_seen_at) + idleMinutes * MINUTE - 1);
    expect(await deleteExpiredSessions(db, { now: sweepAt, idleMinutes })).toBe(0);
    expect(await sessionRowExists(token)).toBe(true);
    const justIdle = new Date(Date.parse(session.last_seen_at) + idleMinutes * MINUTE);
    expect(await deleteExpiredSessions(db, { now: justIdle, idleMinutes })).toBe(1);
  });
});
