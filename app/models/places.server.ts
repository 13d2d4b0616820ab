import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";

export type PlaceRow = { id: number; name: string; systemId: number; organisationCount: number };

export async function listPlaces(
  db: Kysely<Database>,
  args: { systemIds?: number[]; placeIds?: number[] },
): Promise<PlaceRow[]> {
  const { systemIds = [], placeIds = [] } = args;
  if (!systemIds.length && !placeIds.length) return [];
  return db
    .selectFrom("place as p")
    .leftJoin("organisation as o", "o.place_id", "p.id")
    .select(["p.id", "p.name", "p.system_id as systemId"])
    .select((eb) => eb.fn.count<number>("o.id").as("organisationCount"))
    .where((eb) =>
      eb.or([
        ...(systemIds.length ? [eb("p.system_id", "in", systemIds)] : []),
        ...(placeIds.length ? [eb("p.id", "in", placeIds)] : []),
      ]),
    )
    .groupBy(["p.id", "p.name", "p.system_id"])
    .orderBy("p.name")
    .execute();
}

export async function getPlace(db: Kysely<Database>, args: { id: number }) {
  return db
    .selectFrom("place")
    .select(["id", "name", "system_id as systemId"])
    .where("id", "=", args.id)
    .executeTakeFirst();
}

export async function createPlace(db: Kysely<Database>, args: { systemId: number; name: string }) {
  const row = await db
    .insertInto("place")
    .values({ system_id: args.systemId, name: args.name.trim() })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function placeNameTaken(
  db: Kysely<Database>,
  args: { systemId: number; name: string; exceptId?: number },
) {
  let query = db
    .selectFrom("place")
    .select("id")
    .where("system_id", "=", args.systemId)
    .where((eb) => eb(eb.fn("lower", ["name"]), "=", args.name.trim().toLowerCase()));
  if (args.exceptId) query = query.where("id", "!=", args.exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function getSystem(db: Kysely<Database>, args: { id: number }) {
  return db
    .selectFrom("system")
    .select(["id", "name"])
    .where("id", "=", args.id)
    .executeTakeFirst();
}
