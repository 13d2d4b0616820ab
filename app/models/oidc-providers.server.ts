import type { Kysely } from "kysely";
import type { Database, OidcProvider } from "../../db/schema";

export type ProviderInput = {
  name: string;
  issuer: string;
  clientId: string;
  /** Sealed already (app/auth/oidc/secrets.server.ts); null on an edit keeps the one stored. */
  sealedSecret: string | null;
  allowedTenants: string[];
  allowedDomains: string[];
};

export const providerLists = (p: OidcProvider) => ({
  allowedTenants: JSON.parse(p.allowed_tenants) as string[],
  allowedDomains: JSON.parse(p.allowed_domains) as string[],
});

export async function listProviders(
  db: Kysely<Database>,
  args: { systemIds?: number[] } = {},
): Promise<OidcProvider[]> {
  let query = db.selectFrom("oidc_provider").selectAll().orderBy("name").orderBy("id");
  if (args.systemIds) {
    if (args.systemIds.length === 0) return [];
    query = query.where("system_id", "in", args.systemIds);
  }
  return query.execute();
}

export async function getProvider(db: Kysely<Database>, args: { id: number }) {
  return db.selectFrom("oidc_provider").selectAll().where("id", "=", args.id).executeTakeFirst();
}

export async function createProvider(
  db: Kysely<Database>,
  args: ProviderInput & { systemId: number; now: Date },
) {
  return db
    .insertInto("oidc_provider")
    .values({
      system_id: args.systemId,
      name: args.name,
      issuer: args.issuer,
      client_id: args.clientId,
      client_secret: args.sealedSecret ?? "",
      allowed_tenants: JSON.stringify(args.allowedTenants),
      allowed_domains: JSON.stringify(args.allowedDomains),
      created_at: args.now.toISOString(),
      updated_at: args.now.toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateProvider(
  db: Kysely<Database>,
  args: ProviderInput & { id: number; now: Date },
) {
  await db
    .updateTable("oidc_provider")
    .set({
      name: args.name,
      issuer: args.issuer,
      client_id: args.clientId,
      ...(args.sealedSecret ? { client_secret: args.sealedSecret } : {}),
      allowed_tenants: JSON.stringify(args.allowedTenants),
      allowed_domains: JSON.stringify(args.allowedDomains),
      updated_at: args.now.toISOString(),
    })
    .where("id", "=", args.id)
    .execute();
}

export async function removeProvider(db: Kysely<Database>, args: { id: number }) {
  await db.deleteFrom("oidc_provider").where("id", "=", args.id).execute();
}

/** The person a provider's subject was linked to, the first time their e-mail matched. */
export async function userForSubject(
  db: Kysely<Database>,
  args: { providerId: number; subject: string },
): Promise<number | null> {
  const row = await db
    .selectFrom("oidc_identity")
    .select("user_id")
    .where("provider_id", "=", args.providerId)
    .where("subject", "=", args.subject)
    .executeTakeFirst();
  return row?.user_id ?? null;
}

/** Whether the person is already linked to another subject at this provider. */
export async function subjectOfUser(
  db: Kysely<Database>,
  args: { providerId: number; userId: number },
): Promise<string | null> {
  const row = await db
    .selectFrom("oidc_identity")
    .select("subject")
    .where("provider_id", "=", args.providerId)
    .where("user_id", "=", args.userId)
    .executeTakeFirst();
  return row?.subject ?? null;
}

/** Links a subject to a person on their first sign-in, or notes a later one. */
export async function recordIdentityUse(
  db: Kysely<Database>,
  args: { providerId: number; userId: number; subject: string; now: Date },
) {
  await db
    .insertInto("oidc_identity")
    .values({
      provider_id: args.providerId,
      user_id: args.userId,
      subject: args.subject,
      created_at: args.now.toISOString(),
      last_used_at: args.now.toISOString(),
    })
    .onConflict((oc) =>
      oc.columns(["provider_id", "subject"]).doUpdateSet({ last_used_at: args.now.toISOString() }),
    )
    .execute();
}
