import { figureValue, type MeasureKind } from "./outcomes";

/**
 * Whether a figure's change since the last one is large enough to ask "are
 * you sure?" (ADR 040): a share that moves more than 10 percentage points,
 * or a total that moves by more than half of the last figure (or away from
 * zero). Such a figure is still accepted, once the champion confirms it.
 */

export const SHARE_POINTS_BOUND = 10;
export const TOTAL_SHARE_BOUND = 0.5;

export const changeRule =
  "A share that moves more than 10 percentage points, or a total that moves by more than half, since the last figure asks you to check it before it is saved.";

export type Figure = { numerator: number; denominator: number | null };

export function isLargeChange(kind: MeasureKind, before: Figure, now: Figure): boolean {
  const was = figureValue(kind, before.numerator, before.denominator);
  const is = figureValue(kind, now.numerator, now.denominator);
  if (was === null || is === null) return false;
  if (kind === "ratio") return Math.abs(is - was) > SHARE_POINTS_BOUND;
  if (was === 0) return is !== 0;
  return Math.abs(is - was) > TOTAL_SHARE_BOUND * Math.abs(was);
}

/**
 * What a confirmation is given for: the figure as entered. Asking again when
 * the figure is changed after confirming it keeps a confirmation for one
 * value from covering another.
 */
export const confirmationOf = (f: Figure) => `${f.numerator}/${f.denominator ?? ""}`;
