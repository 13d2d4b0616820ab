import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";

type Row = { target_type: string | null; target_id: string | null };

export type AuditNames = {
  /** The name of what an event was done to: a person, organisation, place or month. */
  targetName(row: Row): string | null;
  /** For an event about an organisation's month: the organisation and the month. */
  month(row: Row): { organisation: string; period: string } | null;
};

const ids = (rows: readonly Row[], type: string) => [
  ...new Set(
    rows
      .filter((r) => r.target_type === type && r.target_id !== null)
      .map((r) => Number(r.target_id))
      .filter((id) => Number.isSafeInteger(id)),
  ),
];

/**
 * The names a page of audit events refers to by id, fetched in one query per
 * kind of target (a page is 50 rows, so each `in` list is short). A name
 * that has gone (a deleted row) is simply null: the sentence still reads.
 */
export async function auditNames(db: Kysely<Database>, rows: readonly Row[]): Promise<AuditNames> {
  const [users, organisations, places, periods, months] = await Promise.all([
    lookup(ids(rows, "user"), (list) =>
      db.selectFrom("app_user").select(["id", "name"]).where("id", "in", list).execute(),
    ),
    lookup(ids(rows, "organisation"), (list) =>
      db.selectFrom("organisation").select(["id", "name"]).where("id", "in", list).execute(),
    ),
    lookup(ids(rows, "place"), (list) =>
      db.selectFrom("place").select(["id", "name"]).where("id", "in", list).execute(),
    ),
    lookup(ids(rows, "assessment_period"), (list) =>
      db
        .selectFrom("assessment_period")
        .select(["id", "label as name"])
        .where("id", "in", list)
        .execute(),
    ),
    ids(rows, "assessment").length
      ? db
          .selectFrom("assessment as a")
          .innerJoin("organisation as o", "o.id", "a.organisation_id")
          .innerJoin("assessment_period as p", "p.id", "a.period_id")
          .select(["a.id", "o.name as organisation", "p.label as period"])
          .where("a.id", "in", ids(rows, "assessment"))
          .execute()
          .then((found) => new Map(found.map((m) => [Number(m.id), m])))
      : new Map<number, { organisation: string; period: string }>(),
  ]);
  const byType: Record<string, Map<number, string>> = {
    user: users,
    organisation: organisations,
    place: places,
    assessment_period: periods,
  };
  return {
    targetName(row) {
      if (row.target_type === null || row.target_id === null) return null;
      if (row.target_type === "assessment") {
        return months.get(Number(row.target_id))?.organisation ?? null;
      }
      return byType[row.target_type]?.get(Number(row.target_id)) ?? null;
    },
    month(row) {
      if (row.target_type !== "assessment" || row.target_id === null) return null;
      const found = months.get(Number(row.target_id));
      return found ? { organisation: found.organisation, period: found.period } : null;
    },
  };
}

async function lookup(
  list: number[],
  query: (list: number[]) => Promise<Array<{ id: number; name: string }>>,
): Promise<Map<number, string>> {
  if (!list.length) return new Map();
  const rows = await query(list);
  return new Map(rows.map((r) => [Number(r.id), r.name]));
}
