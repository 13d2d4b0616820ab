import type { Kysely, Transaction } from "kysely";
import { type Actor, audit } from "./actor.server";
import { carryVerifications } from "./reviews.server";
import { lockedForUpdate } from "./row-locks.server";
import type {
  Assessment,
  ComponentStatus,
  Database,
  EvidenceItem,
  AssessmentPeriod,
} from "../../db/schema";

export type SheetAnswer = {
  id: number;
  componentId: string;
  status: ComponentStatus;
  opportunities: string;
  practicesInPlace: number[];
  version: number;
  updatedAt: string;
  /** False until a champion gives the component a status: "not answered" (ADR 026). */
  answered: boolean;
  evidence: EvidenceItem[];
};

/**
 * An evidence item as the sheet shows it and a submission freezes it: a file
 * keeps its name and the hash of its bytes, so a snapshot names exactly the
 * document that was submitted.
 */
export function evidenceSummary(e: EvidenceItem) {
  return {
    id: e.id,
    kind: e.kind,
    title: e.title,
    body: e.body,
    url: e.url,
    measureValue: e.measure_value,
    measureUnit: e.measure_unit,
    measureDate: e.measure_date,
    fileName: e.file_name,
    fileSha256: e.file_sha256,
  };
}

export async function getAssessment(
  db: Kysely<Database>,
  args: { organisationId: number; periodId: number },
): Promise<Assessment | undefined> {
  return db
    .selectFrom("assessment")
    .selectAll()
    .where("organisation_id", "=", args.organisationId)
    .where("period_id", "=", args.periodId)
    .executeTakeFirst();
}

/** A stored JSON list of indexes; anything else reads as none ticked rather than failing the page. */
export function parseIndexes(json: string): number[] {
  try {
    const list: unknown = JSON.parse(json);
    return Array.isArray(list) ? list.filter((n): n is number => Number.isInteger(n)) : [];
  } catch {
    return [];
  }
}

/** Every answer of the assessment with its evidence, keyed by component id. */
export async function loadAnswers(
  db: Kysely<Database> | Transaction<Database>,
  args: { assessmentId: number },
): Promise<Map<string, SheetAnswer>> {
  const answers = await db
    .selectFrom("component_answer")
    .selectAll()
    .where("assessment_id", "=", args.assessmentId)
    .execute();
  const evidence = await db
    .selectFrom("component_evidence as ce")
    .innerJoin("component_answer as ca", "ca.id", "ce.component_answer_id")
    .innerJoin("evidence_item as e", "e.id", "ce.evidence_item_id")
    .selectAll("e")
    .select("ca.component_id as componentId")
    .where("ca.assessment_id", "=", args.assessmentId)
    .orderBy("e.id")
    .execute();
  const result = new Map<string, SheetAnswer>();
  for (const a of answers) {
    result.set(a.component_id, {
      id: a.id,
      componentId: a.component_id,
      status: a.status,
      opportunities: a.opportunities,
      practicesInPlace: parseIndexes(a.practices_in_place),
      version: a.version,
      updatedAt: a.updated_at,
      answered: a.answered_at !== null,
      evidence: [],
    });
  }
  for (const { componentId, ...item } of evidence) result.get(componentId)?.evidence.push(item);
  return result;
}

/**
 * Writes are allowed only to a draft assessment in an open period; checked
 * inside each write, holding the assessment's row so a submit cannot freeze
 * the sheet between this check and the write.
 */
export async function isEditable(
  trx: Transaction<Database>,
  args: { assessmentId: number },
): Promise<boolean> {
  const row = await lockedForUpdate(
    trx,
    trx
      .selectFrom("assessment as a")
      .innerJoin("assessment_period as p", "p.id", "a.period_id")
      .select(["a.status", "p.status as periodStatus"])
      .where("a.id", "=", args.assessmentId),
  ).executeTakeFirst();
  return row?.status === "draft" && row.periodStatus === "open";
}

/**
 * Moves the month's last change to now. Every write to a month's content
 * (a save, an import, evidence, principles, actions) calls it in its own
 * transaction, after the write, so the place summary's "last change" and the
 * exports' last_changed_at say when the month last changed (issue 19). A
 * stored moment, not a maximum derived over the answers: removing evidence
 * or an action leaves no row to take a time from. ADR 041.
 */
export async function touchAssessment(
  trx: Transaction<Database>,
  args: { assessmentId: number; now: Date },
): Promise<void> {
  await trx
    .updateTable("assessment")
    .set({ updated_at: args.now.toISOString() })
    .where("id", "=", args.assessmentId)
    .execute();
}

