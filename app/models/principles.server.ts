import type { Kysely } from "kysely";
import { sql } from "kysely";
import type { Database } from "../../db/schema";
import { type Actor, audit } from "./actor.server";
import { isEditable, parseIndexes, touchAssessment } from "./sheet.server";

export type DomainPrinciples = { principlesInPlace: number[]; note: string; version: number };

/** Each domain's saved principles, by domain number; a domain nobody saved is absent. */
export async function loadPrinciples(
  db: Kysely<Database>,
  args: { assessmentId: number },
): Promise<Record<number, DomainPrinciples>> {
  const rows = await db
    .selectFrom("domain_principles")
    .selectAll()
    .where("assessment_id", "=", args.assessmentId)
    .execute();
  return Object.fromEntries(
    rows.map((r) => [
      r.domain_number,
      {
        principlesInPlace: parseIndexes(r.principles_in_place),
        note: r.note,
        version: r.version,
      },
    ]),
  );
}

export type PrinciplesResult =
  { refused: null } | { refused: "locked" } | { refused: "conflict"; theirs: DomainPrinciples };

/**
 * Saves a domain's principles if nobody has since `expectedVersion` (0: the
 * domain had never been saved), as component answers are saved (ADR 009).
 */
export async function savePrinciples(
  db: Kysely<Database>,
  args: {
    assessmentId: number;
    domainNumber: number;
    expectedVersion: number;
    principlesInPlace: number[];
    note: string;
    actor: Actor;
  },
): Promise<PrinciplesResult> {
  return db.transaction().execute(async (trx) => {
    if (!(await isEditable(trx, args))) return { refused: "locked" } as const;
    const existing = await trx
      .selectFrom("domain_principles")
      .selectAll()
      .where("assessment_id", "=", args.assessmentId)
      .where("domain_number", "=", args.domainNumber)
      .executeTakeFirst();
    const now = args.actor.now.toISOString();
    const values = {
      principles_in_place: JSON.stringify(args.principlesInPlace),
      note: args.note,
      updated_at: now,
    };
    let written = 0;
    if (!existing && args.expectedVersion === 0) {
      const inserted = await trx
        .insertInto("domain_principles")
        .values({ assessment_id: args.assessmentId, domain_number: args.domainNumber, ...values })
        .onConflict((oc) => oc.columns(["assessment_id", "domain_number"]).doNothing())
        .executeTakeFirst();
      written = Number(inserted.numInsertedOrUpdatedRows ?? 0);
    } else if (existing) {
      const updated = await trx
        .updateTable("domain_principles")
        .set({ ...values, version: sql<number>`version + 1` })
        .where("id", "=", existing.id)
        .where("version", "=", args.expectedVersion)
        .executeTakeFirst();
      written = Number(updated.numUpdatedRows);
    }
    if (written === 0) {
      const theirs: DomainPrinciples = existing
        ? {
            principlesInPlace: parseIndexes(existing.principles_in_place),
            note: existing.note,
            version: existing.version,
          }
        : { principlesInPlace: [], note: "", version: 0 };
      return { refused: "conflict", theirs } as const;
    }
    await audit(trx, args.actor, "principles.saved", args.assessmentId, {
      domain: args.domainNumber,
      principlesInPlace: args.principlesInPlace,
      version: args.expectedVersion + 1,
    });
    await touchAssessment(trx, { assessmentId: args.assessmentId, now: args.actor.now });
    return { refused: null };
  });
}
