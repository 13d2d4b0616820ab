import type { Kysely } from "kysely";
import type { Database, OrganisationType } from "../../db/schema";

export const organisationTypeLabels: Record<OrganisationType, string> = {
  nhs_trust: "NHS trust",
  icb_ccg: "ICB or CCG",
  local_authority: "Local authority",
  university: "University",
  other: "Other",
};

export type OrganisationRow = {
  id: number;
  name: string;
  type: OrganisationType;
  systemId: number;
  placeId: number | null;
  placeName: string | null;
};

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom("organisation as o")
    .leftJoin("place as p", "p.id", "o.place_id")
    .select([
      "o.id",
      "o.name",
      "o.type",
      "o.system_id as systemId",
      "o.place_id as placeId",
      "p.name as placeName",
    ])
    .orderBy("o.name");
}

export async function getOrganisation(
  db: Kysely<Database>,
  args: { id: number },
): Promise<OrganisationRow | undefined> {
  return baseQuery(db).where("o.id", "=", args.id).executeTakeFirst();
}

/**
 * Organisations matching any of the scopes: whole systems, places (with or
 * without their system-wide organisations), or single organisations.
 */
export async function listOrganisations(
  db: Kysely<Database>,
  scope: {
    systemIds?: number[];
    placeIds?: number[];
    systemWideIn?: number[];
    organisationIds?: number[];
  },
): Promise<OrganisationRow[]> {
  const { systemIds = [], placeIds = [], systemWideIn = [], organisationIds = [] } = scope;
  if (!systemIds.length && !placeIds.length && !systemWideIn.length && !organisationIds.length) {
    return [];
  }
  return baseQuery(db)
    .where((eb) =>
      eb.or([
        ...(systemIds.length ? [eb("o.system_id", "in", systemIds)] : []),
        ...(placeIds.length ? [eb("o.place_id", "in", placeIds)] : []),
        ...(systemWideIn.length
          ? [eb.and([eb("o.place_id", "is", null), eb("o.system_id", "in", systemWideIn)])]
          : []),
        ...(organisationIds.length ? [eb("o.id", "in", organisationIds)] : []),
      ]),
    )
    .execute();
}

export async function createOrganisation(
  db: Kysely<Database>,
  args: { systemId: number; placeId: number | null; name: string; type: OrganisationType },
): Promise<number> {
  const row = await db
    .insertInto("organisation")
    .values({
      system_id: args.systemId,
      place_id: args.placeId,
      name: args.name.trim(),
      type: args.type,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateOrganisation(
  db: Kysely<Database>,
  args: { id: number; placeId: number | null; name: string; type: OrganisationType },
) {
  await db
    .updateTable("organisation")
    .set({ place_id: args.placeId, name: args.name.trim(), type: args.type })
    .where("id", "=", args.id)
    .execute();
}

export async function organisationNameTaken(
  db: Kysely<Database>,
  args: { systemId: number; name: string; exceptId?: number },
): Promise<boolean> {
  let query = db
    .selectFrom("organisation")
    .select("id")
    .where("system_id", "=", args.systemId)
    .where((eb) => eb(eb.fn("lower", ["name"]), "=", args.name.trim().toLowerCase()));
  if (args.exceptId) query = query.where("id", "!=", args.exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}
