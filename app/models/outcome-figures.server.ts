import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/schema";
import { figureValue, type MeasureVersion } from "../charter/outcomes";
import { figureWords, partsWords } from "../utils/figures";
import { type Actor, audit } from "./actor.server";
import { versionFromRow } from "./outcome-measures.server";
import { isEditable } from "./sheet.server";

/**
 * An organisation's outcome figures, as its champions enter them on the
 * month (ADR 040). Each figure is also an evidence item on the components
 * its measure evidences, so one figure entered counts everywhere it shows.
 */

export type StoredFigure = {
  measureId: number;
  versionId: number;
  numerator: number;
  denominator: number | null;
  source: string;
  note: string;
  updatedAt: string;
};

const figureColumns = [
  "f.measure_id as measureId",
  "f.measure_version_id as versionId",
  "f.numerator",
  "f.denominator",
  "f.source",
  "f.note",
  "f.updated_at as updatedAt",
] as const;

const numbers = <T extends { numerator: unknown; denominator: unknown }>(row: T) => ({
  ...row,
  numerator: Number(row.numerator),
  denominator: row.denominator === null ? null : Number(row.denominator),
});

/** The figures of one month's return, by measure id. */
export async function figuresOfAssessment(
  db: Kysely<Database>,
  args: { assessmentId: number },
): Promise<Map<number, StoredFigure>> {
  const rows = await db
    .selectFrom("outcome_figure as f")
    .select(figureColumns)
    .where("f.assessment_id", "=", args.assessmentId)
    .execute();
  return new Map(rows.map((r) => [r.measureId, numbers(r)]));
}

/**
 * Each measure's newest figure from the organisation's returns of the twelve
 * months before `before` (a yearly measure's last figure is at most a year
 * back): what the champion sees beside this month's, whether or not it was
 * submitted. Bounded by those months, however long the history.
 */
export async function previousFigures(
  db: Kysely<Database>,
  args: { organisationId: number; measureIds: readonly number[]; before: string },
): Promise<Map<number, StoredFigure & { periodLabel: string; submitted: boolean }>> {
  if (!args.measureIds.length) return new Map();
  const year = Number(args.before.slice(0, 4));
  const from = `${year - 1}${args.before.slice(4)}`;
  const rows = await db
    .selectFrom("outcome_figure as f")
    .innerJoin("assessment as a", "a.id", "f.assessment_id")
    .innerJoin("assessment_period as p", "p.id", "a.period_id")
    .select([...figureColumns, "p.label as periodLabel", "p.starts_on as startsOn", "a.status"])
    .where("a.organisation_id", "=", args.organisationId)
    .where("f.measure_id", "in", [...args.measureIds])
    .where("p.starts_on", "<", args.before)
    .where("p.starts_on", ">=", from)
    .orderBy("p.starts_on", "desc")
    .execute();
  const found = new Map<number, StoredFigure & { periodLabel: string; submitted: boolean }>();
  for (const { startsOn: _s, status, ...row } of rows) {
    if (!found.has(row.measureId))
      found.set(row.measureId, { ...numbers(row), submitted: status === "submitted" });
  }
  return found;
}

export type FigureToSave =
  | {
      measure: MeasureVersion;
      numerator: number;
      denominator: number | null;
      source: string;
      note: string;
    }
  | { measure: MeasureVersion; remove: true };

export type SaveFiguresResult =
  | { refused: null; saved: number; removed: number }
  | { refused: "locked" }
  | { refused: "lastEvidence"; measureId: number; componentId: string };

/** Thrown inside a transaction: a removed figure was a fulfilled component's only evidence. */
export class LastEvidence extends Error {
  constructor(
    readonly measureId: number,
    readonly componentId: string,
  ) {
    super("last evidence");
  }
}

/** Saves a month's figures in one transaction, refused unless the month is an open draft. */
export async function saveFigures(
  db: Kysely<Database>,
  args: {
    assessmentId: number;
    organisationId: number;
    period: { label: string; endsOn: string };
    figures: readonly FigureToSave[];
    actor: Actor;
  },
): Promise<SaveFiguresResult> {
  try {
    return await db.transaction().execute(async (trx) => {
      if (!(await isEditable(trx, args))) return { refused: "locked" } as const;
      return saveFiguresIn(trx, args);
    });
  } catch (error) {
    if (error instanceof LastEvidence)
      return {
        refused: "lastEvidence",
        measureId: error.measureId,
        componentId: error.componentId,
      };
    throw error;
  }
}

