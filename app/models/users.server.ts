import type { Kysely, Transaction } from "kysely";
import type { Database, Role, User } from "../../db/schema";
import type { Grant } from "../access/policy";

type Db = Kysely<Database> | Transaction<Database>;

/** Emails compare case-insensitively; we store them trimmed and lower-cased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: Db, args: { email: string }): Promise<User | undefined> {
  return db
    .selectFrom("app_user")
    .selectAll()
    .where("email", "=", normaliseEmail(args.email))
    .executeTakeFirst();
}

export async function getUserById(db: Db, args: { id: number }): Promise<User | undefined> {
  return db.selectFrom("app_user").selectAll().where("id", "=", args.id).executeTakeFirst();
}

export type GrantRow = Grant & { id: number; scopeName: string };

/** A person's roles, each with its system resolved and the name of what it covers. */
export async function listGrants(db: Db, args: { userId: number }): Promise<GrantRow[]> {
  const rows = await db
    .selectFrom("role_assignment as r")
    .leftJoin("organisation as o", "o.id", "r.organisation_id")
    .leftJoin("place as p", "p.id", "r.place_id")
    .leftJoin("system as s", "s.id", "r.system_id")
    .select([
      "r.id",
      "r.role",
      "r.organisation_id",
      "r.place_id",
      "r.system_id",
      "o.system_id as org_system_id",
      "o.place_id as org_place_id",
      "p.system_id as place_system_id",
      "o.name as org_name",
      "p.name as place_name",
      "s.name as system_name",
    ])
    .where("r.user_id", "=", args.userId)
    .orderBy("r.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    organisationId: r.organisation_id,
    placeId: r.place_id,
    systemId: (r.system_id ?? r.org_system_id ?? r.place_system_id) as number,
    scopeName: r.org_name ?? r.place_name ?? r.system_name ?? "",
    ...(r.role === "champion" ? { organisationPlaceId: r.org_place_id } : {}),
  }));
}

export type NewGrant = {
  role: Role;
  organisationId?: number | null;
  placeId?: number | null;
  systemId?: number | null;
};

export async function createUser(
  db: Db,
  args: { email: string; name: string; isDemo?: boolean; passwordHash?: string | null },
): Promise<User> {
  return db
    .insertInto("app_user")
    .values({
      email: normaliseEmail(args.email),
      name: args.name.trim(),
      is_demo: args.isDemo ? 1 : 0,
      password_hash: args.passwordHash ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function grantRole(db: Db, args: { userId: number } & NewGrant): Promise<void> {
  await db
    .insertInto("role_assignment")
    .values({
      user_id: args.userId,
      role: args.role,
      organisation_id: args.organisationId ?? null,
      place_id: args.placeId ?? null,
      system_id: args.systemId ?? null,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function revokeRole(db: Db, args: { userId: number; grantId: number }) {
  await db
    .deleteFrom("role_assignment")
    .where("id", "=", args.grantId)
    .where("user_id", "=", args.userId)
    .execute();
}

export async function setPasswordHash(db: Db, args: { userId: number; passwordHash: string }) {
  await db
    .updateTable("app_user")
    .set({ password_hash: args.passwordHash })
    .where("id", "=", args.userId)
    .execute();
}

export async function setTotp(
  db: Db,
  args: { userId: number; keyHex: string | null; enabledAt: string | null },
) {
  await db
    .updateTable("app_user")
    .set({ totp_key: args.keyHex, totp_enabled_at: args.enabledAt, totp_last_step: null })
    .where("id", "=", args.userId)
    .execute();
}

/**
 * Records the TOTP time step a code signed in with, only if later than the
 * last one: the same code (or an earlier one) never signs in twice, even
 * sent twice at once (ASVS 6.5.1).
 */
export async function claimTotpStep(db: Db, args: { userId: number; step: number }) {
  const result = await db
    .updateTable("app_user")
    .set({ totp_last_step: args.step })
    .where("id", "=", args.userId)
    .where((eb) => eb.or([eb("totp_last_step", "is", null), eb("totp_last_step", "<", args.step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * An administrator's reset of someone's second factor (they lost their phone
 * and their recovery codes): the authenticator app, every passkey and every
 * recovery code go, and every session ends, all in one transaction. At the
 * next sign-in they must set one up again.
 */
export async function resetSecondFactor(db: Kysely<Database>, args: { userId: number }) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("app_user")
      .set({ totp_key: null, totp_enabled_at: null, totp_last_step: null })
      .where("id", "=", args.userId)
      .execute();
    await trx.deleteFrom("passkey").where("user_id", "=", args.userId).execute();
    await trx.deleteFrom("recovery_code").where("user_id", "=", args.userId).execute();
    await trx.deleteFrom("session").where("user_id", "=", args.userId).execute();
  });
}

/** Deactivation also ends every session, in the same transaction. */
export async function setDeactivated(
  db: Kysely<Database>,
  args: { userId: number; at: string | null },
) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("app_user")
      .set({ deactivated_at: args.at })
      .where("id", "=", args.userId)
      .execute();
    if (args.at) await trx.deleteFrom("session").where("user_id", "=", args.userId).execute();
  });
}

export type PersonSummary = Pick<User, "id" | "name" | "email" | "deactivated_at"> & {
  hasPassword: boolean;
  roles: string;
};

/**
 * People with a role in the given systems, or (for place leads) a champion
 * role in one of the given places' organisations.
 */
export async function listPeople(
  db: Db,
  args: { systemIds: number[]; placeIds: number[] },
): Promise<PersonSummary[]> {
  const { systemIds, placeIds } = args;
  if (!systemIds.length && !placeIds.length) return [];
  const rows = await db
    .selectFrom("app_user as u")
    .innerJoin("role_assignment as r", "r.user_id", "u.id")
    .leftJoin("organisation as o", "o.id", "r.organisation_id")
    .leftJoin("place as p", "p.id", "r.place_id")
    .select(["u.id", "u.name", "u.email", "u.deactivated_at", "u.password_hash", "r.role"])
    .where((eb) => {
      const ors = [];
      if (systemIds.length) {
        ors.push(eb("r.system_id", "in", systemIds));
        ors.push(eb("o.system_id", "in", systemIds));
        ors.push(eb("p.system_id", "in", systemIds));
      }
      if (placeIds.length) {
        ors.push(eb.and([eb("r.role", "=", "champion"), eb("o.place_id", "in", placeIds)]));
      }
      return eb.or(ors);
    })
    .orderBy("u.name")
    .execute();
  const people = new Map<number, PersonSummary>();
  for (const row of rows) {
    const person = people.get(row.id) ?? {
      id: row.id,
      name: row.name,
      email: row.email,
      deactivated_at: row.deactivated_at,
      hasPassword: row.password_hash !== null,
      roles: "",
    };
    person.roles = [person.roles, roleLabel(row.role)].filter(Boolean).join(", ");
    people.set(row.id, person);
  }
  return [...people.values()];
}

export const roleLabels: Record<Role, string> = {
  champion: "Champion",
  steering_member: "Steering group member",
  place_lead: "Place lead",
  admin: "System administrator",
  system_reader: "System reader",
};

export function roleLabel(role: Role): string {
  return roleLabels[role];
}
