import { type CreateTableBuilder, type Kysely, PostgresAdapter, sql } from "kysely";

// Self-contained on purpose: see 2026-11-23-01-initial.

function withId<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, never>) {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return table.addColumn("id", "integer", (col) =>
    postgres ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement(),
  );
}

const now = sql`CURRENT_TIMESTAMP`;

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("app_user"))
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    // Null until the person accepts their invitation and sets one.
    .addColumn("password_hash", "text")
    .addColumn("totp_key", "text")
    .addColumn("totp_enabled_at", "text")
    .addColumn("is_demo", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("deactivated_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  // The scope column that matters depends on the role; the checks keep them honest.
  await withId(db, db.schema.createTable("role_assignment"))
    .addColumn("user_id", "integer", (c) =>
      c.notNull().references("app_user.id").onDelete("cascade"),
    )
    .addColumn("role", "text", (c) =>
      c.notNull().check(sql`role in ('champion', 'steering_member', 'place_lead', 'admin')`),
    )
    .addColumn("organisation_id", "integer", (c) => c.references("organisation.id"))
    .addColumn("place_id", "integer", (c) => c.references("place.id"))
    .addColumn("system_id", "integer", (c) => c.references("system.id"))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addCheckConstraint(
      "role_scope_matches",
      sql`(role = 'champion' and organisation_id is not null and place_id is null and system_id is null)
       or (role in ('steering_member', 'place_lead') and place_id is not null and organisation_id is null and system_id is null)
       or (role = 'admin' and system_id is not null and organisation_id is null and place_id is null)`,
    )
    .execute();
  await db.schema
    .createIndex("role_assignment_unique")
    .on("role_assignment")
    .expression(
      sql`user_id, role, coalesce(organisation_id, 0), coalesce(place_id, 0), coalesce(system_id, 0)`,
    )
    .unique()
    .execute();

  // id is the SHA-256 of the token: a stolen database yields no usable session.
  await db.schema
    .createTable("session")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) =>
      c.notNull().references("app_user.id").onDelete("cascade"),
    )
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("two_factor_verified", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex("session_user_idx").on("session").column("user_id").execute();

  await withId(db, db.schema.createTable("one_time_token"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("purpose", "text", (c) =>
      c.notNull().check(sql`purpose in ('invitation', 'password_reset')`),
    )
    .addColumn("user_id", "integer", (c) =>
      c.notNull().references("app_user.id").onDelete("cascade"),
    )
    .addColumn("created_by", "integer", (c) => c.references("app_user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();

  // Every email the service sends, and whether it went.
  await withId(db, db.schema.createTable("message"))
    .addColumn("template", "text", (c) =>
      c.notNull().check(sql`template in ('invitation', 'password_reset')`),
    )
    .addColumn("to_email", "text", (c) => c.notNull())
    .addColumn("user_id", "integer", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status in ('pending', 'sent', 'failed', 'outbox')`),
    )
    .addColumn("notify_id", "text")
    .addColumn("error", "text")
    // Only kept when there is no Notify key: the outbox is how an offline demo reads its mail.
    .addColumn("outbox_body", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  await withId(db, db.schema.createTable("audit_event"))
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_user_id", "integer", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("target_type", "text")
    .addColumn("target_id", "text")
    .addColumn("detail", "text")
    .addColumn("ip", "text")
    .execute();
  await db.schema.createIndex("audit_event_at_idx").on("audit_event").column("at").execute();

  await db.schema
    .createTable("rate_limit")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("window_start", "text", (c) => c.notNull())
    .addColumn("hits", "integer", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "rate_limit",
    "audit_event",
    "message",
    "one_time_token",
    "session",
    "role_assignment",
    "app_user",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
