/**
 * Outcome figures in words, the same on pages, in documents and in the
 * template: a share as "34.2%" with its parts ("£3,420,000 of £10,000,000"),
 * a total with its unit ("1,250.5 tonnes CO2e"), a change with its sign.
 */

type Kind = "ratio" | "total";

const number = (value: number, digits = 2, fixed = false) =>
  value.toLocaleString("en-GB", {
    maximumFractionDigits: digits,
    minimumFractionDigits: fixed ? digits : 0,
  });

/** An amount in its unit: pounds before the number, anything else after it. */
export function amount(value: number, unit: string): string {
  if (unit === "£") return `£${number(value)}`;
  return unit ? `${number(value)} ${unit}` : number(value);
}

/** A figure's value: a share as a percentage to one decimal place, a total in its unit. */
export function figureWords(kind: Kind, unit: string, value: number | null): string {
  if (value === null) return "No figure";
  return kind === "ratio" ? `${number(value, 1, true)}%` : amount(value, unit);
}

/** A share's part and whole: "412 of 1,050 staff", "£3,420,000 of £10,000,000". */
export function partsWords(numerator: number, denominator: number | null, unit: string): string {
  if (denominator === null) return amount(numerator, unit);
  if (unit === "£") return `£${number(numerator)} of £${number(denominator)}`;
  return `${number(numerator)} of ${amount(denominator, unit)}`;
}

/** A change: "up 4.1 percentage points", "down 120 tonnes CO2e (8.2%)", "no change". */
export function changeWords(
  kind: Kind,
  unit: string,
  difference: number,
  before: number | null = null,
): string {
  if (Math.abs(difference) < 1e-9) return "no change";
  const way = difference > 0 ? "up" : "down";
  if (kind === "ratio") {
    const points = number(Math.abs(difference), 1);
    return `${way} ${points} percentage ${points === "1" ? "point" : "points"}`;
  }
  const share =
    before !== null && before !== 0
      ? ` (${number((100 * Math.abs(difference)) / before, 1)}%)`
      : "";
  return `${way} ${amount(Math.abs(difference), unit)}${share}`;
}

/** A figure as typed into a form again: plain digits, no thousands separators. */
export const figureInput = (value: number | null | undefined) =>
  value === null || value === undefined ? "" : String(value);
