import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { consumeRateLimit, refundRateLimit } from "../models/rate-limit.server";
import { formErrors } from "../http/form-errors.server";
import { minutesFrom } from "../http/request.server";

/** One counter: a key (an account, an address) and how many attempts its window allows. */
export type AttemptRule = { key: string; limit: number };

/**
 * Counts one attempt against every rule (each is counted even when an earlier
 * one already refuses, so an attacker cannot spread attempts across keys to
 * avoid one). Returns null when allowed, or the minutes to wait.
 */
export async function countAttempt(
  db: Kysely<Database>,
  args: { rules: AttemptRule[]; windowSeconds: number; now: Date },
): Promise<number | null> {
  let waitSeconds = 0;
  for (const rule of args.rules) {
    const result = await consumeRateLimit(db, {
      ...rule,
      windowSeconds: args.windowSeconds,
      now: args.now,
    });
    if (!result.allowed) waitSeconds = Math.max(waitSeconds, result.retryAfterSeconds);
  }
  return waitSeconds > 0 ? minutesFrom(waitSeconds) : null;
}

/**
 * After an attempt succeeded: gives back what countAttempt counted against
 * each rule, so successes never use up a limit (only failures add up: a
 * trust's shared address must not be locked out by people signing in well).
 */
export async function refundAttempt(
  db: Kysely<Database>,
  args: { rules: AttemptRule[]; windowSeconds: number; now: Date },
): Promise<void> {
  for (const rule of args.rules) {
    await refundRateLimit(db, { key: rule.key, windowSeconds: args.windowSeconds, now: args.now });
  }
}

/** The 429 answer: the message beside the form's field, and Retry-After for clients. */
export function tooManyAttempts(
  field: string,
  what: string,
  waitMinutes: number,
  values: Record<string, string> = {},
) {
  return formErrors(
    { [field]: `Too many ${what}. Wait ${waitMinutes} minutes, then try again.` },
    values,
    { status: 429, headers: { "Retry-After": String(waitMinutes * 60) } },
  );
}

/** The address part of a key; requests without one share a single counter. */
export const addressKey = (prefix: string, ip: string | null) => `${prefix}:ip:${ip ?? "unknown"}`;
