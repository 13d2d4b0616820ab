import type { Auth } from "./guards.server";
import { appConfig } from "../utils/env.server";

/**
 * How long the person's session has left before the idle limit, and when to
 * warn them: five minutes before, or a third of the limit if that is
 * shorter, and never less than the 20 seconds WCAG 2.2.1 asks for.
 */
export function idleTimes(auth: Pick<Auth, "session">, now = new Date()) {
  const idleSeconds = appConfig().session.idleMinutes * 60;
  const lastSeen = Date.parse(auth.session.last_seen_at);
  const idleLeft = Math.floor((lastSeen + idleSeconds * 1000 - now.getTime()) / 1000);
  const absoluteLeft = Math.floor((Date.parse(auth.session.expires_at) - now.getTime()) / 1000);
  return {
    secondsLeft: Math.max(0, Math.min(idleLeft, absoluteLeft)),
    warnSeconds: Math.max(20, Math.min(300, Math.floor(idleSeconds / 3))),
    idleMinutes: appConfig().session.idleMinutes,
  };
}
