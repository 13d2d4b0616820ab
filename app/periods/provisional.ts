import { formatDate } from "../utils/dates";

/**
 * How a month still open to returns is named wherever its figures appear
 * (issue 19): they are provisional, and say how far the returns have come,
 * so nobody reads a month part-way through as if it were finished.
 * "December 2026, open until 15 January 2027: 11 of 18 have submitted so far".
 */
export function provisionalWords(args: {
  label: string;
  dueOn: string;
  submitted: number;
  total: number;
}): string {
  const verb = args.submitted === 1 ? "has" : "have";
  return `${args.label}, open until ${formatDate(args.dueOn)}: ${args.submitted} of ${args.total} ${verb} submitted so far`;
}
