import { type Kysely, sql, type Transaction } from "kysely";
import type { Database, EvidenceKind } from "../../db/schema";

type Db = Kysely<Database> | Transaction<Database>;

/** Records what was checked of stored bytes; the same bytes again change nothing. */
export async function recordEvidenceFile(
  db: Db,
  args: { sha256: string; size: number; mediaType: string },
) {
  await db
    .insertInto("evidence_file")
    .values({ sha256: args.sha256, size: args.size, media_type: args.mediaType })
    .onConflict((c) => c.column("sha256").doNothing())
    .execute();
}

/** One uploaded file of this organisation's, or undefined (whoever else's it is). */
export async function getFileEvidence(
  db: Db,
  args: { organisationId: number; evidenceId: number },
) {
  return db
    .selectFrom("evidence_item as e")
    .innerJoin("evidence_file as f", "f.sha256", "e.file_sha256")
    .select([
      "e.id",
      "e.title",
      "e.file_name as fileName",
      "e.shared_at as sharedAt",
      "f.sha256",
      "f.size",
      "f.media_type as mediaType",
    ])
    .where("e.id", "=", args.evidenceId)
    .where("e.organisation_id", "=", args.organisationId)
    .where("e.kind", "=", "file")
    .executeTakeFirst();
}

export type PeriodEvidence = {
  id: number;
  kind: EvidenceKind;
  title: string;
  body: string | null;
  url: string | null;
  measure: { value: number | null; unit: string | null; date: string | null };
  file: { name: string; sha256: string } | null;
  componentIds: string[];
};

/**
 * Every evidence item backing the organisation's sheet for a period, each once
 * with the components it backs (one document may back several).
 */
export async function periodEvidence(
  db: Db,
  args: { organisationId: number; periodId: number },
): Promise<PeriodEvidence[]> {
  const rows = await db
    .selectFrom("assessment as a")
    .innerJoin("component_answer as c", "c.assessment_id", "a.id")
    .innerJoin("component_evidence as ce", "ce.component_answer_id", "c.id")
    .innerJoin("evidence_item as e", "e.id", "ce.evidence_item_id")
    .selectAll("e")
    .select("c.component_id")
    .where("a.organisation_id", "=", args.organisationId)
    .where("a.period_id", "=", args.periodId)
    .orderBy("e.id")
    .orderBy("c.component_id")
    .execute();
  const byId = new Map<number, PeriodEvidence>();
  for (const row of rows) {
    const item = byId.get(row.id) ?? {
      id: row.id,
      kind: row.kind,
      title: row.title,
      body: row.body,
      url: row.url,
      measure: { value: row.measure_value, unit: row.measure_unit, date: row.measure_date },
      file:
        row.kind === "file" && row.file_sha256
          ? { name: row.file_name ?? "evidence", sha256: row.file_sha256 }
          : null,
      componentIds: [],
    };
    item.componentIds.push(row.component_id);
    byId.set(row.id, item);
  }
  return [...byId.values()];
}

/** The charter version the period's sheet was made under (null when there is no sheet). */
export async function periodCharterVersion(
  db: Db,
  args: { organisationId: number; periodId: number },
): Promise<string | null> {
  const row = await db
    .selectFrom("assessment")
    .select("charter_version")
    .where("organisation_id", "=", args.organisationId)
    .where("period_id", "=", args.periodId)
    .executeTakeFirst();
  return row?.charter_version ?? null;
}

/** The organisation's evidence, newest first: what a champion can put on another component. */
export async function evidenceLibrary(db: Db, args: { organisationId: number; limit?: number }) {
  return db
    .selectFrom("evidence_item")
    .select(["id", "kind", "title", "file_name as fileName"])
    .where("organisation_id", "=", args.organisationId)
    .orderBy("id", "desc")
    .limit(args.limit ?? 200)
    .execute();
}

/**
 * The organisation's evidence a component may reuse, newest first: those whose
 * title or file name holds `query` (any case, on both databases), without
 * `excludeIds` (already on the component), at most `limit`, and how many
 * match in all, so the page can say when it shows only some.
 */
export async function searchEvidenceLibrary(
  db: Db,
  args: { organisationId: number; query: string; excludeIds: number[]; limit: number },
) {
  const pattern = `%${args.query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  let matching = db.selectFrom("evidence_item").where("organisation_id", "=", args.organisationId);
  if (args.excludeIds.length) matching = matching.where("id", "not in", args.excludeIds);
  if (args.query) {
    matching = matching.where((eb) =>
      eb.or([
        eb(eb.fn("lower", ["title"]), "like", sql<string>`${pattern} escape '\\'`),
        eb(eb.fn("lower", ["file_name"]), "like", sql<string>`${pattern} escape '\\'`),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    matching
      .select([
        "id",
        "kind",
        "title",
        "file_name as fileName",
        "measure_value as measureValue",
        "measure_unit as measureUnit",
        "created_at as createdAt",
      ])
      .orderBy("id", "desc")
      .limit(args.limit)
      .execute(),
    matching.select((eb) => eb.fn.countAll<number | string>().as("n")).executeTakeFirstOrThrow(),
  ]);
  const components = await evidenceComponents(db, {
    organisationId: args.organisationId,
    evidenceIds: rows.map((r) => r.id),
  });
  const items = rows.map((r) => ({ ...r, componentIds: components.get(r.id) ?? [] }));
  return { items, total: Number(count.n) };
}

/**
 * The components each item is on, in any of the organisation's months, each
 * once: what tells apart items that share a title (issue 22, item 10).
 */
async function evidenceComponents(
  db: Db,
  args: { organisationId: number; evidenceIds: number[] },
): Promise<Map<number, string[]>> {
  const byItem = new Map<number, string[]>();
  if (!args.evidenceIds.length) return byItem;
  const rows = await db
    .selectFrom("component_evidence as ce")
    .innerJoin("component_answer as c", "c.id", "ce.component_answer_id")
    .innerJoin("assessment as a", "a.id", "c.assessment_id")
    .select(["ce.evidence_item_id as evidenceId", "c.component_id as componentId"])
    .distinct()
    .where("a.organisation_id", "=", args.organisationId)
    .where("ce.evidence_item_id", "in", args.evidenceIds)
    .execute();
  for (const row of rows) {
    const list = byItem.get(row.evidenceId) ?? [];
    list.push(row.componentId);
    byItem.set(row.evidenceId, list);
  }
  return byItem;
}

/**
 * Whether the item backs a component of one of its organisation's months that
 * stands submitted, or was given in reply to a query on one (a reply belongs
 * to that month's review, so whoever reads the month reads its evidence).
 */
export async function backsSubmittedMonth(db: Db, args: { evidenceId: number }): Promise<boolean> {
  const row = await db
    .selectFrom("component_evidence as ce")
    .innerJoin("component_answer as c", "c.id", "ce.component_answer_id")
    .innerJoin("assessment as a", "a.id", "c.assessment_id")
    .select("ce.evidence_item_id")
    .where("ce.evidence_item_id", "=", args.evidenceId)
    .where("a.status", "=", "submitted")
    .limit(1)
    .executeTakeFirst();
  if (row !== undefined) return true;
  const reply = await db
    .selectFrom("query_reply as q")
    .innerJoin("component_review as r", "r.id", "q.review_id")
    .innerJoin("component_answer as c", "c.id", "r.component_answer_id")
    .innerJoin("assessment as a", "a.id", "c.assessment_id")
    .select("q.id")
    .where("q.evidence_item_id", "=", args.evidenceId)
    .where("a.status", "=", "submitted")
    .limit(1)
    .executeTakeFirst();
  return reply !== undefined;
}
