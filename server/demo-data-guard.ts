/**
 * Demo data publishes its administrators' password and exempts them from the
 * second factor, so it must never reach a real deployment by default. There
 * is no flag that says "production" (NODE_ENV is production for `npm start`
 * on a laptop too), so we judge from where the app is served: a public
 * APP_ORIGIN, or listening beyond this machine, is a real deployment.
 */

export const loopback = (host: string) =>
  host === "localhost" || host === "::1" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);

/** Why this start looks like a real deployment, or null for a local one. */
export function realDeploymentReason(env: NodeJS.ProcessEnv): string | null {
  const origin = env.APP_ORIGIN?.trim();
  if (origin) {
    let hostname = "";
    try {
      hostname = new URL(origin).hostname;
    } catch {
      return `APP_ORIGIN is ${origin}`;
    }
    if (origin.startsWith("https:") || !loopback(hostname)) return `APP_ORIGIN is ${origin}`;
  }
  const host = env.HOST ?? "127.0.0.1";
  if (!loopback(host)) return `HOST is ${host}`;
  return null;
}

/** The explicit opt-in for a public demonstration. */
export const demoDataAllowed = (env: NodeJS.ProcessEnv) => env.ALLOW_DEMO_DATA === "true";

export function demoDataRefusal(reason: string, situation: "seed" | "existing"): string {
  const what =
    situation === "seed"
      ? "would load demonstration data into this empty database"
      : "found demonstration data in this database";
  return [
    `Refusing to start: this looks like a real deployment (${reason}), and the app ${what}.`,
    "Demo accounts share a published password and skip the second factor.",
    situation === "seed"
      ? "Set SEED_DEMO_DATA=false to start with an empty database,"
      : "Start with a database without demo data (SEED_DEMO_DATA=false on a new file),",
    "or set ALLOW_DEMO_DATA=true to run a public demonstration on purpose.",
  ].join("\n");
}

export function demoDataWarning(reason: string): string {
  const rule = "!".repeat(72);
  return [
    rule,
    `WARNING: demonstration data on a real deployment (${reason}), allowed by ALLOW_DEMO_DATA=true.`,
    "Anyone may sign in as a demo administrator with the published password,",
    "without a second factor. Never put real information in this instance.",
    rule,
  ].join("\n");
}
