import type { Kysely, Transaction } from "kysely";
import type { Database, Passkey, WebauthnPurpose } from "../../db/schema";

type Db = Kysely<Database> | Transaction<Database>;

/** pg returns bigint columns as text; the counter is a number everywhere else. */
const withNumberCounter = (row: Passkey): Passkey => ({ ...row, counter: Number(row.counter) });

export async function listPasskeys(db: Db, args: { userId: number }): Promise<Passkey[]> {
  const rows = await db
    .selectFrom("passkey")
    .selectAll()
    .where("user_id", "=", args.userId)
    .orderBy("id")
    .execute();
  return rows.map(withNumberCounter);
}

export async function countPasskeys(db: Db, args: { userId: number }): Promise<number> {
  const row = await db
    .selectFrom("passkey")
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .where("user_id", "=", args.userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findPasskeyByCredentialId(
  db: Db,
  args: { credentialId: string },
): Promise<Passkey | undefined> {
  const row = await db
    .selectFrom("passkey")
    .selectAll()
    .where("credential_id", "=", args.credentialId)
    .executeTakeFirst();
  return row && withNumberCounter(row);
}

export async function addPasskey(
  db: Db,
  args: {
    userId: number;
    credentialId: string;
    publicKey: string;
    counter: number;
    transports: string[];
    name: string;
    backedUp: boolean;
    now: Date;
  },
): Promise<Passkey> {
  const row = await db
    .insertInto("passkey")
    .values({
      user_id: args.userId,
      credential_id: args.credentialId,
      public_key: args.publicKey,
      counter: args.counter,
      transports: JSON.stringify(args.transports),
      name: args.name,
      backed_up: args.backedUp ? 1 : 0,
      created_at: args.now.toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return withNumberCounter(row);
}

/**
 * Records a verified use: the new counter and when. Only moves the counter
 * forward, in the statement itself, so two uses at once cannot both pass
 * with the same counter value: the second changes no row and is refused.
 */
export async function recordPasskeyUse(
  db: Db,
  args: { id: number; previousCounter: number; newCounter: number; now: Date },
): Promise<boolean> {
  const query = db
    .updateTable("passkey")
    .set({ counter: args.newCounter, last_used_at: args.now.toISOString() })
    .where("id", "=", args.id);
  const guarded =
    args.newCounter === 0 && args.previousCounter === 0
      ? query
      : query.where("counter", "=", args.previousCounter);
  const result = await guarded.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function renamePasskey(db: Db, args: { userId: number; id: number; name: string }) {
  const result = await db
    .updateTable("passkey")
    .set({ name: args.name })
    .where("id", "=", args.id)
    .where("user_id", "=", args.userId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function removePasskey(db: Db, args: { userId: number; id: number }) {
  const result = await db
    .deleteFrom("passkey")
    .where("id", "=", args.id)
    .where("user_id", "=", args.userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** A challenge for one ceremony, good for a few minutes. */
export async function saveChallenge(
  db: Db,
  args: { challenge: string; purpose: WebauthnPurpose; userId: number | null; now: Date },
) {
  await db
    .insertInto("webauthn_challenge")
    .values({
      challenge: args.challenge,
      purpose: args.purpose,
      user_id: args.userId,
      created_at: args.now.toISOString(),
      expires_at: new Date(args.now.getTime() + CHALLENGE_MS).toISOString(),
    })
    .execute();
}

/** Five minutes: WebAuthn's own default timeout, and time to find a security key. */
export const CHALLENGE_MS = 5 * 60_000;

/**
 * Takes a challenge back, once: deleted as it is read, so an answer can
 * never be replayed. True only if it was ours, for this purpose and person,
 * and not yet expired.
 */
export async function takeChallenge(
  db: Db,
  args: { challenge: string; purpose: WebauthnPurpose; userId: number | null; now: Date },
): Promise<boolean> {
  const row = await db
    .deleteFrom("webauthn_challenge")
    .where("challenge", "=", args.challenge)
    .returningAll()
    .executeTakeFirst();
  if (!row) return false;
  return (
    row.purpose === args.purpose &&
    row.user_id === args.userId &&
    Date.parse(row.expires_at) > args.now.getTime()
  );
}

/** Housekeeping: challenges nobody answered in time. */
export async function deleteExpiredChallenges(db: Db, args: { now: Date }): Promise<number> {
  const result = await db
    .deleteFrom("webauthn_challenge")
    .where("expires_at", "<=", args.now.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
