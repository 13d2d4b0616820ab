import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import type { Kysely } from "kysely";
import type { Database, TokenPurpose } from "../../db/schema";

/**
 * Single-use links for invitations and password resets. Only the SHA-256 of a
 * token is stored, so a copy of the database cannot be turned into working
 * links; the raw token exists only in the email.
 */

export type TokenCheck =
  | { ok: true; userId: number; tokenId: number }
  | { ok: false; reason: "unknown" | "expired" | "used" };

// 20 random bytes = 160 bits, which base32 spells in exactly 32 characters.
const TOKEN_BYTES = 20;
const tokenPattern = /^[a-z2-7]{32}$/;

function hashToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Returns the raw token, for the caller to put in a link. */
export async function createOneTimeToken(
  db: Kysely<Database>,
  args: {
    purpose: TokenPurpose;
    userId: number;
    createdBy: number | null;
    now: Date;
    ttlMinutes: number;
  },
): Promise<string> {
  const token = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(TOKEN_BYTES)));
  await db
    .insertInto("one_time_token")
    .values({
      token_hash: hashToken(token),
      purpose: args.purpose,
      user_id: args.userId,
      created_by: args.createdBy,
      created_at: args.now.toISOString(),
      expires_at: new Date(args.now.getTime() + args.ttlMinutes * 60_000).toISOString(),
    })
    .execute();
  return token;
}

/** Looks a token up without using it, so a GET can show the form and only the POST spends it. */
export async function checkOneTimeToken(
  db: Kysely<Database>,
  args: { token: string; purpose: TokenPurpose; now: Date },
): Promise<TokenCheck> {
  // Anything that is not shaped like one of our tokens cannot be one: no lookup needed.
  if (!tokenPattern.test(args.token)) return { ok: false, reason: "unknown" };
  const row = await db
    .selectFrom("one_time_token")
    .select(["id", "user_id", "expires_at", "used_at"])
    .where("token_hash", "=", hashToken(args.token))
    .where("purpose", "=", args.purpose)
    .executeTakeFirst();
  if (!row) return { ok: false, reason: "unknown" };
  if (row.used_at !== null) return { ok: false, reason: "used" };
  if (row.expires_at <= args.now.toISOString()) return { ok: false, reason: "expired" };
  return { ok: true, userId: row.user_id, tokenId: row.id };
}

/**
 * Spends a token. The conditions sit in the UPDATE itself, so of two requests
 * racing with the same link only one can change the row; the loser is told why
 * by a second look.
 */
export async function consumeOneTimeToken(
  db: Kysely<Database>,
  args: { token: string; purpose: TokenPurpose; now: Date },
): Promise<TokenCheck> {
  if (!tokenPattern.test(args.token)) return { ok: false, reason: "unknown" };
  const at = args.now.toISOString();
  const spent = await db
    .updateTable("one_time_token")
    .set({ used_at: at })
    .where("token_hash", "=", hashToken(args.token))
    .where("purpose", "=", args.purpose)
    .where("used_at", "is", null)
    .where("expires_at", ">", at)
    .returning(["id", "user_id"])
    .executeTakeFirst();
  if (spent) return { ok: true, userId: spent.user_id, tokenId: spent.id };
  return checkOneTimeToken(db, args);
}

/**
 * Ends a person's unused tokens of one purpose. They are expired rather than
 * marked used, so an old link says "expired, ask for a new one" instead of
 * suggesting the person already acted on it.
 */
export async function revokeOneTimeTokens(
  db: Kysely<Database>,
  args: { userId: number; purpose: TokenPurpose; now: Date },
): Promise<void> {
  const at = args.now.toISOString();
  await db
    .updateTable("one_time_token")
    .set({ expires_at: at })
    .where("user_id", "=", args.userId)
    .where("purpose", "=", args.purpose)
    .where("used_at", "is", null)
    .where("expires_at", ">", at)
    .execute();
}

/**
 * Housekeeping: links used or expired before `before`. Kept until then so an
 * old link still says "expired, ask for a new one" rather than "not valid".
 */
export async function deleteSpentOneTimeTokens(
  db: Kysely<Database>,
  args: { before: Date },
): Promise<number> {
  const before = args.before.toISOString();
  const result = await db
    .deleteFrom("one_time_token")
    .where((eb) => eb.or([eb("expires_at", "<", before), eb("used_at", "<", before)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
