import { type Kysely, PostgresAdapter, sql } from "kysely";

// Self-contained on purpose: a migration must behave the same forever, so it
// imports nothing from the app and nothing shared with other migrations.

/**
 * A fifth role, the system reader (the ICS programme team and board members):
 * held for a system, as an administrator's is, and reads without changing
 * anything. role_assignment's checks name the roles, so they change.
 *
 * SQLite cannot alter a CHECK constraint, so the table is rebuilt (new, copy,
 * drop, rename) inside the migrator's transaction, with foreign keys off and
 * checked before it commits (ADR 017). PostgreSQL swaps the two constraints.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table role_assignment
      drop constraint role_assignment_role_check,
      drop constraint role_scope_matches`.execute(db);
    await sql`alter table role_assignment
      add constraint role_assignment_role_check
        check (role in ('champion', 'steering_member', 'place_lead', 'admin', 'system_reader')),
      add constraint role_scope_matches check (
        (role = 'champion' and organisation_id is not null and place_id is null and system_id is null)
        or (role in ('steering_member', 'place_lead') and place_id is not null and organisation_id is null and system_id is null)
        or (role in ('admin', 'system_reader') and system_id is not null and organisation_id is null and place_id is null))`.execute(
      db,
    );
    return;
  }

  await sql`create table role_assignment_new (
    id integer primary key autoincrement,
    user_id integer not null references app_user(id) on delete cascade,
    role text not null check (role in ('champion', 'steering_member', 'place_lead', 'admin', 'system_reader')),
    organisation_id integer references organisation(id),
    place_id integer references place(id),
    system_id integer references system(id),
    created_at text not null default CURRENT_TIMESTAMP,
    constraint role_scope_matches check (
      (role = 'champion' and organisation_id is not null and place_id is null and system_id is null)
      or (role in ('steering_member', 'place_lead') and place_id is not null and organisation_id is null and system_id is null)
      or (role in ('admin', 'system_reader') and system_id is not null and organisation_id is null and place_id is null))
  )`.execute(db);
  await sql`insert into role_assignment_new
    (id, user_id, role, organisation_id, place_id, system_id, created_at)
    select id, user_id, role, organisation_id, place_id, system_id, created_at
    from role_assignment`.execute(db);
  await sql`drop table role_assignment`.execute(db);
  await sql`alter table role_assignment_new rename to role_assignment`.execute(db);
  await sql`create unique index role_assignment_unique on role_assignment
    (user_id, role, coalesce(organisation_id, 0), coalesce(place_id, 0), coalesce(system_id, 0))`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error("The system reader role cannot be unmigrated without removing its holders.");
}
