import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { latestMessageForUser, listMessages } from "~/models/messages.server";
import { sendEmail } from "~/email/notify.server";
import type { createDatabase } from "../../../db/dialect";
import { migrateToLatest } from "../../../db/migrator";
import { fakeNotifyConfig, handlers, notifyFailsWith, notifyRequests } from "../../mocks/notify";
import { createTestDatabase, type TestDatabase } from "../../setup/database";

// Listening, so that any call to Notify in outbox mode would be seen (and fail the test).
const server = setupServer(...handlers);
let database: TestDatabase;
let db: ReturnType<typeof createDatabase>;
let userId: number;
let systemId: number;

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
beforeEach(async () => {
  database = await createTestDatabase();
  db = database.open();
  await migrateToLatest(db);
  userId = (
    await db
      .insertInto("app_user")
      .values({ email: "sam.taylor@example.nhs.uk", name: "Sam Taylor" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  // Sam is a system administrator: the outbox lists emails to the system's people.
  systemId = (
    await db.insertInto("system").values({ name: "ICS" }).returning("id").executeTakeFirstOrThrow()
  ).id;
  await db
    .insertInto("role_assignment")
    .values({ user_id: userId, role: "admin", system_id: systemId })
    .execute();
  notifyRequests.length = 0;
});
afterEach(async () => {
  server.resetHandlers();
  vi.unstubAllEnvs();
  await db.destroy();
  await database.cleanup();
});

const outboxConfig = () => fakeNotifyConfig({ apiKey: null });
const resetLink = "http://127.0.0.1:3000/reset-password/mfrggzdfmztwq2lknnwg23tpobyxe43u";
const passwordReset = () => ({
  template: "password_reset" as const,
  to: "sam.taylor@example.nhs.uk",
  userId,
  personalisation: { name: "Sam Taylor", link: resetLink },
});

describe("the outbox, when there is no Notify key", () => {
  it("keeps the whole email, link included, and prints it for the offline demo", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});

    const result = await sendEmail(db, passwordReset(), { config: outboxConfig() });

    expect(result).toEqual({ messageId: expect.any(Number), status: "outbox" });
    expect(notifyRequests).toHaveLength(0);
    const [listed] = await listMessages(db, { systemIds: [systemId], limit: 10, status: "outbox" });
    expect(listed).toMatchObject({
      id: result.messageId,
      template: "password_reset",
      to_email: "sam.taylor@example.nhs.uk",
      status: "outbox",
      notify_id: null,
      error: null,
    });
    expect(listed?.outbox_body).toMatch(/^Subject: Reset your Anchor Charter password/);
    expect(listed?.outbox_body).toContain(resetLink);
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]?.[0])).toContain(listed?.outbox_body);
  });

  it("is what happens by default, with NOTIFY_API_KEY unset", async () => {
    vi.stubEnv("NOTIFY_API_KEY", "");
    vi.spyOn(console, "log").mockImplementation(() => {});
    expect((await sendEmail(db, passwordReset())).status).toBe("outbox");
    expect(notifyRequests).toHaveLength(0);
  });

  it("lists messages newest first, by status, and finds a person's latest of a kind", async () => {
    vi.spyOn(console, "log").mockImplementation(() => {});
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const first = await sendEmail(db, passwordReset(), { config: outboxConfig() });
    server.use(notifyFailsWith(500));
    const failed = await sendEmail(db, passwordReset(), { config: fakeNotifyConfig() });
    const last = await sendEmail(db, passwordReset(), { config: outboxConfig() });

    const all = await listMessages(db, { systemIds: [systemId], limit: 10 });
    expect(all.map((m) => m.id)).toEqual([last.messageId, failed.messageId, first.messageId]);
    expect(all[1]?.outbox_body).toBeNull();
    const outbox = await listMessages(db, { systemIds: [systemId], limit: 10, status: "outbox" });
    expect(outbox.map((m) => m.id)).toEqual([last.messageId, first.messageId]);
    expect((await listMessages(db, { systemIds: [systemId], limit: 1 })).map((m) => m.id)).toEqual([
      last.messageId,
    ]);

    const latest = await latestMessageForUser(db, { userId, template: "password_reset" });
    expect(latest?.id).toBe(last.messageId);
    expect(await latestMessageForUser(db, { userId, template: "invitation" })).toBeUndefined();
  });

  it("refuses an email missing its link before anything is recorded", async () => {
    await expect(
      sendEmail(
        db,
        { ...passwordReset(), personalisation: { name: "Sam Taylor" } },
        { config: outboxConfig() },
      ),
    ).rejects.toThrow(/needs personalisation: link/);
    expect(await listMessages(db, { systemIds: [systemId], limit: 10 })).toEqual([]);
  });
});

describe("the outbox of one system", () => {
  it("lists only emails to that system's people", async () => {
    vi.spyOn(console, "log").mockImplementation(() => {});
    const other = (
      await db
        .insertInto("system")
        .values({ name: "Other ICS" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    const stranger = (
      await db
        .insertInto("app_user")
        .values({ email: "kim@other.example", name: "Kim" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    await db
      .insertInto("role_assignment")
      .values({ user_id: stranger, role: "admin", system_id: other })
      .execute();
    await sendEmail(db, passwordReset(), { config: outboxConfig() });
    await sendEmail(
      db,
      { ...passwordReset(), to: "kim@other.example", userId: stranger },
      { config: outboxConfig() },
    );

    const ours = await listMessages(db, { systemIds: [systemId], limit: 10 });
    const theirs = await listMessages(db, { systemIds: [other], limit: 10 });
    expect(ours.map((m) => m.to_email)).toEqual(["sam.taylor@example.nhs.uk"]);
    expect(theirs.map((m) => m.to_email)).toEqual(["kim@other.example"]);
  });

  it("lists an email about one system's organisation in that system's outbox alone, whoever it is to", async () => {
    vi.spyOn(console, "log").mockImplementation(() => {});
    const other = (
      await db
        .insertInto("system")
        .values({ name: "Other ICS" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    // Sam also administers the other system: a person of both.
    await db
      .insertInto("role_assignment")
      .values({ user_id: userId, role: "admin", system_id: other })
      .execute();
    const reminder = (system: number, organisation: string) =>
      sendEmail(
        db,
        {
          template: "reminder",
          to: "sam.taylor@example.nhs.uk",
          userId,
          systemId: system,
          personalisation: {
            name: "Sam Taylor",
            organisation,
            period: "November 2026",
            due_date: "14 December 2026",
            link: "http://127.0.0.1:3000/organisations/1/periods/1",
            sender: "Pat Lead",
          },
        },
        { config: outboxConfig() },
      );
    await reminder(systemId, "Our Trust");
    await reminder(other, "Their Trust");
    await sendEmail(db, passwordReset(), { config: outboxConfig() });
    const bodies = async (systemIds: number[]) =>
      (await listMessages(db, { systemIds, limit: 10 })).map(
        (m) => /Our Trust|Their Trust/.exec(m.outbox_body ?? "")?.[0] ?? m.template,
      );
    // The reset is about Sam alone: both systems Sam works in list it.
    expect(await bodies([systemId])).toEqual(["password_reset", "Our Trust"]);
    expect(await bodies([other])).toEqual(["password_reset", "Their Trust"]);
  });
});
