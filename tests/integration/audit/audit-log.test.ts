import { beforeEach, describe, expect, it } from "vitest";
import { listAuditEvents, recordAudit } from "~/models/audit.server";
import { type createDatabase } from "../../../db/dialect";
import { freshDatabasePerTest } from "../../setup/database";

const fresh = freshDatabasePerTest();
let db: ReturnType<typeof createDatabase>;
let adminId: number;
let championId: number;
let systemId: number;

const morning = new Date("2026-11-23T09:00:00Z");
const later = (minutes: number) => new Date(morning.getTime() + minutes * 60_000);

beforeEach(async () => {
  db = fresh.db;
  const users = await db
    .insertInto("app_user")
    .values([
      { email: "admin@example.nhs.uk", name: "Alex Admin" },
      { email: "chris.champion@example.nhs.uk", name: "Chris Champion" },
    ])
    .returning("id")
    .execute();
  [adminId, championId] = users.map((u) => u.id) as [number, number];
  systemId = (
    await db.insertInto("system").values({ name: "ICS" }).returning("id").executeTakeFirstOrThrow()
  ).id;
  const organisationId = (
    await db
      .insertInto("organisation")
      .values({ system_id: systemId, place_id: null, name: "Trust", type: "nhs_trust" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  await db
    .insertInto("role_assignment")
    .values([
      { user_id: adminId, role: "admin", system_id: systemId },
      { user_id: championId, role: "champion", organisation_id: organisationId },
    ])
    .execute();
});

describe("the audit log", () => {
  it("lists what happened newest first, with who did it and the detail as recorded", async () => {
    await recordAudit(db, {
      actorUserId: adminId,
      action: "invitation.sent",
      targetType: "user",
      targetId: championId,
      detail: { role: "champion", organisationId: 4, messageId: 12 },
      ip: "192.0.2.10",
      now: morning,
    });
    await recordAudit(db, {
      actorUserId: championId,
      action: "invitation.accepted",
      targetType: "user",
      targetId: championId,
      now: later(30),
    });
    await recordAudit(db, {
      actorUserId: null,
      action: "sign_in.failure",
      detail: { email: "nobody@example.nhs.uk", reasons: ["unknown_email"] },
      ip: "198.51.100.7",
      now: later(40),
    });

    await recordAudit(db, {
      actorUserId: null,
      action: "sign_in.failure",
      targetType: "user",
      targetId: championId,
      detail: { email: "chris.champion@example.nhs.uk" },
      ip: "198.51.100.8",
      now: later(50),
    });

    const events = await listAuditEvents(db, { systemIds: [systemId], limit: 10 });

    // A failed sign-in for an address nobody has is about no one: no system's log shows it.
    expect(events.map((e) => e.action)).toEqual([
      "sign_in.failure",
      "invitation.accepted",
      "invitation.sent",
    ]);
    expect(events[0]).toMatchObject({ actor_name: null, actor_email: null, ip: "198.51.100.8" });
    expect(events[1]).toMatchObject({ actor_name: "Chris Champion", detailParsed: null });
    expect(events[2]).toMatchObject({
      at: "2026-11-23T09:00:00.000Z",
      actor_user_id: adminId,
      actor_name: "Alex Admin",
      actor_email: "admin@example.nhs.uk",
      target_type: "user",
      target_id: String(championId),
      detailParsed: { role: "champion", organisationId: 4, messageId: 12 },
    });
    expect(events[0]?.detailParsed).toEqual({ email: "chris.champion@example.nhs.uk" });
  });

  it("pages back from the oldest event shown and filters by actor and by action", async () => {
    for (let minute = 0; minute < 5; minute++) {
      await recordAudit(db, {
        actorUserId: minute % 2 === 0 ? adminId : championId,
        action: minute % 2 === 0 ? "place.updated" : "assessment.changed",
        targetId: minute,
        now: later(minute),
      });
    }
    const firstPage = await listAuditEvents(db, { systemIds: [systemId], limit: 2 });
    expect(firstPage.map((e) => e.target_id)).toEqual(["4", "3"]);
    const secondPage = await listAuditEvents(db, {
      systemIds: [systemId],
      limit: 2,
      beforeId: firstPage[1]?.id,
    });
    expect(secondPage.map((e) => e.target_id)).toEqual(["2", "1"]);

    const byChampion = await listAuditEvents(db, {
      systemIds: [systemId],
      limit: 10,
      actorUserId: championId,
    });
    expect(byChampion.map((e) => e.target_id)).toEqual(["3", "1"]);
    const placeChanges = await listAuditEvents(db, {
      systemIds: [systemId],
      limit: 10,
      action: "place.updated",
    });
    expect(placeChanges.map((e) => e.target_id)).toEqual(["4", "2", "0"]);
  });

  it.each([
    [{ token: "mfrggzdfmztwq2lk" }, "token"],
    [{ password: "correct horse battery staple" }, "password"],
    [{ link: "https://example.test/invitations/abc" }, "link"],
    [{ code: "123456" }, "code"],
    [{ resetLink: "https://example.test/reset/abc" }, "resetLink"],
    [{ new_password: "hunter2" }, "new_password"],
    [{ recoveryCodes: ["a", "b"] }, "recoveryCodes"],
    [{ invitation: { role: "champion", token: "abc" } }, "token"],
    [{ attempts: [{ code: "000000" }] }, "code"],
  ])("refuses to record a detail holding a secret: %o", async (detail, key) => {
    await expect(
      recordAudit(db, { actorUserId: adminId, action: "invitation.sent", detail, now: morning }),
    ).rejects.toThrow(`key named "${key}"`);
    expect(await listAuditEvents(db, { systemIds: [systemId], limit: 10 })).toEqual([]);
  });

  it("keeps a detail whose keys only look a little like secret words", async () => {
    const detail = { postcode: "LA1 4RP", linkedOrganisationId: 3, passwordless: false };
    await recordAudit(db, {
      actorUserId: adminId,
      action: "organisation.updated",
      detail,
      now: morning,
    });
    const [event] = await listAuditEvents(db, { systemIds: [systemId], limit: 1 });
    expect(event?.detailParsed).toEqual(detail);
  });
});

describe("the audit log of one system", () => {
  it("shows its administrators what its people did and what was done to its things, and nothing of another system", async () => {
    const system = async (name: string) =>
      (await db.insertInto("system").values({ name }).returning("id").executeTakeFirstOrThrow()).id;
    const place = async (systemOf: number, name: string) =>
      (
        await db
          .insertInto("place")
          .values({ system_id: systemOf, name })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    const other = await system("Other ICS");
    const ourPlace = await place(systemId, "Here");
    const theirPlace = await place(other, "Elsewhere");
    const stranger = (
      await db
        .insertInto("app_user")
        .values({ email: "sam@other.example", name: "Sam Other" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    await db
      .insertInto("role_assignment")
      .values({ user_id: stranger, role: "admin", system_id: other })
      .execute();
    const events: Array<[number | null, string | undefined, number | undefined]> = [
      [adminId, "place", ourPlace], // ours: our admin, our place
      [stranger, "place", theirPlace], // theirs
      [stranger, "user", stranger], // theirs
      [null, "user", stranger], // theirs: a failed sign-in to their admin's account
      [null, "user", championId], // ours: a failed sign-in to our champion's account
      [null, undefined, undefined], // about no one known: neither
    ];
    for (const [actorUserId, targetType, targetId] of events) {
      await recordAudit(db, {
        actorUserId,
        action: "sign_in.failure",
        targetType,
        targetId,
        now: morning,
      });
    }
    const seenBy = async (systemIds: number[]) =>
      (await listAuditEvents(db, { systemIds, limit: 50 }))
        .map((e) => [
          e.actor_user_id,
          e.target_type ?? undefined,
          e.target_id === null ? undefined : Number(e.target_id),
        ])
        .reverse();
    expect(await seenBy([systemId])).toEqual([events[0], events[4]]);
    expect(await seenBy([other])).toEqual([events[1], events[2], events[3]]);
    expect(await seenBy([systemId, other])).toHaveLength(5);
    expect(await seenBy([])).toEqual([]);
  });

  it("keeps what a person with roles in two systems did in one out of the other's log", async () => {
    const other = (
      await db
        .insertInto("system")
        .values({ name: "Other ICS" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    const theirTrust = (
      await db
        .insertInto("organisation")
        .values({ system_id: other, place_id: null, name: "Their Trust", type: "nhs_trust" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    const ourTrust = (
      await db
        .selectFrom("organisation")
        .select("id")
        .where("system_id", "=", systemId)
        .executeTakeFirstOrThrow()
    ).id;
    // Chris champions a trust in each system.
    await db
      .insertInto("role_assignment")
      .values({ user_id: championId, role: "champion", organisation_id: theirTrust })
      .execute();
    const did = (organisationId: number, evidence: string) =>
      recordAudit(db, {
        actorUserId: championId,
        action: "evidence.shared",
        targetType: "organisation",
        targetId: organisationId,
        detail: { evidence },
        now: morning,
      });
    await did(ourTrust, "Ours");
    await did(theirTrust, "Theirs");
    // Signing in is about Chris alone: both systems Chris works in see it.
    await recordAudit(db, { actorUserId: championId, action: "sign_in.success", now: later(1) });
    // A role given within the other system belongs to it, whoever it is about.
    await recordAudit(db, {
      actorUserId: adminId,
      action: "role.granted",
      targetType: "user",
      targetId: championId,
      detail: { role: "champion", organisationId: theirTrust },
      system: { organisationId: theirTrust },
      now: later(2),
    });
    const seenBy = async (systemIds: number[]) =>
      (await listAuditEvents(db, { systemIds, limit: 50 }))
        .map((e) => `${e.action} ${String(e.detailParsed?.evidence ?? "")}`.trim())
        .reverse();
    expect(await seenBy([systemId])).toEqual(["evidence.shared Ours", "sign_in.success"]);
    expect(await seenBy([other])).toEqual([
      "evidence.shared Theirs",
      "sign_in.success",
      "role.granted",
    ]);
    const stored = await db
      .selectFrom("audit_event")
      .select(["action", "system_id"])
      .orderBy("id")
      .execute();
    expect(stored).toEqual([
      { action: "evidence.shared", system_id: systemId },
      { action: "evidence.shared", system_id: other },
      { action: "sign_in.success", system_id: null },
      { action: "role.granted", system_id: other },
    ]);
  });
});
