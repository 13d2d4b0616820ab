import type { requireSheetReader } from "~/auth/guards.server";
import { changeRule } from "~/charter/outcome-checks";
import { figureValue, isDue } from "~/charter/outcomes";
import { getDb } from "~/models/db.server";
import { figuresOfAssessment, previousFigures } from "~/models/outcome-figures.server";
import { listMeasures } from "~/models/outcome-measures.server";
import { getAssessment } from "~/models/sheet.server";
import { figureWords, partsWords } from "~/utils/figures";
import { sheetPath } from "./paths";

/**
 * The month's outcomes page (ADR 040): the measures due this month with the
 * figures saved so far, each with last period's beside it and its definition;
 * and the measures not due this month, so a champion knows when they are.
 */
export async function loadOutcomesPage(sheet: Awaited<ReturnType<typeof requireSheetReader>>) {
  const db = getDb();
  const { organisation, period } = sheet;
  const assessment = await getAssessment(db, {
    organisationId: organisation.id,
    periodId: period.id,
  });
  const measures = await listMeasures(db, { systemId: organisation.systemId });
  const due = measures.filter((m) => isDue(m.current.frequency, period.starts_on));
  const [saved, before] = await Promise.all([
    assessment ? figuresOfAssessment(db, { assessmentId: assessment.id }) : new Map(),
    previousFigures(db, {
      organisationId: organisation.id,
      measureIds: due.map((m) => m.id),
      before: period.starts_on,
    }),
  ]);
  const open = period.status === "open";
  return {
    path: sheetPath(sheet),
    organisation: { id: organisation.id, name: organisation.name },
    period: { id: period.id, label: period.label, open },
    started: assessment !== undefined,
    submitted: assessment?.status === "submitted",
    editable: sheet.canEdit && open && assessment?.status === "draft",
    canStart: sheet.canEdit && open && !assessment,
    changeRule,
    due: due.map((m) => {
      const v = m.current;
      const figure = saved.get(m.id);
      const last = before.get(m.id);
      return {
        measureId: m.id,
        name: v.name,
        definition: v.definition,
        version: v.version,
        kind: v.kind,
        unit: v.unit,
        numeratorLabel: v.numeratorLabel,
        denominatorLabel: v.denominatorLabel,
        frequency: v.frequency,
        componentIds: [...v.componentIds],
        saved: figure
          ? {
              numerator: figure.numerator,
              denominator: figure.denominator,
              source: figure.source,
              note: figure.note,
              words: figureWords(
                v.kind,
                v.unit,
                figureValue(v.kind, figure.numerator, figure.denominator),
              ),
              parts: partsWords(figure.numerator, figure.denominator, v.unit),
              // Entered under an earlier definition: saving again moves it to the current one.
              earlierVersion: figure.versionId !== v.versionId,
            }
          : null,
        last: last
          ? {
              periodLabel: last.periodLabel,
              submitted: last.submitted,
              words: figureWords(
                v.kind,
                v.unit,
                figureValue(v.kind, last.numerator, last.denominator),
              ),
              parts: partsWords(last.numerator, last.denominator, v.unit),
              source: last.source,
            }
          : null,
      };
    }),
    notDue: measures
      .filter((m) => !isDue(m.current.frequency, period.starts_on))
      .map((m) => ({ measureId: m.id, name: m.current.name, frequency: m.current.frequency })),
  };
}

export type OutcomesPage = Awaited<ReturnType<typeof loadOutcomesPage>>;

/** For the month's overview: how many measures are due this month and how many have figures. */
export async function outcomesDue(args: {
  systemId: number;
  startsOn: string;
  assessmentId: number | null;
}) {
  const db = getDb();
  const measures = await listMeasures(db, { systemId: args.systemId });
  const due = measures.filter((m) => isDue(m.current.frequency, args.startsOn));
  const saved =
    args.assessmentId === null
      ? new Map()
      : await figuresOfAssessment(db, { assessmentId: args.assessmentId });
  return { due: due.length, entered: due.filter((m) => saved.has(m.id)).length };
}
