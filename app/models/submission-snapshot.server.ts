import type { Kysely } from "kysely";
import type { ComponentStatus, Database } from "../../db/schema";
import type { DomainPrinciples } from "./principles.server";
import type { ProgressionAction } from "./progression-actions.server";

/** One submission of an assessment as it was frozen (app/models/submissions.server.ts writes it). */
export type FrozenSheet = {
  submittedAt: string;
  answers: Array<{
    componentId: string;
    status: ComponentStatus;
    opportunities: string;
    version: number;
    evidence: Array<{ title: string }>;
  }>;
  principles: Record<number, DomainPrinciples>;
  actions: Record<string, ProgressionAction[]>;
  /** The outcome figures sent, with their definitions (none before ADR 040). */
  outcomes: Array<{
    measureId: number;
    name: string;
    definition: string;
    kind: "ratio" | "total";
    unit: string;
    numeratorLabel: string | null;
    denominatorLabel: string | null;
    numerator: number;
    denominator: number | null;
    source: string;
    note: string;
  }>;
};

/** A submission of this assessment, or undefined (another assessment's is as absent as none). */
export async function frozenSheet(
  db: Kysely<Database>,
  args: { assessmentId: number; submissionId: number },
): Promise<FrozenSheet | undefined> {
  const row = await db
    .selectFrom("assessment_submission")
    .select(["snapshot", "submitted_at as submittedAt"])
    .where("id", "=", args.submissionId)
    .where("assessment_id", "=", args.assessmentId)
    .executeTakeFirst();
  if (!row) return undefined;
  const parsed = JSON.parse(row.snapshot) as Partial<FrozenSheet>;
  return {
    submittedAt: String(row.submittedAt),
    answers: parsed.answers ?? [],
    principles: parsed.principles ?? {},
    actions: parsed.actions ?? {},
    outcomes: parsed.outcomes ?? [],
  };
}

/**
 * The actions of a stored snapshot as a flat list, in component order as
 * frozen; a snapshot from before plans were frozen, or unreadable, has none.
 */
export function frozenActions(snapshot: string): Array<{
  componentId: string;
  description: string;
  owner: string | null;
  targetDate: string | null;
}> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(snapshot);
  } catch {
    return [];
  }
  const actions =
    parsed && typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as { actions?: unknown }).actions
      : undefined;
  if (!actions || typeof actions !== "object") return [];
  return Object.entries(actions as Record<string, unknown>).flatMap(([componentId, list]) =>
    Array.isArray(list)
      ? list
          .filter((a): a is Record<string, unknown> => !!a && typeof a.description === "string")
          .map((a) => ({
            componentId,
            description: a.description as string,
            owner: typeof a.owner === "string" ? a.owner : null,
            targetDate: typeof a.targetDate === "string" && a.targetDate ? a.targetDate : null,
          }))
      : [],
  );
}
