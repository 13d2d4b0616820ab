/**
 * A target and whether a figure is on track for it (ADR 040). A target is a
 * baseline (a value on a date), a target value and the date it is due by:
 * "a 5 to 10 % shift over 3 years" in local spend is a baseline of 30 % on
 * 31 March 2026 and a target of 35 % by 31 March 2029 (the lower end; the
 * note can say 10 % is the ambition). A share's values are percentages.
 *
 * The rule, stated once and printed wherever progress is shown:
 * the expected value on a date is the straight line from the baseline to the
 * target (before the baseline, the baseline; after the target date, the
 * target). A figure that has reached the target value is "met"; one at or
 * beyond the straight line, in the target's direction, is "on track"; one
 * short of it is "behind". No figure yet is "no figure".
 */

export type Target = {
  baselineValue: number;
  /** YYYY-MM-DD */
  baselineOn: string;
  targetValue: number;
  /** YYYY-MM-DD, after baselineOn */
  targetOn: string;
  note: string;
};

export type Progress = "met" | "on track" | "behind" | "no figure";

export const progressRule =
  "On track means at or beyond the straight line from the baseline to the target on the date of the figure; behind means short of it; met means the target value has been reached.";

const DAY = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY;

/** Rounding noise (0.1 + 0.2) must not turn "on track" into "behind". */
const EPSILON = 1e-9;

/** The value the straight line from baseline to target expects on a date. */
export function expectedOn(target: Target, on: string): number {
  const span = dayNumber(target.targetOn) - dayNumber(target.baselineOn);
  const share = Math.min(1, Math.max(0, (dayNumber(on) - dayNumber(target.baselineOn)) / span));
  return target.baselineValue + (target.targetValue - target.baselineValue) * share;
}

/** Higher is better when the target is above the baseline; lower when below. */
export const direction = (target: Target): 1 | -1 =>
  target.targetValue >= target.baselineValue ? 1 : -1;

export function targetProgress(
  target: Target,
  figure: { value: number | null; on: string } | null,
): { progress: Progress; expected: number | null } {
  if (!figure || figure.value === null) return { progress: "no figure", expected: null };
  const d = direction(target);
  const expected = expectedOn(target, figure.on);
  const tolerance = EPSILON * Math.max(1, Math.abs(target.targetValue));
  if (d * (figure.value - target.targetValue) >= -tolerance) return { progress: "met", expected };
  if (d * (figure.value - expected) >= -tolerance) return { progress: "on track", expected };
  return { progress: "behind", expected };
}
