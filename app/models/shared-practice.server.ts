import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/schema";
import { measureText } from "../utils/evidence-text";

type Db = Kysely<Database> | Transaction<Database>;

/** Shares an item (or stops sharing it); only the organisation's own item is touched. */
export async function setEvidenceShared(
  db: Db,
  args: { organisationId: number; evidenceId: number; shared: boolean; userId: number; now: Date },
): Promise<boolean> {
  const result = await db
    .updateTable("evidence_item")
    .set(
      args.shared
        ? { shared_at: args.now.toISOString(), shared_by: args.userId }
        : { shared_at: null, shared_by: null },
    )
    .where("id", "=", args.evidenceId)
    .where("organisation_id", "=", args.organisationId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function getEvidenceItem(
  db: Db,
  args: { organisationId: number; evidenceId: number },
) {
  return db
    .selectFrom("evidence_item")
    .select(["id", "title", "kind", "shared_at"])
    .where("id", "=", args.evidenceId)
    .where("organisation_id", "=", args.organisationId)
    .executeTakeFirst();
}

export type SharedPracticeItem = {
  id: number;
  organisationId: number;
  organisationName: string;
  kind: string;
  title: string;
  body: string | null;
  url: string | null;
  measure: string | null;
  fileName: string | null;
  sharedAt: string;
  componentIds: string[];
};

/**
 * Good practice for a place: items shared by its organisations and by the
 * system-wide ones, newest first, with every component each has backed.
 */
export async function sharedPracticeForPlace(
  db: Db,
  args: { placeId: number; systemId: number },
): Promise<SharedPracticeItem[]> {
  const rows = await db
    .selectFrom("evidence_item as e")
    .innerJoin("organisation as o", "o.id", "e.organisation_id")
    .leftJoin("component_evidence as ce", "ce.evidence_item_id", "e.id")
    .leftJoin("component_answer as c", "c.id", "ce.component_answer_id")
    .select([
      "e.id",
      "e.organisation_id",
      "o.name as organisation_name",
      "e.kind",
      "e.title",
      "e.body",
      "e.url",
      "e.measure_value",
      "e.measure_unit",
      "e.measure_date",
      "e.file_name",
      "e.shared_at",
      "c.component_id",
    ])
    .where("e.shared_at", "is not", null)
    .where("o.system_id", "=", args.systemId)
    .where((eb) => eb.or([eb("o.place_id", "=", args.placeId), eb("o.place_id", "is", null)]))
    .orderBy("e.shared_at", "desc")
    .orderBy("e.id", "desc")
    .execute();
  const byId = new Map<number, SharedPracticeItem>();
  for (const row of rows) {
    const item = byId.get(row.id) ?? {
      id: row.id,
      organisationId: row.organisation_id,
      organisationName: row.organisation_name,
      kind: row.kind,
      title: row.title,
      body: row.body,
      url: row.url,
      measure:
        row.kind === "measure"
          ? measureText({
              value: row.measure_value,
              unit: row.measure_unit,
              date: row.measure_date,
            })
          : null,
      fileName: row.file_name,
      sharedAt: row.shared_at ?? "",
      componentIds: [],
    };
    if (row.component_id && !item.componentIds.includes(row.component_id)) {
      item.componentIds.push(row.component_id);
    }
    byId.set(row.id, item);
  }
  for (const item of byId.values()) {
    item.componentIds.sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  }
  return [...byId.values()];
}
