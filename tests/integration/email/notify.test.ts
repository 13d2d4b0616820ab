import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { decodeBase64urlIgnorePadding } from "@oslojs/encoding";
import { http, passthrough } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getMessage } from "~/models/messages.server";
import { sendEmail } from "~/email/notify.server";
import type { createDatabase } from "../../../db/dialect";
import { migrateToLatest } from "../../../db/migrator";
import {
  fakeNotifyConfig,
  fakeNotifyServiceId,
  fakeNotifyTemplates,
  handlers,
  notifyFailsWith,
  notifyNeverAnswers,
  notifyRequests,
} from "../../mocks/notify";
import { createTestDatabase, type TestDatabase } from "../../setup/database";

const server = setupServer(...handlers);
let database: TestDatabase;
let db: ReturnType<typeof createDatabase>;
let userId: number;

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
// Takes requests and never answers them.
const hangingServer = createServer(() => {});
afterAll(() => {
  hangingServer.closeAllConnections();
  hangingServer.close();
});
beforeEach(async () => {
  database = await createTestDatabase();
  db = database.open();
  await migrateToLatest(db);
  userId = (
    await db
      .insertInto("app_user")
      .values({ email: "amira.khan@example.nhs.uk", name: "Amira Khan" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  notifyRequests.length = 0;
  // A failed send warns the operator; the tests read the row instead.
  vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(async () => {
  server.resetHandlers();
  await db.destroy();
  await database.cleanup();
});

const link = "http://127.0.0.1:3000/invitations/abcdefghijklmnopqrstuvwxyz234567";
const invitation = () => ({
  template: "invitation" as const,
  to: "amira.khan@example.nhs.uk",
  userId,
  personalisation: {
    name: "Amira Khan",
    link,
    role_description: "champion for Blackpool Teaching Hospitals",
    expiry: "30 November 2026",
  },
});

function jwtClaims(authorization: string | null): Record<string, unknown> {
  const payload = authorization?.replace(/^Bearer /, "").split(".")[1] ?? "";
  return JSON.parse(new TextDecoder().decode(decodeBase64urlIgnorePadding(payload)));
}

describe("sending an invitation through GOV.UK Notify", () => {
  it("posts the template, address, personalisation and our reference, and keeps Notify's id", async () => {
    const result = await sendEmail(db, invitation(), { config: fakeNotifyConfig() });

    expect(result).toEqual({ messageId: expect.any(Number), status: "sent" });
    expect(notifyRequests).toHaveLength(1);
    const [sent] = notifyRequests;
    expect(sent?.method).toBe("POST");
    expect(sent?.path).toBe("/v2/notifications/email");
    expect(sent?.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    expect(jwtClaims(sent?.authorization ?? null)).toMatchObject({ iss: fakeNotifyServiceId });
    expect(sent?.body).toEqual({
      template_id: fakeNotifyTemplates.invitation,
      email_address: "amira.khan@example.nhs.uk",
      personalisation: invitation().personalisation,
      reference: `message-${result.messageId}`,
    });

    const row = await getMessage(db, { id: result.messageId });
    expect(row).toMatchObject({ status: "sent", error: null, outbox_body: null, user_id: userId });
    expect(row?.notify_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("is refused by Notify when the key is not the service's", async () => {
    const wrongSecret = fakeNotifyConfig().apiKey!.replace(/.{36}$/, crypto.randomUUID());
    const result = await sendEmail(db, invitation(), {
      config: fakeNotifyConfig({ apiKey: wrongSecret }),
    });
    expect(result).toMatchObject({ status: "failed", error: "Notify refused our API key" });
  });

  it("records Notify's own words when it rejects the request, without our values in them", async () => {
    const result = await sendEmail(db, invitation(), {
      config: fakeNotifyConfig({
        templates: { ...fakeNotifyTemplates, invitation: crypto.randomUUID() },
      }),
    });
    expect(result).toMatchObject({ status: "failed", error: "Template not found" });
  });

  it("fails without calling Notify when no template id is configured", async () => {
    const result = await sendEmail(db, invitation(), {
      config: fakeNotifyConfig({ templates: { ...fakeNotifyTemplates, invitation: "" } }),
    });
    expect(result).toMatchObject({ status: "failed", error: expect.stringMatching(/template/) });
    expect(notifyRequests).toHaveLength(0);
  });
});

describe("when Notify cannot take the email", () => {
  const failures = [
    ["rate limits us (429)", notifyFailsWith(429), "Notify is rate limiting us; try again shortly"],
    ["refuses our key (403)", notifyFailsWith(403), "Notify refused our API key"],
    ["is down (500)", notifyFailsWith(500), "Notify is unavailable"],
    ["never answers", notifyNeverAnswers(), "Notify timed out after 200 ms"],
  ] as const;

  it.each(failures)(
    "Notify %s: the row is failed, nothing throws, and a resend goes",
    async (_, handler, error) => {
      server.use(handler);
      const config = fakeNotifyConfig({ timeoutMs: 200 });

      const failed = await sendEmail(db, invitation(), { config });

      expect(failed).toEqual({ messageId: expect.any(Number), status: "failed", error });
      const row = await getMessage(db, { id: failed.messageId });
      expect(row).toMatchObject({ status: "failed", error, notify_id: null });
      expect(row?.error).not.toContain(link);
      expect(row?.error).not.toContain("abcdefghijklmnopqrstuvwxyz234567");

      server.resetHandlers();
      const resent = await sendEmail(db, invitation(), { config });
      expect(resent.status).toBe("sent");
      expect(resent.messageId).not.toBe(failed.messageId);
    },
  );

  it("hangs up on a Notify that never answers, closing the connection", async () => {
    // A real socket, so the test sees the connection end, not only the promise settle.
    const closed = new Promise<void>((resolve) => {
      hangingServer.on("connection", (socket) => socket.on("close", () => resolve()));
    });
    await new Promise<void>((resolve) => hangingServer.listen(0, "127.0.0.1", resolve));
    const { port } = hangingServer.address() as AddressInfo;
    const baseUrl = `http://127.0.0.1:${port}`;
    server.use(http.post(`${baseUrl}/v2/notifications/email`, () => passthrough()));

    const result = await sendEmail(db, invitation(), {
      config: fakeNotifyConfig({ baseUrl, timeoutMs: 150 }),
    });

    expect(result).toMatchObject({ status: "failed", error: "Notify timed out after 150 ms" });
    await closed;
  });
});
