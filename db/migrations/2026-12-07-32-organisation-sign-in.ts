import { type CreateTableBuilder, type Kysely, PostgresAdapter } from "kysely";

// Self-contained on purpose: a migration must behave the same forever, so it
// imports nothing from the app and nothing shared with other migrations.

function withId<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, never>) {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return table.addColumn("id", "integer", (col) =>
    postgres ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement(),
  );
}

/**
 * Signing in with the organisation's own account (OpenID Connect), set up
 * per system by its administrators: the provider (issuer, client, the client
 * secret encrypted with SECRETS_KEY, the tenants and e-mail domains it may
 * sign in), and once a person has signed in through it, the provider's
 * subject for them, so later sign-ins match by subject rather than by an
 * e-mail address the provider might let someone change.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("oidc_provider"))
    .addColumn("system_id", "integer", (c) =>
      c.notNull().references("system.id").onDelete("cascade"),
    )
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("issuer", "text", (c) => c.notNull())
    .addColumn("client_id", "text", (c) => c.notNull())
    .addColumn("client_secret", "text", (c) => c.notNull())
    /** JSON arrays of text. */
    .addColumn("allowed_tenants", "text", (c) => c.notNull())
    .addColumn("allowed_domains", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("oidc_provider_system_idx")
    .on("oidc_provider")
    .column("system_id")
    .execute();

  await withId(db, db.schema.createTable("oidc_identity"))
    .addColumn("provider_id", "integer", (c) =>
      c.notNull().references("oidc_provider.id").onDelete("cascade"),
    )
    .addColumn("user_id", "integer", (c) =>
      c.notNull().references("app_user.id").onDelete("cascade"),
    )
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_used_at", "text", (c) => c.notNull())
    .addUniqueConstraint("oidc_identity_subject_unique", ["provider_id", "subject"])
    .addUniqueConstraint("oidc_identity_user_unique", ["provider_id", "user_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("oidc_identity").execute();
  await db.schema.dropTable("oidc_provider").execute();
}