/**
 * The writes, in the caller's transaction (the sheet's import saves figures
 * with its answers): each figure upserted against its measure's current
 * version, its evidence item written and put on the components the measure
 * evidences; a figure removed takes its evidence off this month's
 * components (refused, by throwing, where it is a fulfilled component's only
 * evidence). One audit row for the lot.
 */
export async function saveFiguresIn(
  trx: Transaction<Database>,
  args: {
    assessmentId: number;
    organisationId: number;
    period: { label: string; endsOn: string };
    figures: readonly FigureToSave[];
    actor: Actor;
  },
): Promise<{ refused: null; saved: number; removed: number }> {
  const now = args.actor.now.toISOString();
  const answers = new Map(
    (
      await trx
        .selectFrom("component_answer")
        .select(["id", "component_id", "status"])
        .where("assessment_id", "=", args.assessmentId)
        .execute()
    ).map((a) => [a.component_id, a]),
  );
  let saved = 0;
  let removed = 0;
  for (const figure of args.figures) {
    const { measure } = figure;
    const existing = await trx
      .selectFrom("outcome_figure")
      .select([
        "id",
        "evidence_item_id as evidenceItemId",
        "measure_version_id as versionId",
        "numerator",
        "denominator",
        "source",
        "note",
      ])
      .where("assessment_id", "=", args.assessmentId)
      .where("measure_id", "=", measure.measureId)
      .executeTakeFirst();
    if ("remove" in figure) {
      if (!existing) continue;
      if (existing.evidenceItemId !== null)
        await unlink(trx, answers, existing.evidenceItemId, [], measure.measureId);
      await trx.deleteFrom("outcome_figure").where("id", "=", existing.id).execute();
      if (existing.evidenceItemId !== null) await dropIfUnused(trx, existing.evidenceItemId);
      removed++;
      continue;
    }
    // Saved again as it stands: nothing to write (the page and the template send every figure).
    if (
      existing &&
      existing.versionId === measure.versionId &&
      Number(existing.numerator) === figure.numerator &&
      (existing.denominator === null ? null : Number(existing.denominator)) ===
        (measure.kind === "ratio" ? figure.denominator : null) &&
      existing.source === figure.source &&
      existing.note === figure.note
    )
      continue;
    const value = figureValue(measure.kind, figure.numerator, figure.denominator);
    const item = {
      title: `${measure.name}, ${args.period.label}`,
      body: `${partsWords(figure.numerator, figure.denominator, measure.unit)}${
        measure.kind === "ratio" ? ` (${figureWords("ratio", measure.unit, value)})` : ""
      }. Source: ${figure.source}.${figure.note ? ` ${figure.note}` : ""}`,
      measure_value: value === null ? null : Math.round(value * 100) / 100,
      measure_unit: measure.kind === "ratio" ? "%" : measure.unit,
      measure_date: args.period.endsOn,
    };
    let evidenceItemId = existing?.evidenceItemId ?? null;
    if (evidenceItemId !== null) {
      await trx.updateTable("evidence_item").set(item).where("id", "=", evidenceItemId).execute();
    } else {
      evidenceItemId = (
        await trx
          .insertInto("evidence_item")
          .values({ organisation_id: args.organisationId, kind: "measure", ...item })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    }
    const values = {
      measure_version_id: measure.versionId,
      numerator: figure.numerator,
      denominator: measure.kind === "ratio" ? figure.denominator : null,
      source: figure.source,
      note: figure.note,
      evidence_item_id: evidenceItemId,
      updated_at: now,
      updated_by: args.actor.userId,
    };
    if (existing) {
      await trx.updateTable("outcome_figure").set(values).where("id", "=", existing.id).execute();
    } else {
      await trx
        .insertInto("outcome_figure")
        .values({ assessment_id: args.assessmentId, measure_id: measure.measureId, ...values })
        .execute();
    }
    // A version that evidences other components moves the item off those it no longer does.
    await unlink(trx, answers, evidenceItemId, measure.componentIds, measure.measureId);
    for (const componentId of measure.componentIds) {
      const answer = answers.get(componentId);
      if (!answer) continue;
      await trx
        .insertInto("component_evidence")
        .values({ component_answer_id: answer.id, evidence_item_id: evidenceItemId })
        .onConflict((c) => c.columns(["component_answer_id", "evidence_item_id"]).doNothing())
        .execute();
    }
    saved++;
  }
  if (saved || removed)
    await audit(trx, args.actor, "outcome_figures.saved", args.assessmentId, {
      period: args.period.label,
      measures: args.figures.map((f) => f.measure.name),
    });
  return { refused: null, saved, removed };
}

/** Takes the item off this month's components other than `keep`, minding the last-evidence rule. */
async function unlink(
  trx: Transaction<Database>,
  answers: Map<string, { id: number; component_id: string; status: string }>,
  evidenceItemId: number,
  keep: readonly string[],
  measureId: number,
) {
  const ids = [...answers.values()].filter((a) => !keep.includes(a.component_id)).map((a) => a.id);
  if (!ids.length) return;
  const linked = await trx
    .selectFrom("component_evidence as ce")
    .select([
      "ce.component_answer_id as answerId",
      (eb) =>
        eb
          .selectFrom("component_evidence as other")
          .select((o) => o.fn.countAll().as("n"))
          .whereRef("other.component_answer_id", "=", "ce.component_answer_id")
          .as("items"),
    ])
    .where("ce.evidence_item_id", "=", evidenceItemId)
    .where("ce.component_answer_id", "in", ids)
    .execute();
  for (const link of linked) {
    const answer = [...answers.values()].find((a) => a.id === link.answerId)!;
    if (answer.status === "fulfilled" && Number(link.items) <= 1)
      throw new LastEvidence(measureId, answer.component_id);
    await trx
      .deleteFrom("component_evidence")
      .where("component_answer_id", "=", link.answerId)
      .where("evidence_item_id", "=", evidenceItemId)
      .execute();
  }
}

/** A removed figure's item goes too, unless another month cites it, a reply holds it or it is shared. */
async function dropIfUnused(trx: Transaction<Database>, evidenceItemId: number) {
  const [cited, replied, item] = await Promise.all([
    trx
      .selectFrom("component_evidence")
      .select("evidence_item_id")
      .where("evidence_item_id", "=", evidenceItemId)
      .limit(1)
      .executeTakeFirst(),
    trx
      .selectFrom("query_reply")
      .select("id")
      .where("evidence_item_id", "=", evidenceItemId)
      .limit(1)
      .executeTakeFirst(),
    trx
      .selectFrom("evidence_item")
      .select("shared_at")
      .where("id", "=", evidenceItemId)
      .executeTakeFirst(),
  ]);
  if (!cited && !replied && item && item.shared_at === null)
    await trx.deleteFrom("evidence_item").where("id", "=", evidenceItemId).execute();
}

/**
 * A return's figures with the definitions they were entered against, as a
 * submission freezes them (and the reporting sheet shows them): what was
 * sent stays readable whatever the measure's definition becomes.
 */
export async function figuresWithDefinitions(db: Kysely<Database>, args: { assessmentId: number }) {
  const rows = await db
    .selectFrom("outcome_figure as f")
    .innerJoin("outcome_measure_version as v", "v.id", "f.measure_version_id")
    .innerJoin("outcome_measure as m", "m.id", "f.measure_id")
    .selectAll("v")
    .select(["f.numerator", "f.denominator", "f.source", "f.note"])
    .where("f.assessment_id", "=", args.assessmentId)
    .orderBy("m.position")
    .orderBy("m.id")
    .execute();
  return rows.map((r) => {
    const { numerator, denominator, source, note, ...version } = r;
    const v = versionFromRow(version);
    return {
      measureId: v.measureId,
      versionId: v.versionId,
      version: v.version,
      name: v.name,
      definition: v.definition,
      kind: v.kind,
      unit: v.unit,
      numeratorLabel: v.numeratorLabel,
      denominatorLabel: v.denominatorLabel,
      frequency: v.frequency,
      componentIds: [...v.componentIds],
      numerator: Number(numerator),
      denominator: denominator === null ? null : Number(denominator),
      source,
      note,
    };
  });
}
