import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/schema";
import { measureText } from "../utils/measure-text";

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

/** How many items the good-practice page lists at a time. */
export const SHARED_PRACTICE_PAGE = 20;

/**
 * A page of good practice for a place: items shared by its organisations and
 * by the system-wide ones, newest first, each with the components of its
 * newest citation. Read a page at a time, so the page costs the same however
 * many months of history and shared items lie behind it (issue 12).
 */
export async function sharedPracticeForPlace(
  db: Db,
  args: { placeId: number; systemId: number; limit: number; offset?: number },
): Promise<{ items: SharedPracticeItem[]; more: boolean }> {
  const rows = await db
    .selectFrom("evidence_item as e")
    .innerJoin("organisation as o", "o.id", "e.organisation_id")
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
    ])
    .where("e.shared_at", "is not", null)
    .where("o.system_id", "=", args.systemId)
    .where((eb) => eb.or([eb("o.place_id", "=", args.placeId), eb("o.place_id", "is", null)]))
    .orderBy("e.shared_at", "desc")
    .orderBy("e.id", "desc")
    .limit(args.limit + 1)
    .offset(args.offset ?? 0)
    .execute();
  const page = rows.slice(0, args.limit);
  const components = await newestCitations(
    db,
    page.map((r) => r.id),
  );
  const items = page.map((row) => ({
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    kind: row.kind,
    title: row.title,
    body: row.body,
    url: row.url,
    measure:
      row.kind === "measure"
        ? measureText({ value: row.measure_value, unit: row.measure_unit, date: row.measure_date })
        : null,
    fileName: row.file_name,
    sharedAt: row.shared_at ?? "",
    componentIds: (components.get(row.id) ?? []).sort((a, b) =>
      a.localeCompare(b, "en", { numeric: true }),
    ),
  }));
  return { items, more: rows.length > args.limit };
}

/**
 * The components each item backs in the newest return that cites it (items
 * are carried forward month by month, so older citations repeat it). Answers
 * are made month by month, so the newest citation is the highest answer id:
 * one index seek per item, then that return's 16 answers.
 */
async function newestCitations(db: Db, itemIds: number[]): Promise<Map<number, string[]>> {
  const byItem = new Map<number, string[]>();
  if (itemIds.length === 0) return byItem;
  const rows = await db
    .with("newest", (q) =>
      q
        .selectFrom("evidence_item as e")
        .select((eb) => [
          "e.id as item_id",
          eb
            .selectFrom("component_evidence as ce")
            .innerJoin("component_answer as c", "c.id", "ce.component_answer_id")
            .select("c.assessment_id")
            .whereRef("ce.evidence_item_id", "=", "e.id")
            .orderBy("ce.component_answer_id", "desc")
            .limit(1)
            .as("assessment_id"),
        ])
        .where("e.id", "in", itemIds),
    )
    .selectFrom("newest as n")
    .innerJoin("component_answer as c", "c.assessment_id", "n.assessment_id")
    .innerJoin("component_evidence as ce", (join) =>
      join
        .onRef("ce.component_answer_id", "=", "c.id")
        .onRef("ce.evidence_item_id", "=", "n.item_id"),
    )
    .select(["n.item_id", "c.component_id"])
    .execute();
  for (const row of rows) {
    const list = byItem.get(row.item_id) ?? [];
    list.push(row.component_id);
    byItem.set(row.item_id, list);
  }
  return byItem;
}
