import { type AppLoadContext, data } from "@remix-run/node";
import { loadCharter, componentIds } from "~/charter/content";
import {
  type ImportProblem,
  IMPORT_MAX_BYTES,
  readFilledTemplate,
} from "~/excel/template-import.server";
import { columnName, outcomeColumnName, sheetNames } from "~/excel/template-layout";
import { checkOutcomeRows, type OutcomeRow } from "~/excel/template-outcomes-import.server";
import { figuresOfAssessment, previousFigures } from "~/models/outcome-figures.server";
import { measuresDueIn } from "~/models/outcome-measures.server";
import { unconfirmedChanges } from "~/sheet/figure-checks";
import { IMPORT_FILE_FIELD, importSchema } from "~/forms/sheet-import";
import { readFormWithFile } from "~/http/form-body.server";
import { applyImport, type ImportOutcome, type ImportRefusal } from "~/models/sheet-import.server";
import { getAssessment } from "~/models/sheet.server";
import type { requireSheetEditor } from "~/auth/guards.server";
import { getDb } from "~/models/db.server";
import { chosenFile } from "~/evidence/upload.server";
import { parseForm } from "~/forms/parse";
import { clientIp } from "~/http/request.server";

type Sheet = Awaited<ReturnType<typeof requireSheetEditor>>;

export type ImportActionData =
  | { kind: "problems"; problems: ImportProblem[] }
  | ({ kind: "done" } & Omit<Extract<ImportOutcome, { ok: true }>, "ok">);

/** Whether the month takes an import now, and if not, why, in the sheet's words. */
export async function importState(sheet: Sheet) {
  const assessment = await getAssessment(getDb(), {
    organisationId: sheet.organisation.id,
    periodId: sheet.period.id,
  });
  const refusedBecause =
    sheet.period.status !== "open"
      ? `${sheet.period.label} is closed: its self-assessment can no longer be changed.`
      : !assessment
        ? `${sheet.period.label}'s self-assessment has not been started: start it on the sheet, then upload the template.`
        : assessment.status === "submitted"
          ? `${sheet.period.label} has been submitted: it can no longer be changed unless the place lead reopens it.`
          : null;
  return { assessment, refusedBecause };
}

const refusalWords: Record<ImportRefusal, string> = {
  locked: "This month can no longer be changed: it was submitted or closed while you uploaded.",
  needsEvidence:
    "can be marked Fulfilled only once it has evidence on the platform: add its evidence on the sheet first.",
  lastEvidence: "needs its evidence on the platform.",
  notFound: "is not on this month's sheet.",
};

const problemsAnswer = (problems: ImportProblem[], status = 400) =>
  data<ImportActionData>({ kind: "problems", problems }, { status });
const one = (message: string) => [{ sheet: null, row: null, column: null, message }];

/** The upload: read within the limit, checked whole, applied whole or not at all. */
export async function handleImport(sheet: Sheet, request: Request, context: AppLoadContext) {
  const read = await readFormWithFile(request, IMPORT_MAX_BYTES);
  if (!read.ok) return problemsAnswer(one(read.problem), 413);
  const form = parseForm(importSchema, read.formData);
  if (!form.success) return problemsAnswer(one("The form could not be read: try again."));
  const file = chosenFile(read.formData, IMPORT_FILE_FIELD);
  if (!file) return problemsAnswer(one("Select the filled-in template to upload."));
  const { assessment, refusedBecause } = await importState(sheet);
  if (refusedBecause || !assessment) return problemsAnswer(one(refusedBecause ?? ""), 409);
  const charter = loadCharter({ version: assessment.charter_version });
  // On the server's worker thread when there is one: parsing a workbook blocks whoever runs it.
  const check = context.checkWorkbook ?? readFilledTemplate;
  const checked = await check(
    { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
    { organisation: sheet.organisation, period: sheet.period, componentIds: componentIds(charter) },
  ).catch((error: unknown) => {
    console.warn(`Import of ${file.name} not read: ${String(error).slice(0, 200)}`);
    return null;
  });
  if (!checked) {
    return problemsAnswer(
      one(
        "The file could not be read: download the template again from this page, fill it in and upload that.",
      ),
    );
  }
  if (!checked.ok) return problemsAnswer(checked.problems);
  const figures = await importedFigures(sheet, assessment.id, checked.outcomes);
  if (!figures.ok) return problemsAnswer(figures.problems);
  const outcome = await applyImport(getDb(), {
    assessmentId: assessment.id,
    rows: checked.rows,
    actor: { userId: sheet.auth.user.id, ip: clientIp(context), now: new Date() },
    figures: {
      organisationId: sheet.organisation.id,
      period: { label: sheet.period.label, endsOn: sheet.period.ends_on },
      list: figures.list,
    },
  });
  if (!outcome.ok) {
    return problemsAnswer(
      outcome.problems.map((p) =>
        p.componentId === null
          ? { sheet: null, row: null, column: null, message: refusalWords[p.problem] }
          : {
              sheet: sheetNames.components,
              row: p.row,
              column: columnName("status"),
              message: `${p.componentId} ${refusalWords[p.problem]}`,
            },
      ),
      409,
    );
  }
  const { applied, unchanged, conflicts } = outcome;
  return data<ImportActionData>({
    kind: "done",
    applied,
    unchanged,
    conflicts,
    figures: outcome.figures,
  });
}

/**
 * The outcome figures sheet's rows checked as the month's page checks them
 * (ADR 040): the same schema, and a figure that moved a long way since the
 * last one needs "Yes" in its Checked column.
 */
async function importedFigures(sheet: Sheet, assessmentId: number, rows: OutcomeRow[]) {
  if (!rows.length) return { ok: true as const, list: [] };
  const db = getDb();
  const measures = await measuresDueIn(db, {
    systemId: sheet.organisation.systemId,
    startsOn: sheet.period.starts_on,
  });
  const checked = checkOutcomeRows(
    rows,
    measures.map((m) => ({ ...m.current, measureId: m.id })),
  );
  if (!checked.ok) return checked;
  const [before, saved] = await Promise.all([
    previousFigures(db, {
      organisationId: sheet.organisation.id,
      measureIds: measures.map((m) => m.id),
      before: sheet.period.starts_on,
    }),
    figuresOfAssessment(db, { assessmentId }),
  ]);
  const asks = unconfirmedChanges({
    figures: checked.figures,
    measures: new Map(measures.map((m) => [m.id, m.current])),
    before,
    saved,
    confirmed: (measureId) => rows.some((r) => r.measureId === measureId && r.checked),
  });
  if (asks.length)
    return {
      ok: false as const,
      problems: asks.map((ask) => ({
        sheet: sheetNames.outcomes,
        row: rows.find((r) => r.measureId === ask.measureId)?.row ?? null,
        column: outcomeColumnName("checked"),
        message: `${ask.message}. If it is right, type Yes in its Checked column and upload again.`,
      })),
    };
  return {
    ok: true as const,
    list: checked.figures.map((f) => ({
      ...f,
      measure: measures.find((m) => m.id === f.measureId)!.current,
    })),
  };
}
