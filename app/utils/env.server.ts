import { databaseConfig, evidenceDirFor } from "../../db/config";

/**
 * Configuration read from the environment, in one place. Read on each call
 * (cheap) so tests can start servers with different settings.
 */
export function appConfig() {
  const env = process.env;
  const production = env.NODE_ENV === "production";
  // Where users reach the app. Cookies are Secure and HSTS is sent only when
  // this is https; `npm start` on a laptop serves plain http on 127.0.0.1.
  const publicOrigin = env.APP_ORIGIN?.trim().replace(/\/$/, "") || null;
  const https = publicOrigin?.startsWith("https://") ?? false;
  return {
    production,
    publicOrigin,
    /**
     * Where links that leave the app (emails, the Excel template) point:
     * APP_ORIGIN, or for the demo on this machine without it, the address
     * the server listens on (which the server itself records, once listening,
     * in LISTENING_ORIGIN_VARIABLE). Never the Host a request names.
     */
    linkOrigin: publicOrigin ?? env[LISTENING_ORIGIN_VARIABLE] ?? null,
    https,
    session: {
      idleMinutes: positiveNumber(env.SESSION_IDLE_MINUTES, 30),
      absoluteHours: positiveNumber(env.SESSION_ABSOLUTE_HOURS, 12),
    },
    notify: {
      apiKey: env.NOTIFY_API_KEY || null,
      baseUrl: env.NOTIFY_BASE_URL || "https://api.notifications.service.gov.uk",
      timeoutMs: positiveNumber(env.NOTIFY_TIMEOUT_MS, 10_000),
      templates: {
        invitation: env.NOTIFY_TEMPLATE_INVITATION ?? "",
        password_reset: env.NOTIFY_TEMPLATE_PASSWORD_RESET ?? "",
        reminder: env.NOTIFY_TEMPLATE_REMINDER ?? "",
        query: env.NOTIFY_TEMPLATE_QUERY ?? "",
        query_reply: env.NOTIFY_TEMPLATE_QUERY_REPLY ?? "",
      },
    },
    evidence: {
      // Beside the database by default: outside the web root, and backed up with it.
      dir: evidenceDirFor(databaseConfig(), env.EVIDENCE_DIR),
      maxBytes: positiveNumber(env.EVIDENCE_MAX_MB, 20) * 1024 * 1024,
    },
    limits: attemptLimits(env),
    invitationDays: positiveNumber(env.INVITATION_DAYS, 7),
    passwordResetMinutes: positiveNumber(env.PASSWORD_RESET_MINUTES, 60),
  };
}

export type AppConfig = ReturnType<typeof appConfig>;

/** Set by server/index.ts for a start that may go without APP_ORIGIN (the demo on this machine). */
export const LISTENING_ORIGIN_VARIABLE = "ANCHOR_LISTENING_ORIGIN";

/**
 * How many attempts each key may make in its window. Configurable so a test
 * server that signs in many times from one address is not refused; a real
 * deployment should keep the defaults, which the rate-limit tests pin.
 */
function attemptLimits(env: NodeJS.ProcessEnv) {
  const pair = (name: string, perAccount: number, perAddress: number) => ({
    perAccount: positiveNumber(env[`${name}_LIMIT_PER_ACCOUNT`], perAccount),
    perAddress: positiveNumber(env[`${name}_LIMIT_PER_ADDRESS`], perAddress),
  });
  return {
    signIn: pair("SIGN_IN", 5, 30),
    twoFactor: pair("TWO_FACTOR", 5, 30),
    passwordReset: pair("PASSWORD_RESET", 3, 20),
    link: pair("LINK", 10, 30),
  };
}

/**
 * How many reverse proxies in front of the app may be believed about the
 * client's address (Express's `trust proxy` as a hop count). None by
 * default: X-Forwarded-For is then ignored, since any client can write it.
 * With 1, the address the nearest proxy added is the client's; earlier
 * entries, which the client may have written itself, are not believed.
 */
export function trustProxyHops(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.TRUST_PROXY_HOPS?.trim();
  if (value === undefined || value === "") return 0;
  const hops = Number(value);
  if (!/^\d{1,2}$/.test(value) || !Number.isSafeInteger(hops)) {
    throw new Error(
      `TRUST_PROXY_HOPS must be a whole number of proxies in front of the app (0 for none, 1 for one), not "${value}"`,
    );
  }
  return hops;
}

function positiveNumber(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return value && Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}
