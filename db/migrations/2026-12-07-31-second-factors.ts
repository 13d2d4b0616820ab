import { type CreateTableBuilder, type Kysely, PostgresAdapter, sql } from "kysely";

// Self-contained on purpose: a migration must behave the same forever, so it
// imports nothing from the app and nothing shared with other migrations.

function withId<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, never>) {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return table.addColumn("id", "integer", (col) =>
    postgres ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement(),
  );
}

/**
 * A second factor for everyone (issue 21): passkeys (WebAuthn credentials,
 * several per person, each named), recovery codes (stored as SHA-256 of
 * 120 random bits, each usable once), the challenges a WebAuthn ceremony
 * must answer (each used once, within minutes), and the last TOTP time step
 * used, so a code cannot sign in twice.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("passkey"))
    .addColumn("user_id", "integer", (c) =>
      c.notNull().references("app_user.id").onDelete("cascade"),
    )
    .addColumn("credential_id", "text", (c) => c.notNull().unique())
    .addColumn("public_key", "text", (c) => c.notNull())
    .addColumn("counter", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("transports", "text")
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("backed_up", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_used_at", "text")
    .execute();
  await db.schema.createIndex("passkey_user_idx").on("passkey").column("user_id").execute();

  await withId(db, db.schema.createTable("recovery_code"))
    .addColumn("user_id", "integer", (c) =>
      c.notNull().references("app_user.id").onDelete("cascade"),
    )
    .addColumn("code_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema
    .createIndex("recovery_code_user_idx")
    .on("recovery_code")
    .column("user_id")
    .execute();

  await db.schema
    .createTable("webauthn_challenge")
    .addColumn("challenge", "text", (c) => c.primaryKey())
    .addColumn("purpose", "text", (c) =>
      c.notNull().check(sql`purpose in ('register', 'sign_in', 'second_factor')`),
    )
    .addColumn("user_id", "integer", (c) => c.references("app_user.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();

  await db.schema.alterTable("app_user").addColumn("totp_last_step", "integer").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("app_user").dropColumn("totp_last_step").execute();
  await db.schema.dropTable("webauthn_challenge").execute();
  await db.schema.dropTable("recovery_code").execute();
  await db.schema.dropTable("passkey").execute();
}
