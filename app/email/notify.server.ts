import type { Kysely } from "kysely";
import { NotifyClient } from "notifications-node-client";
import type { Database, MessageTemplate } from "../../db/schema";
import { createMessage, updateMessageStatus } from "../models/messages.server";
import { emailAsText, renderEmail } from "./content";
import { appConfig, type AppConfig } from "../utils/env.server";

export type EmailRequest = {
  template: MessageTemplate;
  to: string;
  userId: number | null;
  personalisation: Record<string, string>;
  /** The system whose organisation it is about (a reminder, a query); absent for the person alone. */
  systemId?: number;
};

export type EmailResult = {
  messageId: number;
  status: "sent" | "failed" | "outbox";
  error?: string;
};

type NotifyConfig = AppConfig["notify"];

/**
 * Records a `message` row, then sends it through GOV.UK Notify, or, with no
 * API key, keeps it in the outbox for an administrator to read. A failed send
 * never throws: the row and the result say what went wrong, in words that
 * hold no link or token.
 */
export async function sendEmail(
  db: Kysely<Database>,
  request: EmailRequest,
  options: { config?: NotifyConfig; now?: Date } = {},
): Promise<EmailResult> {
  const config = options.config ?? appConfig().notify;
  const now = options.now ?? new Date();
  // Rendering first means a caller's missing field fails loudly before anything is recorded.
  const text = emailAsText(renderEmail(request.template, request.personalisation));

  if (!config.apiKey) {
    const messageId = await createMessage(db, {
      template: request.template,
      toEmail: request.to,
      userId: request.userId,
      systemId: request.systemId,
      status: "outbox",
      outboxBody: text,
      now,
    });
    // The offline demo has no other way to deliver the link, so this is the one place it is printed.
    console.log(`Email ${messageId} to ${request.to} (outbox, no Notify key):\n\n${text}\n`);
    return { messageId, status: "outbox" };
  }

  const messageId = await createMessage(db, {
    template: request.template,
    toEmail: request.to,
    userId: request.userId,
    systemId: request.systemId,
    status: "pending",
    now,
  });
  const outcome = await sendThroughNotify(config, request, messageId, config.apiKey);
  const finishedAt = options.now ?? new Date();
  if (outcome.ok) {
    await updateMessageStatus(db, {
      id: messageId,
      status: "sent",
      notifyId: outcome.notifyId,
      now: finishedAt,
    });
    return { messageId, status: "sent" };
  }
  await updateMessageStatus(db, {
    id: messageId,
    status: "failed",
    error: outcome.error,
    now: finishedAt,
  });
  console.warn(`Email ${messageId} (${request.template}) was not sent: ${outcome.error}`);
  return { messageId, status: "failed", error: outcome.error };
}

type NotifyOutcome = { ok: true; notifyId: string } | { ok: false; error: string };

async function sendThroughNotify(
  config: NotifyConfig,
  request: EmailRequest,
  messageId: number,
  apiKey: string,
): Promise<NotifyOutcome> {
  const templateId = config.templates[request.template];
  if (!templateId) {
    return { ok: false, error: `No Notify template is configured for ${request.template} emails` };
  }
  const client = new NotifyClient(config.baseUrl, apiKey);
  // The client has no timeout of its own; a fresh axios instance per send carries
  // ours, and the abort signal tears the connection down rather than leaving it hanging.
  const restClient: AxiosStaticLike = client.apiClient.restClient;
  client.setClient(
    restClient.create({ timeout: config.timeoutMs, signal: AbortSignal.timeout(config.timeoutMs) }),
  );
  try {
    const response = await client.sendEmail(templateId, request.to, {
      personalisation: request.personalisation,
      // Our own id, never the token: Notify shows references to anyone in the team.
      reference: `message-${messageId}`,
    });
    return { ok: true, notifyId: response.data.id };
  } catch (error) {
    return { ok: false, error: describeNotifyError(error, config.timeoutMs, request) };
  }
}

type AxiosInstanceLike = Parameters<NotifyClient["setClient"]>[0];
type AxiosStaticLike = {
  create(config: { timeout: number; signal: AbortSignal }): AxiosInstanceLike;
};

type NotifyErrorShape = {
  name?: string;
  code?: string;
  response?: { status?: number; data?: { errors?: Array<{ message?: unknown }> } };
};

/** Short words for the failures an administrator can act on; never Notify's raw request or our values. */
export function describeNotifyError(
  error: unknown,
  timeoutMs: number,
  request: Pick<EmailRequest, "personalisation">,
): string {
  const failure = (error ?? {}) as NotifyErrorShape;
  const status = failure.response?.status;
  if (status === 429) return "Notify is rate limiting us; try again shortly";
  if (status === 403 || status === 401) return "Notify refused our API key";
  if (status !== undefined && status >= 500) return "Notify is unavailable";
  if (status !== undefined) {
    const said = (failure.response?.data?.errors ?? [])
      .map((e) => (typeof e.message === "string" ? e.message : ""))
      .filter(Boolean)
      .join("; ");
    return withoutValues(said || `Notify rejected the email (${status})`, request.personalisation);
  }
  const timedOut =
    failure.name === "TimeoutError" ||
    ["ECONNABORTED", "ETIMEDOUT", "ERR_CANCELED"].includes(failure.code ?? "");
  if (timedOut) return `Notify timed out after ${timeoutMs} ms`;
  return "Could not reach Notify";
}

// Notify sometimes quotes what we sent back at us; the link must not end up in the row.
function withoutValues(text: string, personalisation: Record<string, string>): string {
  let cleaned = text;
  for (const value of Object.values(personalisation)) {
    if (value) cleaned = cleaned.split(value).join("[removed]");
  }
  return cleaned.slice(0, 300);
}
