import { hmac } from "@oslojs/crypto/hmac";
import { SHA256 } from "@oslojs/crypto/sha2";
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from "@oslojs/encoding";
import { delay, http, HttpResponse } from "msw";
import type { AppConfig } from "~/utils/env.server";
import { renderEmail } from "~/email/content";
import type { MessageTemplate } from "../../db/schema";

/**
 * GOV.UK Notify's email API as msw handlers, close enough to the real one that
 * the official client cannot tell: it checks the JWT the way Notify does and
 * answers with Notify's shapes, for success and for each failure we handle.
 * Every request it sees is kept in `notifyRequests` for tests to inspect.
 */

const serviceId = "6f3c0e5a-2b7d-4c1e-9a8f-0d4b5e6c7a81";
const secret = "b1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f";

/** A key shaped like Notify's (`name-<service id>-<secret>`) that only this mock accepts. */
export const fakeNotifyApiKey = `anchor_test-${serviceId}-${secret}`;
export const fakeNotifyServiceId = serviceId;

export const fakeNotifyTemplates: Record<MessageTemplate, string> = {
  invitation: "0b0ab0e7-5f0b-4b57-a8c4-2b6a1a4a9e01",
  password_reset: "8c0c3f6e-3a8b-4f77-b2a4-5d0c1e9f7a02",
  reminder: "3e7d9a1c-6b2f-4d8e-a0c5-9f1b2d3e4a03",
  query: "5a9c2e4b-7d1f-4b3a-9e6c-1f2a3b4c5d04",
  query_reply: "9d4e6f1a-2c3b-4d5e-8f7a-6b5c4d3e2f05",
};

/** Notify settings that point at this mock (a base URL that cannot resolve, should msw be off). */
export function fakeNotifyConfig(
  overrides: Partial<AppConfig["notify"]> = {},
): AppConfig["notify"] {
  return {
    apiKey: fakeNotifyApiKey,
    baseUrl: "https://notify.invalid",
    timeoutMs: 2_000,
    templates: { ...fakeNotifyTemplates },
    ...overrides,
  };
}

export type NotifyRequest = {
  method: string;
  path: string;
  authorization: string | null;
  body: Record<string, unknown>;
};

export const notifyRequests: NotifyRequest[] = [];

const emailUrl = "*/v2/notifications/email";

async function record(request: Request): Promise<NotifyRequest> {
  const seen: NotifyRequest = {
    method: request.method,
    path: new URL(request.url).pathname,
    authorization: request.headers.get("authorization"),
    body: (await request.json()) as Record<string, unknown>,
  };
  notifyRequests.push(seen);
  return seen;
}

function notifyError(status: number, error: string, message: string) {
  return HttpResponse.json({ status_code: status, errors: [{ error, message }] }, { status });
}

// As Notify does: the JWT must name our service, be signed with our secret and
// have been issued within 30 seconds of Notify's own clock.
function authProblem(authorization: string | null): string | null {
  const token = authorization?.match(/^Bearer (.+)$/)?.[1];
  const [header, payload, signature] = token?.split(".") ?? [];
  if (!header || !payload || !signature) {
    return "Unauthorized: authentication token must be provided";
  }
  const expected = hmac(
    SHA256,
    new TextEncoder().encode(secret),
    new TextEncoder().encode(`${header}.${payload}`),
  );
  if (encodeBase64urlNoPadding(expected) !== signature) return "Invalid token: API key not found";
  const claims = JSON.parse(new TextDecoder().decode(decodeBase64urlIgnorePadding(payload)));
  if (claims.iss !== serviceId) return "Invalid token: service not found";
  if (Math.abs(Date.now() / 1000 - Number(claims.iat)) > 30) {
    return "Error: Your system clock must be accurate to within 30 seconds";
  }
  return null;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Notify accepting the email, as it does for a good key and a known template. */
export const sendEmailHandler = http.post(emailUrl, async ({ request }) => {
  const seen = await record(request);
  const refused = authProblem(seen.authorization);
  if (refused) return notifyError(403, "AuthError", refused);
  const { template_id: templateId, email_address: to, personalisation, reference } = seen.body;
  const template = (Object.keys(fakeNotifyTemplates) as MessageTemplate[]).find(
    (name) => fakeNotifyTemplates[name] === templateId,
  );
  if (typeof templateId !== "string" || !uuidPattern.test(templateId)) {
    return notifyError(400, "ValidationError", "template_id is not a valid UUID");
  }
  if (!template) return notifyError(400, "BadRequestError", "Template not found");
  if (typeof to !== "string" || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(to)) {
    return notifyError(400, "ValidationError", "email_address Not a valid email address");
  }
  let content;
  try {
    content = renderEmail(template, (personalisation ?? {}) as Record<string, string>);
  } catch {
    return notifyError(400, "BadRequestError", "Missing personalisation");
  }
  const id = crypto.randomUUID();
  return HttpResponse.json(
    {
      id,
      reference: reference ?? null,
      content: { ...content, from_email: "anchor.charter@notifications.service.gov.uk" },
      uri: `https://api.notifications.service.gov.uk/v2/notifications/${id}`,
      template: {
        id: templateId,
        version: 1,
        uri: `https://api.notifications.service.gov.uk/v2/template/${templateId}`,
      },
    },
    { status: 201 },
  );
});

const cannedFailures = {
  400: ["BadRequestError", "Can't send to this recipient using a team-only API key"],
  403: ["AuthError", "Invalid token: API key not found"],
  429: ["RateLimitError", "Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds"],
  500: ["Exception", "Internal server error"],
} as const;

/** Notify refusing every email with the status it uses for that problem. */
export function notifyFailsWith(status: keyof typeof cannedFailures) {
  return http.post(emailUrl, async ({ request }) => {
    await record(request);
    const [error, message] = cannedFailures[status];
    return notifyError(status, error, message);
  });
}

/** Notify taking the request and never answering. */
export function notifyNeverAnswers() {
  return http.post(emailUrl, async ({ request }) => {
    await record(request);
    await delay("infinite");
    return HttpResponse.error();
  });
}

export const handlers = [sendEmailHandler];
