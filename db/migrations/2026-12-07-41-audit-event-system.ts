import { type Kysely, sql } from "kysely";

// Self-contained on purpose: a migration must behave the same forever, so it
// imports nothing from the app and nothing shared with other migrations.

/**
 * Every audit event about a system's things belongs to that system, written
 * down when it is recorded (issue 22): the log had no system of its own and
 * was shown to the administrators of every system its actor held a role in,
 * so a person with roles in two systems carried what they did in one into
 * the other's log, and an event about nobody was shown to every system.
 * An event about a person alone (signing in, their second factor) keeps no
 * system and is shown where that person holds a role; an event about no one
 * known belongs to no system and no administrator's page shows it.
 *
 * Existing rows are given their system from what they are about: the
 * organisation, place, month or assessment they name, and for a role given
 * the scope in its detail. A sign-in paused for an address that belongs to
 * someone is made about that person, as the app now records it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("audit_event")
    .addColumn("system_id", "integer", (c) => c.references("system.id").onDelete("set null"))
    .execute();

  const thing = (type: string, systemOf: ReturnType<typeof sql>) =>
    sql`update audit_event set system_id = (${systemOf})
        where system_id is null and target_type = ${type}`.execute(db);
  await thing(
    "organisation",
    sql`select t.system_id from organisation t where cast(t.id as text) = audit_event.target_id`,
  );
  await thing(
    "place",
    sql`select t.system_id from place t where cast(t.id as text) = audit_event.target_id`,
  );
  await thing(
    "assessment_period",
    sql`select t.system_id from assessment_period t where cast(t.id as text) = audit_event.target_id`,
  );
  await thing(
    "assessment",
    sql`select o.system_id from assessment t join organisation o on o.id = t.organisation_id
        where cast(t.id as text) = audit_event.target_id`,
  );

  // A role's scope is in its detail (JSON text): read in code, the same on both databases.
  const granted = await db
    .selectFrom("audit_event")
    .select(["id", "detail"])
    .where("action", "=", "role.granted")
    .where("system_id", "is", null)
    .execute();
  for (const row of granted) {
    const scope = parse(row.detail);
    const systemId =
      typeof scope.systemId === "number"
        ? scope.systemId
        : typeof scope.placeId === "number"
          ? (
              await db
                .selectFrom("place")
                .select("system_id")
                .where("id", "=", scope.placeId)
                .executeTakeFirst()
            )?.system_id
          : typeof scope.organisationId === "number"
            ? (
                await db
                  .selectFrom("organisation")
                  .select("system_id")
                  .where("id", "=", scope.organisationId)
                  .executeTakeFirst()
              )?.system_id
            : undefined;
    const exists =
      systemId !== undefined &&
      (await db.selectFrom("system").select("id").where("id", "=", systemId).executeTakeFirst());
    if (exists) {
      await db
        .updateTable("audit_event")
        .set({ system_id: systemId })
        .where("id", "=", row.id)
        .execute();
    }
  }

  // Paused sign-ins named only the address typed: about its owner, if it has one.
  const paused = await db
    .selectFrom("audit_event")
    .select("detail")
    .distinct()
    .where("action", "=", "sign_in.rate_limited")
    .where("target_id", "is", null)
    .execute();
  for (const { detail } of paused) {
    const email = parse(detail).email;
    if (typeof email !== "string") continue;
    const owner = await db
      .selectFrom("app_user")
      .select("id")
      .where("email", "=", email.trim().toLowerCase())
      .executeTakeFirst();
    if (!owner) continue;
    await db
      .updateTable("audit_event")
      .set({ target_type: "user", target_id: String(owner.id) })
      .where("action", "=", "sign_in.rate_limited")
      .where("target_id", "is", null)
      .where("detail", "=", detail)
      .execute();
  }

  await db.schema
    .createIndex("audit_event_system_idx")
    .on("audit_event")
    .columns(["system_id", "id"])
    .execute();
}

function parse(detail: string | null): Record<string, unknown> {
  if (!detail) return {};
  try {
    const value: unknown = JSON.parse(detail);
    return value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("audit_event_system_idx").execute();
  await db.schema.alterTable("audit_event").dropColumn("system_id").execute();
}
