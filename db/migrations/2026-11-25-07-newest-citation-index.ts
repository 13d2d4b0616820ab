import type { Kysely } from "kysely";

// Self-contained on purpose: a migration must behave the same forever.

/**
 * Good practice shows the components of an item's newest citation. With the
 * answer in the index, that is one seek per item, however many months the
 * item has been carried forward; the old index (the item alone) is its prefix.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("component_evidence_item_answer_idx")
    .on("component_evidence")
    .columns(["evidence_item_id", "component_answer_id"])
    .execute();
  await db.schema.dropIndex("component_evidence_item_idx").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("component_evidence_item_idx")
    .on("component_evidence")
    .column("evidence_item_id")
    .execute();
  await db.schema.dropIndex("component_evidence_item_answer_idx").execute();
}
