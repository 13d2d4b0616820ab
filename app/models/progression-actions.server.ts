import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { type Actor, audit } from "./actor.server";
import { isEditable, touchAssessment } from "./sheet.server";

export type ProgressionAction = {
  id: number;
  description: string;
  owner: string | null;
  targetDate: string | null;
};

type Result = { refused: null } | { refused: "locked" } | { refused: "notFound" };

/** The assessment's actions, oldest first, keyed by component id. */
export async function listActions(
  db: Kysely<Database>,
  args: { assessmentId: number },
): Promise<Record<string, ProgressionAction[]>> {
  const rows = await db
    .selectFrom("progression_action as pa")
    .innerJoin("component_answer as ca", "ca.id", "pa.component_answer_id")
    .select([
      "pa.id",
      "pa.description",
      "pa.owner",
      "pa.target_date as targetDate",
      "ca.component_id as componentId",
    ])
    .where("ca.assessment_id", "=", args.assessmentId)
    .orderBy("pa.id")
    .execute();
  const byComponent: Record<string, ProgressionAction[]> = {};
  for (const { componentId, ...action } of rows) (byComponent[componentId] ??= []).push(action);
  return byComponent;
}

/**
 * Adds an action to a component's plan. Like evidence, an action is its own
 * small write and does not bump the answer's version: it overwrites nothing.
 */
export async function addAction(
  db: Kysely<Database>,
  args: {
    assessmentId: number;
    componentId: string;
    description: string;
    owner: string;
    targetDate: string;
    actor: Actor;
  },
): Promise<Result> {
  return db.transaction().execute(async (trx) => {
    if (!(await isEditable(trx, args))) return { refused: "locked" } as const;
    const answer = await trx
      .selectFrom("component_answer")
      .select("id")
      .where("assessment_id", "=", args.assessmentId)
      .where("component_id", "=", args.componentId)
      .executeTakeFirst();
    if (!answer) return { refused: "notFound" } as const;
    const action = await trx
      .insertInto("progression_action")
      .values({
        component_answer_id: answer.id,
        description: args.description,
        owner: args.owner || null,
        target_date: args.targetDate || null,
        created_at: args.actor.now.toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(trx, args.actor, "action.added", args.assessmentId, {
      component: args.componentId,
      action: action.id,
      targetDate: args.targetDate || null,
    });
    await touchAssessment(trx, { assessmentId: args.assessmentId, now: args.actor.now });
    return { refused: null };
  });
}

/** Removes an action, only if it belongs to that component of this assessment. */
export async function removeAction(
  db: Kysely<Database>,
  args: { assessmentId: number; componentId: string; actionId: number; actor: Actor },
): Promise<Result> {
  return db.transaction().execute(async (trx) => {
    if (!(await isEditable(trx, args))) return { refused: "locked" } as const;
    const owned = await trx
      .selectFrom("progression_action as pa")
      .innerJoin("component_answer as ca", "ca.id", "pa.component_answer_id")
      .select(["pa.id", "pa.description"])
      .where("pa.id", "=", args.actionId)
      .where("ca.assessment_id", "=", args.assessmentId)
      .where("ca.component_id", "=", args.componentId)
      .executeTakeFirst();
    if (!owned) return { refused: "notFound" } as const;
    await trx.deleteFrom("progression_action").where("id", "=", owned.id).execute();
    await audit(trx, args.actor, "action.removed", args.assessmentId, {
      component: args.componentId,
      action: owned.id,
      description: owned.description,
    });
    await touchAssessment(trx, { assessmentId: args.assessmentId, now: args.actor.now });
    return { refused: null };
  });
}
