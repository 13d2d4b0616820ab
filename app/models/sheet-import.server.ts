import type { Kysely } from "kysely";
import type { ComponentStatus, Database } from "../../db/schema";
import { answerChange, changesAnything } from "../charter/answer-change";
import type { Actor } from "./actor.server";
import { saveAnswerIn } from "./component-answers.server";
import { type FigureToSave, LastEvidence, saveFiguresIn } from "./outcome-figures.server";
import { isEditable, loadAnswers } from "./sheet.server";

/** A row the import did not apply because the component changed online after the download. */
export type ImportConflict = {
  componentId: string;
  row: number;
  yours: { status: ComponentStatus; opportunities: string };
  theirs: { status: ComponentStatus; opportunities: string; version: number };
};

export type ImportOutcome =
  | {
      ok: true;
      applied: string[];
      unchanged: string[];
      conflicts: ImportConflict[];
      /** Outcome figures saved or removed (ADR 040). */
      figures: number;
    }
  | {
      ok: false;
      problems: Array<{ row: number | null; componentId: string | null; problem: ImportRefusal }>;
    };

export type ImportRefusal = "locked" | "needsEvidence" | "lastEvidence" | "notFound";

class Refused extends Error {
  constructor(readonly problems: Extract<ImportOutcome, { ok: false }>["problems"]) {
    super("import refused");
  }
}

/**
 * Applies a checked import's rows in one transaction, each through the sheet's
 * own saveAnswerIn (lock, evidence rule, version guard, audit row). A row the
 * same as the answer now (answerChange) is left alone, whatever version it was
 * downloaded at: no new version, no audit row, reviews intact; one whose component changed online
 * since the download (another version) is a conflict, listed and not
 * applied. Any other refusal rolls the whole import back.
 */
export async function applyImport(
  db: Kysely<Database>,
  args: {
    assessmentId: number;
    rows: ReadonlyArray<{
      row: number;
      componentId: string;
      status: ComponentStatus;
      opportunities: string;
      version: number;
    }>;
    actor: Actor;
    /** The outcome figures sheet's figures, saved in the same transaction. */
    figures?: {
      organisationId: number;
      period: { label: string; endsOn: string };
      list: readonly FigureToSave[];
    };
  },
): Promise<ImportOutcome> {
  try {
    return await db.transaction().execute(async (trx) => {
      if (!(await isEditable(trx, args))) {
        throw new Refused([{ row: null, componentId: null, problem: "locked" }]);
      }
      const current = await loadAnswers(trx, args);
      const applied: string[] = [];
      const unchanged: string[] = [];
      const conflicts: ImportConflict[] = [];
      const problems: Extract<ImportOutcome, { ok: false }>["problems"] = [];
      for (const row of args.rows) {
        const now = current.get(row.componentId);
        if (!now) {
          problems.push({ row: row.row, componentId: row.componentId, problem: "notFound" });
          continue;
        }
        // The same judgement as a save from the sheet (answerChange): as it stands is no change.
        if (!changesAnything(answerChange(now, row))) {
          unchanged.push(row.componentId);
          continue;
        }
        const conflict = {
          componentId: row.componentId,
          row: row.row,
          yours: { status: row.status, opportunities: row.opportunities },
          theirs: { status: now.status, opportunities: now.opportunities, version: now.version },
        };
        if (now.version !== row.version) {
          conflicts.push(conflict);
          continue;
        }
        const saved = await saveAnswerIn(trx, {
          assessmentId: args.assessmentId,
          componentId: row.componentId,
          expectedVersion: row.version,
          status: row.status,
          opportunities: row.opportunities,
          actor: args.actor,
        });
        if (saved.refused === "conflict") conflicts.push(conflict);
        else if (saved.refused) {
          problems.push({ row: row.row, componentId: row.componentId, problem: saved.refused });
        } else (saved.changed ? applied : unchanged).push(row.componentId);
      }
      if (problems.length) throw new Refused(problems);
      let figures = 0;
      if (args.figures?.list.length) {
        const saved = await saveFiguresIn(trx, {
          assessmentId: args.assessmentId,
          organisationId: args.figures.organisationId,
          period: args.figures.period,
          figures: args.figures.list,
          actor: args.actor,
        });
        figures = saved.saved + saved.removed;
      }
      return { ok: true as const, applied, unchanged, conflicts, figures };
    });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problems: error.problems };
    if (error instanceof LastEvidence)
      return {
        ok: false,
        problems: [{ row: null, componentId: error.componentId, problem: "lastEvidence" }],
      };
    throw error;
  }
}
