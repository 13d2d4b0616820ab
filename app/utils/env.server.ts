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
  const publicOrigin = env.APP_ORIGIN?.replace(/\/$/, "") ?? null;
  const https = publicOrigin?.startsWith("https://") ?? false;
  return {
    production,
    publicOrigin,
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

function positiveNumber(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return value && Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}
