/** A monthly reporting period: dates are YYYY-MM-DD, both ends inclusive. */
export type MonthlyPeriod = { label: string; startsOn: string; endsOn: string };

const monthFormat = new Intl.DateTimeFormat("en-GB", {
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

export function monthlyPeriod(year: number, monthIndex: number): MonthlyPeriod {
  const start = new Date(Date.UTC(year, monthIndex, 1));
  const end = new Date(Date.UTC(year, monthIndex + 1, 0));
  return {
    label: monthFormat.format(start),
    startsOn: start.toISOString().slice(0, 10),
    endsOn: end.toISOString().slice(0, 10),
  };
}

/** The `count` months ending with the month that contains `today`, oldest first. */
export function recentMonthlyPeriods(today: Date, count: number): MonthlyPeriod[] {
  const periods: MonthlyPeriod[] = [];
  for (let back = count - 1; back >= 0; back--) {
    periods.push(monthlyPeriod(today.getUTCFullYear(), today.getUTCMonth() - back));
  }
  return periods;
}
