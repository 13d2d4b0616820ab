import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { Target } from "../charter/outcome-targets";
import type { Actor } from "./actor.server";
import { recordAudit } from "./audit.server";

/**
 * Targets (ADR 040): a system's own (no organisation) and each
 * organisation's, for a measure. A target set again is a new row; the
 * newest is in force and the earlier ones stay as its history.
 */

export type StoredTarget = Target & { setAt: string };

/**
 * The targets in force for the measures: the system's (organisationId null)
 * or one organisation's. One indexed query over the measures' own rows.
 */
export async function targetsInForce(
  db: Kysely<Database>,
  args: { measureIds: readonly number[]; organisationId: number | null },
): Promise<Map<number, StoredTarget>> {
  if (!args.measureIds.length) return new Map();
  let query = db
    .selectFrom("outcome_target")
    .selectAll()
    .where("measure_id", "in", [...args.measureIds])
    .orderBy("id", "desc");
  query =
    args.organisationId === null
      ? query.where("organisation_id", "is", null)
      : query.where("organisation_id", "=", args.organisationId);
  const found = new Map<number, StoredTarget>();
  for (const row of await query.execute()) {
    if (found.has(row.measure_id)) continue;
    found.set(row.measure_id, {
      baselineValue: Number(row.baseline_value),
      baselineOn: row.baseline_on,
      targetValue: Number(row.target_value),
      targetOn: row.target_on,
      note: row.note,
      setAt: row.set_at,
    });
  }
  return found;
}

export async function setTarget(
  db: Kysely<Database>,
  args: {
    measure: { id: number; name: string };
    organisationId: number | null;
    target: Target;
    actor: Actor;
  },
) {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("outcome_target")
      .values({
        measure_id: args.measure.id,
        organisation_id: args.organisationId,
        baseline_value: args.target.baselineValue,
        baseline_on: args.target.baselineOn,
        target_value: args.target.targetValue,
        target_on: args.target.targetOn,
        note: args.target.note,
        set_at: args.actor.now.toISOString(),
        set_by: args.actor.userId,
      })
      .execute();
    await recordAudit(trx, {
      actorUserId: args.actor.userId,
      action: "outcome_target.set",
      targetType: args.organisationId === null ? "outcome_measure" : "organisation",
      targetId: args.organisationId ?? args.measure.id,
      detail: {
        measure: args.measure.name,
        organisation: args.organisationId,
        target: args.target.targetValue,
        by: args.target.targetOn,
      },
      ip: args.actor.ip,
      now: args.actor.now,
    });
  });
}
