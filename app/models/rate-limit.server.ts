import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema";

/**
 * Counts one attempt against `key` in a fixed window. The first hit starts a
 * window of `windowSeconds`; hits beyond `limit` inside it are refused until it
 * ends, and the first hit after that starts a new one.
 *
 * One INSERT ... ON CONFLICT DO UPDATE ... RETURNING: a single statement is
 * atomic on SQLite and PostgreSQL, so two requests at once cannot both read
 * "4 hits" and both be let in. It is deliberately not wrapped in
 * db.transaction(), which would stop callers passing their own transaction.
 */
export async function consumeRateLimit(
  db: Kysely<Database>,
  args: { key: string; limit: number; windowSeconds: number; now: Date },
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const now = args.now.toISOString();
  // ISO strings from toISOString() have one fixed width, so text order is time order.
  const windowOverIfStartedBy = new Date(
    args.now.getTime() - args.windowSeconds * 1000,
  ).toISOString();
  const windowOver = sql<boolean>`rate_limit.window_start <= ${windowOverIfStartedBy}`;

  const row = await db
    .insertInto("rate_limit")
    .values({ key: args.key, window_start: now, hits: 1 })
    .onConflict((conflict) =>
      // Both expressions read the row as it was before this update.
      conflict.column("key").doUpdateSet({
        window_start: sql<string>`case when ${windowOver} then ${now} else rate_limit.window_start end`,
        hits: sql<number>`case when ${windowOver} then 1 else rate_limit.hits + 1 end`,
      }),
    )
    .returning(["window_start", "hits"])
    .executeTakeFirstOrThrow();

  if (row.hits <= args.limit) return { allowed: true, retryAfterSeconds: 0 };
  const windowEnds = Date.parse(row.window_start) + args.windowSeconds * 1000;
  const retryAfterSeconds = Math.max(1, Math.ceil((windowEnds - args.now.getTime()) / 1000));
  return { allowed: false, retryAfterSeconds };
}

/**
 * Gives back one attempt counted against `key` in the window still running:
 * an attempt is counted before it is judged (so many at once cannot all slip
 * under the limit), and one that succeeded is then given back, so only
 * failures add up. Never below zero; a window that has ended is left alone.
 */
export async function refundRateLimit(
  db: Kysely<Database>,
  args: { key: string; windowSeconds: number; now: Date },
): Promise<void> {
  const windowStartedAfter = new Date(args.now.getTime() - args.windowSeconds * 1000).toISOString();
  await db
    .updateTable("rate_limit")
    .set({ hits: sql<number>`case when hits > 0 then hits - 1 else 0 end` })
    .where("key", "=", args.key)
    .where("window_start", ">", windowStartedAfter)
    .execute();
}

/** Forgets the count for `key`, e.g. after a successful sign-in. */
export async function clearRateLimit(db: Kysely<Database>, args: { key: string }): Promise<void> {
  await db.deleteFrom("rate_limit").where("key", "=", args.key).execute();
}

/** Housekeeping: counters whose window started before `before` (longer ago than any window). */
export async function deleteOldRateLimits(
  db: Kysely<Database>,
  args: { before: Date },
): Promise<number> {
  const result = await db
    .deleteFrom("rate_limit")
    .where("window_start", "<", args.before.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