/**
 * Starts the organisation's assessment for an open period, copying forward
 * the latest earlier assessment's statuses, opportunities, practices in place,
 * progression actions, principles per domain and evidence links,
 * so a monthly update changes what changed rather than re-entering it all.
 * Starting twice is harmless: the existing assessment is kept.
 */
export async function startAssessment(
  db: Kysely<Database>,
  args: {
    organisationId: number;
    period: AssessmentPeriod;
    charterVersion: string;
    componentIds: readonly string[];
    actor: Actor;
  },
): Promise<{ assessmentId: number; created: boolean; copiedFrom: number | null }> {
  return db.transaction().execute(async (trx) => {
    const existing = await getAssessment(trx, {
      organisationId: args.organisationId,
      periodId: args.period.id,
    });
    if (existing) return { assessmentId: existing.id, created: false, copiedFrom: null };
    // Another server may be starting it this moment: on PostgreSQL this insert
    // waits for that one's commit and then does nothing.
    const assessment = await trx
      .insertInto("assessment")
      .values({
        organisation_id: args.organisationId,
        period_id: args.period.id,
        charter_version: args.charterVersion,
        status: "draft",
      })
      .onConflict((c) => c.columns(["organisation_id", "period_id"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!assessment) {
      const started = await getAssessment(trx, {
        organisationId: args.organisationId,
        periodId: args.period.id,
      });
      if (!started) throw new Error("The assessment was started and is gone again");
      return { assessmentId: started.id, created: false, copiedFrom: null };
    }
    const previous = await trx
      .selectFrom("assessment as a")
      .innerJoin("assessment_period as p", "p.id", "a.period_id")
      .select("a.id")
      .where("a.organisation_id", "=", args.organisationId)
      .where("p.starts_on", "<", args.period.starts_on)
      .orderBy("p.starts_on", "desc")
      .limit(1)
      .executeTakeFirst();
    const earlier = previous ? await loadAnswers(trx, { assessmentId: previous.id }) : new Map();
    const started: Array<{ id: number; componentId: string; status: ComponentStatus }> = [];
    for (const componentId of args.componentIds) {
      const before: SheetAnswer | undefined = earlier.get(componentId);
      const answer = await trx
        .insertInto("component_answer")
        .values({
          assessment_id: assessment.id,
          component_id: componentId,
          status: before?.status ?? "not_started",
          // Carried forward, an answer stays the champion's until they change it (ADR 026).
          answered_at: before?.answered ? args.actor.now.toISOString() : null,
          opportunities: before?.opportunities ?? "",
          practices_in_place: JSON.stringify(before?.practicesInPlace ?? []),
        })
        .returning(["id", "status"])
        .executeTakeFirstOrThrow();
      started.push({ id: answer.id, componentId, status: answer.status });
      // The improvement plan carries on from month to month, as the evidence does.
      if (before) {
        const actions = await trx
          .selectFrom("progression_action")
          .select(["description", "owner", "target_date"])
          .where("component_answer_id", "=", before.id)
          .orderBy("id")
          .execute();
        for (const action of actions) {
          await trx
            .insertInto("progression_action")
            .values({ component_answer_id: answer.id, ...action })
            .execute();
        }
      }
      for (const item of before?.evidence ?? []) {
        await trx
          .insertInto("component_evidence")
          .values({ component_answer_id: answer.id, evidence_item_id: item.id })
          .execute();
      }
    }
    // A verified component whose status and evidence come across unchanged stays verified (ADR 039).
    const carriedVerifications = await carryVerifications(trx, {
      earlier: [...earlier.values()].map((a: SheetAnswer) => ({
        ...a,
        evidenceIds: a.evidence.map((e) => e.id),
      })),
      later: started.map((a) => ({
        ...a,
        version: 1,
        evidenceIds: (earlier.get(a.componentId)?.evidence ?? []).map((e: EvidenceItem) => e.id),
      })),
      now: args.actor.now,
    });
    if (previous) {
      const principles = await trx
        .selectFrom("domain_principles")
        .select(["domain_number", "principles_in_place", "note"])
        .where("assessment_id", "=", previous.id)
        .execute();
      for (const row of principles) {
        await trx
          .insertInto("domain_principles")
          .values({ assessment_id: assessment.id, ...row })
          .execute();
      }
    }
    await audit(trx, args.actor, "assessment.started", assessment.id, {
      period: args.period.label,
      copiedFromAssessment: previous?.id ?? null,
      ...(carriedVerifications.length ? { carriedVerifications } : {}),
    });
    return { assessmentId: assessment.id, created: true, copiedFrom: previous?.id ?? null };
  });
}
