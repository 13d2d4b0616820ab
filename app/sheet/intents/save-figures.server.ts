import { redirect } from "@remix-run/node";
import { parseForm } from "~/forms/parse";
import { figureFieldId, figuresSchema } from "~/forms/outcomes";
import { figuresOfAssessment, previousFigures, saveFigures } from "~/models/outcome-figures.server";
import { measuresDueIn } from "~/models/outcome-measures.server";
import { unconfirmedChanges } from "../figure-checks";
import { type PostContext, refuse, refuseLocked } from "./context.server";
import { requireStartedMonth } from "./guards.server";

/** Where the month's outcome figures are entered (ADR 040). */
export const outcomesPath = (here: string) => `${here}/outcomes`;

/**
 * Saves the month's outcome figures, all or none: each measure due is
 * checked (numbers, a whole above zero, a part within its whole, a source);
 * a figure that moved a long way since the last one is saved only once the
 * champion confirms it (a server round trip, so it works without
 * JavaScript); a refusal keeps everything typed.
 */
export async function saveOutcomeFigures(post: PostContext) {
  const started = await requireStartedMonth(post);
  if (!started.ok) return started.refusal;
  const { organisation, period } = post.sheet;
  const measures = await measuresDueIn(post.db, {
    systemId: organisation.systemId,
    startsOn: period.starts_on,
  });
  const forForm = measures.map((m) => ({
    measureId: m.id,
    name: m.current.name,
    kind: m.current.kind,
    unit: m.current.unit,
    numeratorLabel: m.current.numeratorLabel,
    denominatorLabel: m.current.denominatorLabel,
  }));
  const form = parseForm(figuresSchema(forForm), post.formData);
  if (!form.success) return refuse({ form: "figures", errors: form.errors, values: form.values });

  const [before, saved] = await Promise.all([
    previousFigures(post.db, {
      organisationId: organisation.id,
      measureIds: measures.map((m) => m.id),
      before: period.starts_on,
    }),
    figuresOfAssessment(post.db, { assessmentId: started.month.assessmentId }),
  ]);
  const unconfirmed = Object.fromEntries(
    unconfirmedChanges({
      figures: form.data,
      measures: new Map(measures.map((m) => [m.id, m.current])),
      before,
      saved,
      confirmed: (measureId, confirmation) =>
        form.values[figureFieldId(measureId, "confirm")] === confirmation,
    }).map((ask) => [
      figureFieldId(ask.measureId, "confirm"),
      `${ask.message}. Check it; if it is right, tick "This figure is right" and save again`,
    ]),
  );
  if (Object.keys(unconfirmed).length)
    return refuse({ form: "figures", errors: unconfirmed, values: form.values });

  const result = await saveFigures(post.db, {
    assessmentId: started.month.assessmentId,
    organisationId: organisation.id,
    period: { label: period.label, endsOn: period.ends_on },
    figures: form.data.map((f) => ({
      ...f,
      measure: measures.find((m) => m.id === f.measureId)!.current,
    })),
    actor: post.actor,
  });
  if (result.refused === "locked") return refuseLocked();
  if (result.refused === "lastEvidence") {
    const measure = measures.find((m) => m.id === result.measureId)!.current;
    const errors = {
      [figureFieldId(result.measureId, "part")]:
        `The figure for ${measure.name} is the only evidence of ${result.componentId}, which is fulfilled: add other evidence to ${result.componentId}, or change its status, before removing the figure`,
    };
    return refuse({ form: "figures", errors, values: form.values });
  }
  return redirect(`${outcomesPath(post.here)}?saved=${result.saved + result.removed}#figures`);
}
