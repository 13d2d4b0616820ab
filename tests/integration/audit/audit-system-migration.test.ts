import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { migrateTo, migrateToLatest } from "../../../db/migrator";
import { createTestDatabase } from "../../setup/database";
import { insertDraftMonth } from "../../support/draft-month";

describe("the audit events' system migration (issue 22)", () => {
  it("gives each existing event the system of what it is about, and a paused sign-in its address's owner", async () => {
    const database = await createTestDatabase();
    const db = database.open();
    try {
      await migrateTo(db, "2026-11-25-10-report-jobs");
      const { system, org, period, assessment } = await insertDraftMonth(db);
      const other = await db
        .insertInto("system")
        .values({ name: "Other ICS" })
        .returning("id")
        .executeTakeFirstOrThrow();
      const place = await db
        .insertInto("place")
        .values({ system_id: other.id, name: "Elsewhere" })
        .returning("id")
        .executeTakeFirstOrThrow();
      const person = await db
        .insertInto("app_user")
        .values({ email: "place.lead@example.com", name: "Pat Lead" })
        .returning("id")
        .executeTakeFirstOrThrow();
      const events: Array<[string, string | null, string | null, object | null]> = [
        ["organisation.updated", "organisation", String(org.id), null],
        ["place.created", "place", String(place.id), null],
        ["period.opened", "assessment_period", String(period.id), null],
        ["component.saved", "assessment", String(assessment.id), null],
        ["role.granted", "user", String(person.id), { role: "place_lead", placeId: place.id }],
        ["role.granted", "user", String(person.id), { role: "champion", organisationId: org.id }],
        ["role.granted", "user", String(person.id), { role: "admin", systemId: other.id }],
        ["sign_in.success", null, null, null],
        ["sign_in.rate_limited", null, null, { email: "place.lead@example.com" }],
        ["sign_in.rate_limited", null, null, { email: "nobody@nowhere.example" }],
        ["organisation.updated", "organisation", "999999", null],
      ];
      // Raw SQL: the table as it stood before the migration, with no system column.
      for (const [action, targetType, targetId, detail] of events) {
        await sql`insert into audit_event (at, actor_user_id, action, target_type, target_id, detail)
          values ('2026-11-30T10:00:00.000Z', ${action === "sign_in.success" ? person.id : null},
            ${action}, ${targetType}, ${targetId}, ${detail ? JSON.stringify(detail) : null})`.execute(
          db,
        );
      }

      expect(await migrateToLatest(db)).toContain("2026-12-07-41-audit-event-system");

      const after = await db
        .selectFrom("audit_event")
        .select(["action", "target_type", "target_id", "system_id"])
        .orderBy("id")
        .execute();
      const ids = (row: { target_id: string | null; system_id: number | null }) => ({
        ...row,
        system_id: row.system_id === null ? null : Number(row.system_id),
      });
      expect(after.map(ids)).toEqual([
        {
          action: "organisation.updated",
          target_type: "organisation",
          target_id: String(org.id),
          system_id: system.id,
        },
        {
          action: "place.created",
          target_type: "place",
          target_id: String(place.id),
          system_id: other.id,
        },
        {
          action: "period.opened",
          target_type: "assessment_period",
          target_id: String(period.id),
          system_id: system.id,
        },
        {
          action: "component.saved",
          target_type: "assessment",
          target_id: String(assessment.id),
          system_id: system.id,
        },
        {
          action: "role.granted",
          target_type: "user",
          target_id: String(person.id),
          system_id: other.id,
        },
        {
          action: "role.granted",
          target_type: "user",
          target_id: String(person.id),
          system_id: system.id,
        },
        {
          action: "role.granted",
          target_type: "user",
          target_id: String(person.id),
          system_id: other.id,
        },
        // About a person alone: no system; shown where they hold a role.
        { action: "sign_in.success", target_type: null, target_id: null, system_id: null },
        {
          action: "sign_in.rate_limited",
          target_type: "user",
          target_id: String(person.id),
          system_id: null,
        },
        // About no one known, and about a thing since removed: no system.
        { action: "sign_in.rate_limited", target_type: null, target_id: null, system_id: null },
        {
          action: "organisation.updated",
          target_type: "organisation",
          target_id: "999999",
          system_id: null,
        },
      ]);
      // The column refers to the system table.
      await expect(
        sql`insert into audit_event (at, action, system_id) values ('2026-12-01', 'sign_out', 999999)`.execute(
          db,
        ),
      ).rejects.toThrow();
    } finally {
      await db.destroy();
      await database.cleanup();
    }
  });
});
