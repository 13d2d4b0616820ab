import type { Kysely } from "kysely";
import type { AssessmentStatus, Database } from "../../db/schema";

export type AssessmentSummary = {
  periodId: number;
  periodLabel: string;
  periodStatus: string;
  assessmentId: number | null;
  status: AssessmentStatus | null;
  charterVersion: string | null;
  fulfilledComponentIds: string[];
};

/** Every period of the organisation's system, newest first, with its assessment if any. */
export async function organisationHistory(
  db: Kysely<Database>,
  args: { organisationId: number; systemId: number },
): Promise<AssessmentSummary[]> {
  const rows = await db
    .selectFrom("assessment_period as p")
    .leftJoin("assessment as a", (join) =>
      join.onRef("a.period_id", "=", "p.id").on("a.organisation_id", "=", args.organisationId),
    )
    .select([
      "p.id as periodId",
      "p.label as periodLabel",
      "p.status as periodStatus",
      "a.id as assessmentId",
      "a.status",
      "a.charter_version as charterVersion",
    ])
    .where("p.system_id", "=", args.systemId)
    .orderBy("p.starts_on", "desc")
    .execute();
  const fulfilled = await fulfilledByAssessment(
    db,
    rows.flatMap((r) => (r.assessmentId === null ? [] : [r.assessmentId])),
  );
  return rows.map((r) => ({
    ...r,
    fulfilledComponentIds: fulfilled.get(r.assessmentId ?? -1) ?? [],
  }));
}

export type PeriodRow = {
  organisationId: number;
  assessmentId: number | null;
  status: AssessmentStatus | null;
  charterVersion: string | null;
  fulfilledComponentIds: string[];
};

/** One period's assessments for the given organisations: the rows of a place summary. */
export async function periodAssessments(
  db: Kysely<Database>,
  args: { periodId: number; organisationIds: number[] },
): Promise<Map<number, PeriodRow>> {
  const result = new Map<number, PeriodRow>();
  if (!args.organisationIds.length) return result;
  const rows = await db
    .selectFrom("assessment")
    .select(["id", "organisation_id", "status", "charter_version"])
    .where("period_id", "=", args.periodId)
    .where("organisation_id", "in", args.organisationIds)
    .execute();
  const fulfilled = await fulfilledByAssessment(
    db,
    rows.map((r) => r.id),
  );
  for (const row of rows) {
    result.set(row.organisation_id, {
      organisationId: row.organisation_id,
      assessmentId: row.id,
      status: row.status,
      charterVersion: row.charter_version,
      fulfilledComponentIds: fulfilled.get(row.id) ?? [],
    });
  }
  return result;
}

async function fulfilledByAssessment(db: Kysely<Database>, assessmentIds: number[]) {
  const map = new Map<number, string[]>();
  if (!assessmentIds.length) return map;
  const rows = await db
    .selectFrom("component_answer")
    .select(["assessment_id", "component_id"])
    .where("assessment_id", "in", assessmentIds)
    .where("status", "=", "fulfilled")
    .execute();
  for (const row of rows) {
    const list = map.get(row.assessment_id) ?? [];
    list.push(row.component_id);
    map.set(row.assessment_id, list);
  }
  return map;
}
