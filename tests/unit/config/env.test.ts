import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { appConfig } from "~/utils/env.server";

// The defaults are what a deployment gets by setting nothing, as README's
// Configuration table promises: each is a rule, not an implementation detail.
const variables = [
  "NODE_ENV",
  "APP_ORIGIN",
  "DATABASE_URL",
  "SESSION_IDLE_MINUTES",
  "SESSION_ABSOLUTE_HOURS",
  "NOTIFY_API_KEY",
  "NOTIFY_BASE_URL",
  "NOTIFY_TIMEOUT_MS",
  "NOTIFY_TEMPLATE_INVITATION",
  "NOTIFY_TEMPLATE_PASSWORD_RESET",
  "NOTIFY_TEMPLATE_REMINDER",
  "NOTIFY_TEMPLATE_QUERY",
  "EVIDENCE_DIR",
  "EVIDENCE_MAX_MB",
  "INVITATION_DAYS",
  "PASSWORD_RESET_MINUTES",
];

beforeEach(() => {
  for (const name of variables) vi.stubEnv(name, undefined);
});
afterEach(() => vi.unstubAllEnvs());

describe("session lifetimes", () => {
  it("by default, a session ends after 30 minutes without a request, and 12 hours after sign-in", () => {
    expect(appConfig().session).toEqual({ idleMinutes: 30, absoluteHours: 12 });
  });

  it("are set by SESSION_IDLE_MINUTES and SESSION_ABSOLUTE_HOURS", () => {
    vi.stubEnv("SESSION_IDLE_MINUTES", "15");
    vi.stubEnv("SESSION_ABSOLUTE_HOURS", "8.5");
    expect(appConfig().session).toEqual({ idleMinutes: 15, absoluteHours: 8.5 });
  });

  it.each(["0", "-5", "thirty", "", "Infinity"])(
    "keep their defaults when set to %j, rather than ending every session at once or never",
    (value) => {
      vi.stubEnv("SESSION_IDLE_MINUTES", value);
      vi.stubEnv("SESSION_ABSOLUTE_HOURS", value);
      expect(appConfig().session).toEqual({ idleMinutes: 30, absoluteHours: 12 });
    },
  );
});

describe("the other defaults", () => {
  it("serve plain http on the machine itself, outside production", () => {
    expect(appConfig()).toMatchObject({ production: false, publicOrigin: null, https: false });
  });

  it("keep emails in the outbox until Notify is configured", () => {
    expect(appConfig().notify).toEqual({
      apiKey: null,
      baseUrl: "https://api.notifications.service.gov.uk",
      timeoutMs: 10_000,
      templates: { invitation: "", password_reset: "", reminder: "", query: "", query_reply: "" },
    });
  });

  it("keep evidence files beside the database, up to 20 MB each", () => {
    vi.stubEnv("DATABASE_URL", "file:/var/lib/anchor/anchor.db");
    expect(appConfig().evidence).toEqual({
      dir: "/var/lib/anchor/evidence",
      maxBytes: 20 * 1024 * 1024,
    });
  });

  it("let invitation links work for 7 days and reset links for 60 minutes", () => {
    expect(appConfig()).toMatchObject({ invitationDays: 7, passwordResetMinutes: 60 });
  });
});

describe("settings", () => {
  it("an https APP_ORIGIN turns on secure cookies; a trailing slash is dropped", () => {
    vi.stubEnv("APP_ORIGIN", "https://anchor.example.nhs.uk/");
    expect(appConfig()).toMatchObject({
      publicOrigin: "https://anchor.example.nhs.uk",
      https: true,
    });
    vi.stubEnv("APP_ORIGIN", "http://anchor.internal");
    expect(appConfig()).toMatchObject({ publicOrigin: "http://anchor.internal", https: false });
  });

  it("NODE_ENV=production is production", () => {
    vi.stubEnv("NODE_ENV", "production");
    expect(appConfig().production).toBe(true);
  });

  it("Notify, evidence and link lifetimes follow their variables", () => {
    vi.stubEnv("NOTIFY_API_KEY", "key-123");
    vi.stubEnv("NOTIFY_BASE_URL", "http://127.0.0.1:9999");
    vi.stubEnv("NOTIFY_TIMEOUT_MS", "500");
    vi.stubEnv("NOTIFY_TEMPLATE_INVITATION", "tpl-invite");
    vi.stubEnv("NOTIFY_TEMPLATE_PASSWORD_RESET", "tpl-reset");
    vi.stubEnv("EVIDENCE_DIR", "files/evidence");
    vi.stubEnv("EVIDENCE_MAX_MB", "5");
    vi.stubEnv("INVITATION_DAYS", "14");
    vi.stubEnv("PASSWORD_RESET_MINUTES", "15");
    expect(appConfig()).toMatchObject({
      notify: {
        apiKey: "key-123",
        baseUrl: "http://127.0.0.1:9999",
        timeoutMs: 500,
        templates: { invitation: "tpl-invite", password_reset: "tpl-reset" },
      },
      evidence: { dir: path.resolve("files/evidence"), maxBytes: 5 * 1024 * 1024 },
      invitationDays: 14,
      passwordResetMinutes: 15,
    });
  });

  it("an empty NOTIFY_API_KEY is no key", () => {
    vi.stubEnv("NOTIFY_API_KEY", "");
    expect(appConfig().notify.apiKey).toBeNull();
  });
});
