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
  /** The outcome figures sent, with their definitions (none before ADR 034). */
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
