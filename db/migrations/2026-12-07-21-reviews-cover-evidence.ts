import type { Kysely } from "kysely";

// Self-contained on purpose: a migration must behave the same forever.

/**
 * A review covers the answer as the reviewer saw it: its version (ADR 011)
 * and now also its evidence items, kept as `evidence_key` (the items' ids,
 * sorted, comma-separated), since adding or removing evidence does not move
 * the answer's version (ADR 009). Reviews made before this have no key and
 * are judged by their version alone, as they were: their evidence then is
 * not known, and guessing it from today's would vouch for what nobody saw.
 *
 * A verification carried into the next month (ADR 039) is a review row of
 * that month's answer naming the review it carries (`carried_from_review_id`,
 * the reviewer's own, never another carried row), so every page that counts
 * verified components reads it as it reads any review.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("component_review").addColumn("evidence_key", "text").execute();
  await db.schema
    .alterTable("component_review")
    .addColumn("carried_from_review_id", "integer", (c) =>
      c.references("component_review.id").onDelete("set null"),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("component_review").dropColumn("carried_from_review_id").execute();
  await db.schema.alterTable("component_review").dropColumn("evidence_key").execute();
}
