import type { Transaction } from "kysely";
import type { Database } from "../schema";
import { demoAccounts } from "./demo-ics";

/**
 * The demo accounts, and for every organisation without one a champion who
 * made its returns: named as invented, with no password, so nobody signs in
 * as them.
 */
export async function seedPeople(
  trx: Transaction<Database>,
  args: {
    systemId: number;
    placeIds: Map<string, number>;
    organisationIds: Map<string, number>;
    demoPasswordHash: string;
  },
) {
  const championOf = new Map<string, number>();
  const ids = new Map<string, number>();
  for (const account of demoAccounts) {
    const user = await trx
      .insertInto("app_user")
      .values({
        email: account.email,
        name: account.name,
        password_hash: args.demoPasswordHash,
        is_demo: 1,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    ids.set(account.email, user.id);
    const scope = account.scope ?? "";
    await trx
      .insertInto("role_assignment")
      .values({
        user_id: user.id,
        role: account.role,
        organisation_id: account.role === "champion" ? mustFind(args.organisationIds, scope) : null,
        place_id:
          account.role === "place_lead" || account.role === "steering_member"
            ? mustFind(args.placeIds, scope)
            : null,
        // An account with no organisation or place is the system's (administrators, and any
        // other system-wide role added to demoAccounts).
        system_id: account.scope === null ? args.systemId : null,
      })
      .execute();
    if (account.role === "champion" && !championOf.has(scope)) championOf.set(scope, user.id);
  }
  for (const [name, organisationId] of args.organisationIds) {
    if (championOf.has(name)) continue;
    const slug = name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
    const user = await trx
      .insertInto("app_user")
      .values({
        email: `champion.${slug}@example.com`,
        name: `Demonstration champion, ${name}`,
        password_hash: null,
        is_demo: 1,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("role_assignment")
      .values({ user_id: user.id, role: "champion", organisation_id: organisationId })
      .execute();
    championOf.set(name, user.id);
  }
  const byEmail = (email: string) => mustFind(ids, email);
  return {
    championOf,
    admin: byEmail("admin@example.com"),
    placeLead: byEmail("place.lead@example.com"),
    steering: byEmail("steering@example.com"),
  };
}

export function mustFind(ids: Map<string, number>, name: string): number {
  const id = ids.get(name);
  if (id === undefined) throw new Error(`Demo data refers to unknown "${name}"`);
  return id;
}
