import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import type { Kysely } from "kysely";
import type { Database, Session, User } from "../../db/schema";

// Sessions as in the Lucia guide (lucia-auth.com/sessions): the browser holds a
// random token, the database holds only its SHA-256, so a leaked copy of the
// session table signs no one in.

const TOKEN_BYTES = 20; // 160 bits: well above the 128 an unguessable token needs.
// last_seen_at only moves if older than this, so a burst of requests is one write.
// The price: the idle timeout may end up to this much early, which errs safe.
const LAST_SEEN_RESOLUTION_MS = 60_000;

export function generateSessionToken(): string {
  const bytes = new Uint8Array(TOKEN_BYTES);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(
  db: Kysely<Database>,
  args: {
    token: string;
    userId: number;
    now: Date;
    twoFactorVerified: boolean;
    absoluteHours: number;
  },
): Promise<Session> {
  const expiresAt = new Date(args.now.getTime() + args.absoluteHours * 3_600_000);
  return db
    .insertInto("session")
    .values({
      id: sessionIdFromToken(args.token),
      user_id: args.userId,
      created_at: args.now.toISOString(),
      last_seen_at: args.now.toISOString(),
      expires_at: expiresAt.toISOString(),
      two_factor_verified: args.twoFactorVerified ? 1 : 0,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * The session and its user, or null when the token matches no session, the
 * session has passed its absolute or idle expiry, or the user is deactivated.
 * A refused session is deleted, so it can never come back.
 */
export async function validateSessionToken(
  db: Kysely<Database>,
  args: { token: string; now: Date; idleMinutes: number },
): Promise<{ session: Session; user: User } | null> {
  const found = await readSession(db, args);
  return found.kind === "valid" ? { session: found.session, user: found.user } : null;
}

export type SessionLookup =
  | { kind: "valid"; session: Session; user: User }
  /** It was a session of this person, and it has just ended: idle, or past its absolute expiry. */
  | { kind: "ended"; userId: number; reason: "idle" | "expired" }
  | { kind: "none" };

/**
 * As validateSessionToken, saying also whose session has just ended (a form
 * posted after the idle limit is held for that person, and the sign-in page
 * says why they were signed out). `touch: false` reads without counting as
 * activity and without ending anything: the idle warning asks how long is
 * left, and asking must not keep the session alive.
 */
export async function readSession(
  db: Kysely<Database>,
  args: { token: string; now: Date; idleMinutes: number; touch?: boolean },
): Promise<SessionLookup> {
  const touch = args.touch ?? true;
  const sessionId = sessionIdFromToken(args.token);
  const session = await db
    .selectFrom("session")
    .selectAll()
    .where("id", "=", sessionId)
    .executeTakeFirst();
  if (!session) return { kind: "none" };
  const user = await db
    .selectFrom("app_user")
    .selectAll()
    .where("id", "=", session.user_id)
    .executeTakeFirst();

  const now = args.now.getTime();
  const lastSeen = Date.parse(session.last_seen_at);
  const idleExpiry = lastSeen + args.idleMinutes * 60_000;
  const pastAbsolute = now >= Date.parse(session.expires_at);
  const expired = pastAbsolute || now >= idleExpiry;
  if (!user || user.deactivated_at !== null || expired) {
    if (touch) await invalidateSession(db, { sessionId });
    if (user && user.deactivated_at === null) {
      return { kind: "ended", userId: user.id, reason: pastAbsolute ? "expired" : "idle" };
    }
    return { kind: "none" };
  }

  if (touch && now - lastSeen > LAST_SEEN_RESOLUTION_MS) {
    const lastSeenAt = args.now.toISOString();
    await db
      .updateTable("session")
      .set({ last_seen_at: lastSeenAt })
      .where("id", "=", sessionId)
      .execute();
    return { kind: "valid", session: { ...session, last_seen_at: lastSeenAt }, user };
  }
  return { kind: "valid", session, user };
}

export async function markSessionTwoFactorVerified(
  db: Kysely<Database>,
  args: { sessionId: string },
): Promise<void> {
  await db
    .updateTable("session")
    .set({ two_factor_verified: 1 })
    .where("id", "=", args.sessionId)
    .execute();
}

export async function invalidateSession(
  db: Kysely<Database>,
  args: { sessionId: string },
): Promise<void> {
  await db.deleteFrom("session").where("id", "=", args.sessionId).execute();
}

/** Ends every session a user has (sign out everywhere, deactivation, password change). */
export async function invalidateUserSessions(
  db: Kysely<Database>,
  args: { userId: number },
): Promise<number> {
  const result = await db
    .deleteFrom("session")
    .where("user_id", "=", args.userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Housekeeping: sessions past their absolute or idle expiry, which can never be used again. */
export async function deleteExpiredSessions(
  db: Kysely<Database>,
  args: { now: Date; idleMinutes: number },
): Promise<number> {
  const idleSince = new Date(args.now.getTime() - args.idleMinutes * 60_000).toISOString();
  const result = await db
    .deleteFrom("session")
    .where((eb) =>
      eb.or([eb("expires_at", "<=", args.now.toISOString()), eb("last_seen_at", "<=", idleSince)]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
