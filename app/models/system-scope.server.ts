import { type RawBuilder, type SqlBool, sql } from "kysely";

/**
 * Conditions that keep one system's records from another system's
 * administrators, for records that name a person rather than a system (the
 * outbox's emails, an audit event about a person alone): they belong to the
 * systems the person holds a role in. Portable SQL, the same on SQLite and
 * PostgreSQL.
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
 * An audit event of one of the systems: one recorded as theirs, or one about
 * a person alone (no system recorded) who holds a role in one of them. The
 * person is the event's target when that is a person (a failed sign-in to
 * their account, a reset they asked for), else whoever acted. An event with
 * no system, no person as target and no one acting is about no one known:
 * no system's condition holds for it.
 */
export function auditEventInSystems(systemIds: readonly number[]): RawBuilder<SqlBool> {
  const systems = sql.join([...systemIds]);
  return sql<SqlBool>`(
    audit_event.system_id in (${systems})
    or (audit_event.system_id is null and (
      (audit_event.target_type = 'user' and exists (
        select 1 from app_user t where cast(t.id as text) = audit_event.target_id
        and ${userInSystems("t.id", systemIds)}))
      or ((audit_event.target_type is null or audit_event.target_type <> 'user')
        and ${userInSystems("audit_event.actor_user_id", systemIds)})
    ))
  )`;
}
