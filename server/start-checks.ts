import { loopback } from "./demo-data-guard";

/**
 * APP_ORIGIN is where people reach the app, and the only source of the links
 * that leave it (emails, the Excel template): a link built from the Host a
 * request names would let anyone who asks for a password reset with
 * `Host: evil.example` receive a link to their own site (issue 21).
 */

/** A problem with APP_ORIGIN that stops the start before the database is touched, or null. */
export function appOriginProblem(env: NodeJS.ProcessEnv): string | null {
  const value = env.APP_ORIGIN?.trim().replace(/\/$/, "");
  if (value) {
    let origin: string | null = null;
    try {
      const url = new URL(value);
      if (url.protocol === "https:" || url.protocol === "http:") origin = url.origin;
    } catch {
      origin = null;
    }
    if (origin === value) return null;
    return [
      `Refusing to start: APP_ORIGIN must be the address people use, scheme and host only,`,
      `like APP_ORIGIN=https://anchor.example.nhs.uk, not "${value.slice(0, 200)}".`,
    ].join("\n");
  }
  const host = env.HOST ?? "127.0.0.1";
  return loopback(host)
    ? null
    : missingAppOrigin(`the app listens beyond this machine (HOST is ${host})`);
}

/**
 * Whether a start without APP_ORIGIN may name its links after the address it
 * listens on: only on this machine, and in production only for the demo (a
 * database with demo data), which a real deployment refuses (ADR 015).
 */
export function linksFromListeningAddress(
  env: NodeJS.ProcessEnv,
  args: { production: boolean; demoData: boolean },
): boolean {
  if (env.APP_ORIGIN?.trim()) return false;
  if (!loopback(env.HOST ?? "127.0.0.1")) return false;
  return !args.production || args.demoData;
}

export function missingAppOrigin(why = "this database holds no demo data"): string {
  return [
    "Refusing to start: APP_ORIGIN is not set.",
    "Links in emails (invitations, password resets, reminders, queries) and in the Excel template",
    "are built from it, never from the address a request names, which anyone can make up.",
    "Set it to the address people use, e.g. APP_ORIGIN=https://anchor.example.nhs.uk",
    `(only the demo, on this machine with demo data, may start without it; here ${why}).`,
  ].join("\n");
}

/** The address the server listens on, as a URL origin. */
export function listeningOrigin(host: string, port: number): string {
  const name = host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
  return `http://${name}:${port}`;
}
