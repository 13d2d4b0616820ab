import { addDays, isBankHoliday, isoDate } from "./bank-holidays";

/**
 * When a period's returns are due. A system's administrators set a rule (the
 * Nth working day of the month after the period ends, the tenth by default);
 * a period may override it with a date of its own. The due date is derived
 * from those stored facts every time it is read (ADR 003's habit from
 * alphagov/forms), so a changed rule moves every period that has no override.
 */
export type DueDateRule = { workingDay: number };

export const DEFAULT_DUE_RULE: DueDateRule = { workingDay: 10 };
export const MAX_WORKING_DAY = 20;

/** Monday to Friday and not a bank holiday in England and Wales. */
export function isWorkingDay(isoDay: string): boolean {
  const weekday = new Date(`${isoDay}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isBankHoliday(isoDay);
}

/** The rule's due date for a period ending on `endsOn` (YYYY-MM-DD). */
export function dueDateByRule(endsOn: string, rule: DueDateRule): string {
  if (
    !Number.isInteger(rule.workingDay) ||
    rule.workingDay < 1 ||
    rule.workingDay > MAX_WORKING_DAY
  )
    throw new RangeError(`A due date's working day must be 1 to ${MAX_WORKING_DAY}`);
  let day = addDays(new Date(`${endsOn}T00:00:00Z`), 1);
  let counted = 0;
  for (;;) {
    if (isWorkingDay(isoDate(day)) && ++counted === rule.workingDay) return isoDate(day);
    day = addDays(day, 1);
  }
}

/** A period's due date: its own override, else the system's rule. */
export function periodDueOn(
  period: { endsOn: string; dueOnOverride: string | null },
  rule: DueDateRule,
): string {
  return period.dueOnOverride ?? dueDateByRule(period.endsOn, rule);
}
