import type { AppLoadContext } from "@remix-run/node";

/** The client's address as Express saw it, passed in the load context by server/index.ts. */
export function clientIp(context: AppLoadContext): string | null {
  const ip = (context as { clientIp?: unknown }).clientIp;
  return typeof ip === "string" && ip ? ip : null;
}

/** Minutes, rounded up, for "try again in N minutes". */
export function minutesFrom(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}
