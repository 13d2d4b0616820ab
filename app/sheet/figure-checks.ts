import { confirmationOf, isLargeChange } from "~/charter/outcome-checks";
import { figureValue, type MeasureVersion } from "~/charter/outcomes";
import type { ParsedFigure } from "~/forms/outcomes";
import { changeWords, figureWords } from "~/utils/figures";

type Stored = { numerator: number; denominator: number | null };

/**
 * The figures that moved a long way since the last one and are not yet
 * confirmed (ADR 040), each with the sentence that asks. A figure already
 * saved as it is now was confirmed when it was saved. Shared by the month's
 * page and the template import, so both ask the same.
 */
export function unconfirmedChanges(args: {
  figures: readonly ParsedFigure[];
  measures: ReadonlyMap<number, MeasureVersion>;
  before: ReadonlyMap<number, Stored & { periodLabel: string }>;
  saved: ReadonlyMap<number, Stored>;
  confirmed: (measureId: number, confirmation: string) => boolean;
}): Array<{ measureId: number; message: string }> {
  const asks: Array<{ measureId: number; message: string }> = [];
  for (const figure of args.figures) {
    if ("remove" in figure) continue;
    const measure = args.measures.get(figure.measureId);
    const last = args.before.get(figure.measureId);
    const already = args.saved.get(figure.measureId);
    if (!measure || !last) continue;
    if (already?.numerator === figure.numerator && already.denominator === figure.denominator)
      continue;
    if (!isLargeChange(measure.kind, last, figure)) continue;
    if (args.confirmed(figure.measureId, confirmationOf(figure))) continue;
    const was = figureValue(measure.kind, last.numerator, last.denominator);
    const is = figureValue(measure.kind, figure.numerator, figure.denominator);
    asks.push({
      measureId: figure.measureId,
      message: `${measure.name} is ${figureWords(measure.kind, measure.unit, is)}, ${changeWords(
        measure.kind,
        measure.unit,
        (is ?? 0) - (was ?? 0),
        was,
      )} since ${last.periodLabel} (${figureWords(measure.kind, measure.unit, was)})`,
    });
  }
  return asks;
}
