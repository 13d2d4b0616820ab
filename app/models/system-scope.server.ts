import { type RawBuilder, type SqlBool, sql } from "kysely";

/**
 * Conditions that keep one system's records from another system's
 * administrators, for tables that carry no system of their own (the audit
 * log, the outbox): they belong to the systems of the people and things
 * they are about. Portable SQL, the same on SQLite and PostgreSQL.
 */

/** The user (a column holding their id) holds a role in one of the systems. */
export function userInSystems(
  userIdColumn: string,
  systemIds: readonly number[],
): RawBuilder<SqlBool> {
  const systems = sql.join([...systemIds]);
  return sql<SqlBool>`exists (select 1 from role_assignment ra
    left join organisation ro on ro.id = ra.organisation_id
    left join place rp on rp.id = ra.place_id
    where ra.user_id = ${sql.ref(userIdColumn)}
    and (ra.system_id in (${systems}) or ro.system_id in (${systems}) or rp.system_id in (${systems})))`;
}

/**
 * An audit target (type and id kept as text) that belongs to one of the
 * systems: the thing itself, or for a person, one of their roles.
 */
export function auditTargetInSystems(systemIds: readonly number[]): RawBuilder<SqlBool> {
  const systems = sql.join([...systemIds]);
  const id = (column: string) => sql`cast(${sql.ref(column)} as text) = audit_event.target_id`;
  return sql<SqlBool>`(
    (audit_event.target_type = 'organisation' and exists (select 1 from organisation t where ${id("t.id")} and t.system_id in (${systems})))
    or (audit_event.target_type = 'place' and exists (select 1 from place t where ${id("t.id")} and t.system_id in (${systems})))
    or (audit_event.target_type = 'assessment_period' and exists (select 1 from assessment_period t where ${id("t.id")} and t.system_id in (${systems})))
    or (audit_event.target_type = 'outcome_measure' and exists (select 1 from outcome_measure t where ${id("t.id")} and t.system_id in (${systems})))
    or (audit_event.target_type = 'assessment' and exists (select 1 from assessment t join organisation o on o.id = t.organisation_id where ${id("t.id")} and o.system_id in (${systems})))
    or (audit_event.target_type = 'user' and exists (select 1 from app_user t where ${id("t.id")} and ${userInSystems("t.id", systemIds)}))
  )`;
}
