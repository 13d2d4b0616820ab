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

/**
 * The period a reader's page shows: the one the address asks for when it is
 * one of this system's, otherwise the preferred one (the latest final month,
 * app/readers/period.server.ts), otherwise the latest. `periods` are newest
 * first; `previous` is the one before it.
 */
export function choosePeriod<P extends { id: number }>(
  periods: readonly P[],
  args: { requested: string | null; preferred: number | null },
): { chosen: P | null; previous: P | null; unknownRequest: boolean } {
  const requestedId =
    args.requested && /^\d{1,12}$/.test(args.requested) ? Number(args.requested) : null;
  const requested = periods.findIndex((p) => p.id === requestedId);
  const fallback = Math.max(
    0,
    periods.findIndex((p) => p.id === args.preferred),
  );
  const index = requested >= 0 ? requested : fallback;
  return {
    chosen: periods[index] ?? null,
    previous: periods[index + 1] ?? null,
    unknownRequest: args.requested !== null && requested < 0,
  };
}

/** Periods grouped by the year they start in, newest year first, for a chooser. */
export function periodsByYear<P extends { startsOn: string }>(periods: readonly P[]) {
  const years = new Map<string, P[]>();
  for (const period of periods) {
    const year = period.startsOn.slice(0, 4);
    years.set(year, [...(years.get(year) ?? []), period]);
  }
  return [...years].map(([year, inYear]) => ({ year, periods: inYear }));
}
