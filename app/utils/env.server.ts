import path from "node:path";
import { databaseConfig, defaultDataDir } from "../../db/config";

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
      },
    },
    evidence: {
      // Beside the database by default: outside the web root, and backed up with it.
      dir: env.EVIDENCE_DIR
        ? path.resolve(env.EVIDENCE_DIR)
        : path.join(defaultDataDir(databaseConfig()), "evidence"),
      maxBytes: positiveNumber(env.EVIDENCE_MAX_MB, 20) * 1024 * 1024,
    },
    invitationDays: positiveNumber(env.INVITATION_DAYS, 7),
    passwordResetMinutes: positiveNumber(env.PASSWORD_RESET_MINUTES, 60),
  };
}

export type AppConfig = ReturnType<typeof appConfig>;

function positiveNumber(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return value && Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}
