import { type Kysely, sql, type Transaction } from "kysely";
import type { ComponentStatus, Database, EvidenceKind } from "../../db/schema";
import { answerChange, changesAnything } from "../charter/answer-change";
import { type Actor, audit } from "./actor.server";
import { isEditable, parseIndexes, touchAssessment } from "./sheet.server";

/** Why a write was refused; the route turns each into a status and a message. */
export type Refusal =
  | { refused: "locked" }
  | { refused: "needsEvidence" }
  | { refused: "lastEvidence" }
  | { refused: "notFound" }
  | {
      refused: "conflict";
      theirs: {
        status: ComponentStatus;
        opportunities: string;
        practicesInPlace: number[];
        version: number;
      };
    };

type Done = { refused: null };

async function answerRow(trx: Transaction<Database>, assessmentId: number, componentId: string) {
  return trx
    .selectFrom("component_answer")
    .selectAll()
    .where("assessment_id", "=", assessmentId)
    .where("component_id", "=", componentId)
    .executeTakeFirst();
}

async function evidenceCount(trx: Transaction<Database>, answerId: number) {
  const row = await trx
    .selectFrom("component_evidence")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("component_answer_id", "=", answerId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Saves a component's status and opportunities if nobody has saved it since
 * `expectedVersion` was read: the update matches on the version, so two
 * people editing at once can never silently overwrite each other.
 */
export async function saveAnswer(
  db: Kysely<Database>,
  args: SaveAnswerArgs,
): Promise<Saved | Refusal> {
  return db.transaction().execute((trx) => saveAnswerIn(trx, args));
}

/**
 * A save done: whether it changed anything, the answer's version now, and
 * whether pages showing the month's summary must load it again.
 */
export type Saved = Done & { changed: boolean; version: number; changesSummary: boolean };

type SaveAnswerArgs = {
  assessmentId: number;
  componentId: string;
  expectedVersion: number;
  /** Undefined leaves a component not answered (or as it is): the champion chose no status. */
  status?: ComponentStatus;
  opportunities: string;
  /** Undefined leaves the ticked practices as they are. */
  practicesInPlace?: number[];
  actor: Actor;
};

/**
 * saveAnswer inside a transaction the caller holds, so several answers (an
 * imported spreadsheet's) are saved all together or not at all, each with the
 * same checks, version guard and audit row as one saved from the sheet.
 */
export async function saveAnswerIn(
  trx: Transaction<Database>,
  args: SaveAnswerArgs,
): Promise<Saved | Refusal> {
  if (!(await isEditable(trx, args))) return { refused: "locked" } as const;
  const answer = await answerRow(trx, args.assessmentId, args.componentId);
  if (!answer) return { refused: "notFound" } as const;
  if (args.status === "fulfilled" && (await evidenceCount(trx, answer.id)) === 0) {
    return { refused: "needsEvidence" } as const;
  }
  // The answer exactly as it stands is no change (ADR 039): nothing written, nothing audited,
  // and a review of it still covers it. Whatever version the form was read at, there is
  // nothing to overwrite, so it is not a conflict either.
  const change = answerChange(
    {
      status: answer.status,
      answered: answer.answered_at !== null,
      opportunities: answer.opportunities,
      practicesInPlace: parseIndexes(answer.practices_in_place),
    },
    args,
  );
  if (!changesAnything(change)) {
    return { refused: null, changed: false, version: answer.version, changesSummary: false };
  }
  const updated = await trx
    .updateTable("component_answer")
    .set({
      ...(args.status
        ? { status: args.status, answered_at: answer.answered_at ?? args.actor.now.toISOString() }
        : {}),
      opportunities: args.opportunities,
      ...(args.practicesInPlace
        ? { practices_in_place: JSON.stringify(args.practicesInPlace) }
        : {}),
      version: sql<number>`version + 1`,
      updated_at: args.actor.now.toISOString(),
    })
    .where("id", "=", answer.id)
    .where("version", "=", args.expectedVersion)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    const { status, opportunities, version } = answer;
    const practicesInPlace = parseIndexes(answer.practices_in_place);
    return {
      refused: "conflict",
      theirs: { status, opportunities, practicesInPlace, version },
    } as const;
  }
  await audit(trx, args.actor, "component.saved", args.assessmentId, {
    component: args.componentId,
    from: answer.answered_at === null ? null : answer.status,
    to: args.status ?? (answer.answered_at === null ? null : answer.status),
    ...(args.practicesInPlace ? { practicesInPlace: args.practicesInPlace } : {}),
    version: args.expectedVersion + 1,
  });
  await touchAssessment(trx, { assessmentId: args.assessmentId, now: args.actor.now });
  // The sheet's level and progress follow the statuses, and a reviewed
  // component's tag becomes "changed since review": only then must a page
  // showing the sheet load it again after an autosave.
  const reviewed = await trx
    .selectFrom("component_review")
    .select("id")
    .where("component_answer_id", "=", answer.id)
    .limit(1)
    .executeTakeFirst();
  return {
    refused: null,
    changed: true,
    version: args.expectedVersion + 1,
    changesSummary: change.status || !!reviewed,
  };
}

export type NewEvidence = {
  kind: EvidenceKind;
  title: string;
  body?: string;
  url?: string;
  measureValue?: number;
  measureUnit?: string;
  measureDate?: string;
  /** Kind 'file': bytes already stored and recorded in evidence_file. */
  file?: { sha256: string; name: string };
};

/** Adds an evidence item (owned by the organisation, so it can be reused) to a component. */
export async function addEvidence(
  db: Kysely<Database>,
  args: {
    assessmentId: number;
    organisationId: number;
    componentId: string;
    item: NewEvidence;
    actor: Actor;
  },
): Promise<(Done & { evidenceItemId: number }) | Refusal> {
  return db.transaction().execute(async (trx) => {
    if (!(await isEditable(trx, args))) return { refused: "locked" } as const;
    const answer = await answerRow(trx, args.assessmentId, args.componentId);
    if (!answer) return { refused: "notFound" } as const;
    const { item } = args;
    const evidence = await trx
      .insertInto("evidence_item")
      .values({
        organisation_id: args.organisationId,
        kind: item.kind,
        title: item.title,
        body: item.body ?? null,
        url: item.url ?? null,
        measure_value: item.measureValue ?? null,
        measure_unit: item.measureUnit || null,
        measure_date: item.measureDate ?? null,
        file_sha256: item.file?.sha256 ?? null,
        file_name: item.file?.name ?? null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("component_evidence")
      .values({ component_answer_id: answer.id, evidence_item_id: evidence.id })
      .execute();
    await audit(trx, args.actor, "evidence.added", args.assessmentId, {
      component: args.componentId,
      evidenceItem: evidence.id,
      kind: item.kind,
    });
    await touchAssessment(trx, { assessmentId: args.assessmentId, now: args.actor.now });
    return { refused: null, evidenceItemId: evidence.id };
  });
}

/**
 * Puts one of the organisation's existing evidence items on another component,
 * so a document uploaded once backs every component it shows. Another
 * organisation's item is "not found", whatever its id.
 */
export async function reuseEvidence(
  db: Kysely<Database>,
  args: {
    assessmentId: number;
    organisationId: number;
    componentId: string;
    evidenceItemId: number;
    actor: Actor;
  },
): Promise<Done | Refusal> {
  return db.transaction().execute(async (trx) => {
    if (!(await isEditable(trx, args))) return { refused: "locked" } as const;
    const answer = await answerRow(trx, args.assessmentId, args.componentId);
    const item = await trx
      .selectFrom("evidence_item")
      .select("id")
      .where("id", "=", args.evidenceItemId)
      .where("organisation_id", "=", args.organisationId)
      .executeTakeFirst();
    if (!answer || !item) return { refused: "notFound" } as const;
    await trx
      .insertInto("component_evidence")
      .values({ component_answer_id: answer.id, evidence_item_id: item.id })
      .onConflict((c) => c.columns(["component_answer_id", "evidence_item_id"]).doNothing())
      .execute();
    await audit(trx, args.actor, "evidence.added", args.assessmentId, {
      component: args.componentId,
      evidenceItem: item.id,
      reused: true,
    });
    await touchAssessment(trx, { assessmentId: args.assessmentId, now: args.actor.now });
    return { refused: null };
  });
}

/**
 * Takes an evidence item off a component. The item itself stays with the
 * organisation (other months may cite it). A fulfilled component keeps at
 * least one item: its status must change first.
 */
export async function removeEvidence(
  db: Kysely<Database>,
  args: { assessmentId: number; componentId: string; evidenceItemId: number; actor: Actor },
): Promise<Done | Refusal> {
  return db.transaction().execute(async (trx) => {
    if (!(await isEditable(trx, args))) return { refused: "locked" } as const;
    const answer = await answerRow(trx, args.assessmentId, args.componentId);
    if (!answer) return { refused: "notFound" } as const;
    if (answer.status === "fulfilled" && (await evidenceCount(trx, answer.id)) <= 1) {
      return { refused: "lastEvidence" } as const;
    }
    const removed = await trx
      .deleteFrom("component_evidence")
      .where("component_answer_id", "=", answer.id)
      .where("evidence_item_id", "=", args.evidenceItemId)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) return { refused: "notFound" } as const;
    await audit(trx, args.actor, "evidence.removed", args.assessmentId, {
      component: args.componentId,
      evidenceItem: args.evidenceItemId,
    });
    await touchAssessment(trx, { assessmentId: args.assessmentId, now: args.actor.now });
    return { refused: null };
  });
}
