import { formatDay } from "./dates";

/** A measure as one line of text: "87 % at 31 March 2026". Parts left empty are left out. */
export function measureText(measure: {
  value: number | null;
  unit: string | null;
  date: string | null;
}): string {
  return [measure.value, measure.unit, measure.date && `at ${formatDay(measure.date)}`]
    .filter((part) => part !== null && part !== undefined && part !== "")
    .join(" ");
}
