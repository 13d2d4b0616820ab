import { appConfig } from "../utils/env.server";

/**
 * A link to the app for an email or a document that leaves it (invitations,
 * password resets, reminders, query notices, the Excel template's import
 * link). Built from APP_ORIGIN only, never from the Host a request names:
 * anyone can send any Host, and a reset link pointing at their site would
 * hand them the token (issue 21). A production start without APP_ORIGIN is
 * refused (server/start-checks.ts), except the demo on this machine, whose
 * links name the address it listens on.
 */
export function absoluteUrl(path: string): string {
  const origin = appConfig().linkOrigin;
  if (!origin) {
    throw new Error("No origin for links: set APP_ORIGIN to the address people use");
  }
  return `${origin}${path}`;
}
