import type { Kysely } from "kysely";
import { deleteSpentOneTimeTokens } from "../app/models/one-time-tokens.server";
import { deleteOldRateLimits } from "../app/models/rate-limit.server";
import { deleteExpiredSessions } from "../app/models/sessions.server";
import { deleteExpiredChallenges } from "../app/models/passkeys.server";
import { deleteExpiredHeldPosts } from "../app/models/held-posts.server";
import { appConfig } from "../app/utils/env.server";
import { sweepUnfinishedWrites } from "../app/evidence/store.server";
import { databaseConfig } from "../db/config";
import { createDatabase } from "../db/dialect";
import type { Database } from "../db/schema";

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** How long after a link was used or expired it still says "expired" rather than "not valid". */
export const SPENT_LINK_KEPT_MS = 30 * DAY_MS;
/** Longer than any attempt-limit window the app uses (the longest is an hour). */
export const RATE_LIMIT_KEPT_MS = DAY_MS;
/** Longer than any upload could take: a younger temporary file may be one being written. */
export const UNFINISHED_WRITE_AGE_MS = HOUR_MS;

/**
 * Removes what can never be used again: expired sessions, links long spent,
 * old attempt counters, unanswered passkey challenges, forms held past their
 * minutes, and temporary files of uploads killed part-way. The
 * audit log is kept: it is the record. Runs at start and once a day.
 */
export async function runHousekeeping(
  db: Kysely<Database>,
  args: { now: Date; idleMinutes: number; evidenceDir: string },
) {
  const at = args.now.getTime();
  return {
    sessions: await deleteExpiredSessions(db, { now: args.now, idleMinutes: args.idleMinutes }),
    links: await deleteSpentOneTimeTokens(db, { before: new Date(at - SPENT_LINK_KEPT_MS) }),
    attemptCounters: await deleteOldRateLimits(db, { before: new Date(at - RATE_LIMIT_KEPT_MS) }),
    passkeyChallenges: await deleteExpiredChallenges(db, { now: args.now }),
    heldPosts: await deleteExpiredHeldPosts(db, { now: args.now }),
    unfinishedUploads: await sweepUnfinishedWrites(args.evidenceDir, {
      now: args.now,
      olderThanMs: UNFINISHED_WRITE_AGE_MS,
    }),
  };
}

/** Housekeeping with the app's own settings, on its own short-lived connection. */
export async function housekeepNow(db?: Kysely<Database>) {
  const config = appConfig();
  const connection = db ?? createDatabase(databaseConfig());
  try {
    return await runHousekeeping(connection, {
      now: new Date(),
      idleMinutes: config.session.idleMinutes,
      evidenceDir: config.evidence.dir,
    });
  } finally {
    if (!db) await connection.destroy();
  }
}

/** Once a day while the server runs; never keeps the process alive by itself. */
export function scheduleDailyHousekeeping() {
  const timer = setInterval(() => {
    housekeepNow().catch((error: unknown) => {
      console.warn(`${new Date().toISOString()} warning: housekeeping failed:`, error);
    });
  }, DAY_MS);
  timer.unref();
  return timer;
}
