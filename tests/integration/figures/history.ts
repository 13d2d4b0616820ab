import fc from "fast-check";

/**
 * A generated history of one system, as plain data: what the property test
 * writes into a real database and what its simple figures are computed from.
 * Small on purpose (2-5 organisations, 1-2 places, 2-4 months), so a run of
 * 25 histories stays well under a minute on both databases.
 */

export type Status = "not_started" | "in_progress" | "fulfilled";
/** What an organisation did in a month: "resubmitted" is reopened and submitted again. */
export type ReturnKind = "none" | "draft" | "submitted" | "reopened" | "resubmitted";

export type Review = {
  verdict: "verified" | "queried";
  /** The answer version it saw: the answer's own, or an older one (the answer changed since). */
  stale: boolean;
  /** The evidence it saw: not kept (older reviews), the answer's own, or other items. */
  evidence: "not kept" | "same" | "other";
};

export type Answer = {
  status: Status;
  version: number;
  /** Indexes into the organisation's three evidence items. */
  evidence: number[];
  /** Oldest first. */
  reviews: Review[];
};

export type Action = { componentIndex: number; targetDate: string | null };

export type OrgMonth = {
  kind: ReturnKind;
  answers: Answer[];
  /** The plan as sent with the latest submission. */
  actionsSent: Action[];
  /** The plan as sent with an earlier submission (a resubmitted month's first). */
  actionsSentFirst: Action[];
  /** What the live plan holds besides: added after reopening, or in a draft. */
  actionsLive: Action[];
};

export type Month = {
  /** Months after December 2024: 1 is January 2025. */
  index: number;
  status: "open" | "closed";
  /** Days after the month's end that its returns are due. */
  dueAfter: number;
};

export type History = {
  places: number;
  /** Each organisation's place (index), or null for a system-wide one. */
  organisations: Array<number | null>;
  /** Newest first, as the app lists periods. */
  months: Month[];
  /** [organisation][month], months in the order above. */
  returns: OrgMonth[][];
  today: string;
  /** The year of the annual report: financial or calendar, starting in 2024, 2025 or 2026. */
  reportYear: { kind: "financial" | "calendar"; start: number };
  provisional: boolean;
};

const COMPONENTS = 16;

const dayFrom = (from: number, days: number) =>
  fc
    .integer({ min: 0, max: days })
    .map((n) => new Date(from + n * 86_400_000).toISOString().slice(0, 10));
// 1 January 2025 to mid-July 2026: before, among and after the months' due dates.
const day = dayFrom(Date.UTC(2025, 0, 1), 560);
// Mostly while the 2026 months fall due, so some are final and some still open.
const today = fc.oneof(day, dayFrom(Date.UTC(2026, 1, 1), 120));

// Mostly reviews that still vouch for the answer, so verified levels turn up too.
const review: fc.Arbitrary<Review> = fc.record({
  verdict: fc.constantFrom<Review["verdict"]>("verified", "verified", "queried"),
  stale: fc.constantFrom(false, false, false, true),
  evidence: fc.constantFrom<Review["evidence"]>("not kept", "same", "same", "other"),
});

// Each return fulfils components at a rate of its own, so every level turns up, not only "no level".
const answers: fc.Arbitrary<Answer[]> = fc.constantFrom(30, 70, 90, 100).chain((rate) =>
  fc
    .array(
      fc.record({
        roll: fc.integer({ min: 0, max: 99 }),
        version: fc.integer({ min: 1, max: 3 }),
        evidence: fc.uniqueArray(fc.integer({ min: 0, max: 2 }), { maxLength: 2 }),
        reviews: fc.array(review, { maxLength: 2 }),
      }),
      { minLength: COMPONENTS, maxLength: COMPONENTS },
    )
    .map((list) =>
      list.map(({ roll, ...answer }) => ({
        ...answer,
        status: (roll < rate ? "fulfilled" : roll % 2 ? "in_progress" : "not_started") as Status,
      })),
    ),
);

const action = (targetDate: fc.Arbitrary<string>): fc.Arbitrary<Action> =>
  fc.record({
    componentIndex: fc.integer({ min: 0, max: COMPONENTS - 1 }),
    targetDate: fc.option(targetDate, { nil: null }),
  });

const orgMonth = (targetDate: fc.Arbitrary<string>): fc.Arbitrary<OrgMonth> =>
  fc.record({
    kind: fc.constantFrom<ReturnKind>(
      "none",
      "draft",
      "submitted",
      "submitted",
      "reopened",
      "resubmitted",
    ),
    answers,
    actionsSent: fc.array(action(targetDate), { maxLength: 3 }),
    actionsSentFirst: fc.array(action(targetDate), { maxLength: 2 }),
    actionsLive: fc.array(action(targetDate), { maxLength: 2 }),
  });

const shift = (isoDay: string, days: number) =>
  new Date(Date.parse(`${isoDay}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const around = (isoDay: string) => [shift(isoDay, -1), isoDay, shift(isoDay, 1)];

// Between January 2025 and April 2026, often with the same month a year before
// (the annual report's comparison), across financial and calendar years.
const monthIndexes = fc
  .tuple(
    fc.uniqueArray(fc.constantFrom(13, 14, 15, 16), { minLength: 1, maxLength: 2 }),
    fc.uniqueArray(fc.constantFrom(1, 2, 3, 4, 5, 12), { minLength: 0, maxLength: 2 }),
    fc.constantFrom(true, true, false),
  )
  .map(([recent, older, yearBefore]) => {
    const months = new Set<number>([...recent, ...older]);
    if (yearBefore) for (const month of recent) months.add(month - 12);
    return [...months].slice(0, 4);
  })
  .filter((months) => months.length >= 2);

const monthsArb = monthIndexes.chain((indexes) =>
  fc.tuple(
    ...[...indexes]
      .sort((a, b) => b - a)
      .map((index) =>
        fc.record({
          index: fc.constant(index),
          status: fc.constantFrom("open" as const, "closed" as const),
          dueAfter: fc.integer({ min: 1, max: 20 }),
        }),
      ),
  ),
);

export const historyArb: fc.Arbitrary<History> = fc
  .record({
    places: fc.integer({ min: 1, max: 2 }),
    organisationCount: fc.integer({ min: 2, max: 5 }),
    months: monthsArb,
    today,
    provisional: fc.boolean(),
  })
  .chain((base) =>
    // Mostly a year one of the months falls in; now and then any year, months or none.
    fc
      .record({
        kind: fc.constantFrom("financial" as const, "calendar" as const),
        month: fc.constantFrom(...base.months),
        any: fc.option(fc.constantFrom(2024, 2025, 2026), { freq: 3 }),
      })
      .map(({ kind, month, any }) => {
        const { startsOn } = monthDates(month);
        const calendar = Number(startsOn.slice(0, 4));
        const start = kind === "financial" && startsOn.slice(5, 7) < "04" ? calendar - 1 : calendar;
        return { ...base, reportYear: { kind, start: any ?? start } };
      }),
  )
  .chain((base) =>
    // Often on the day before, of or after a due date: where "final" begins.
    fc
      .oneof(
        fc.constant(base.today),
        // The newest month's due date: final the day after, and only then (when open).
        { arbitrary: fc.constant(monthDates(base.months[0]!).dueOn), weight: 2 },
        fc.constantFrom(...base.months.flatMap((m) => around(monthDates(m).dueOn))),
      )
      .map((today) => ({ ...base, today })),
  )
  .chain((base) => {
    // Target dates often about the month's end or today: where "overdue" begins.
    const targetDate = (month: Month) =>
      fc.oneof(day, {
        arbitrary: fc.constantFrom(...around(base.today), ...around(monthDates(month).endsOn)),
        weight: 3,
      });
    return fc.record({
      places: fc.constant(base.places),
      organisations: fc.array(
        fc.option(fc.integer({ min: 0, max: base.places - 1 }), { nil: null, freq: 4 }),
        { minLength: base.organisationCount, maxLength: base.organisationCount },
      ),
      months: fc.constant(base.months as Month[]),
      returns: fc.array(fc.tuple(...base.months.map((month) => orgMonth(targetDate(month)))), {
        minLength: base.organisationCount,
        maxLength: base.organisationCount,
      }),
      today: fc.constant(base.today),
      reportYear: fc.constant(base.reportYear),
      provisional: fc.constant(base.provisional),
    });
  });

/** A month's first and last days and its due date, as YYYY-MM-DD. */
export function monthDates(month: Month) {
  const year = 2024 + Math.ceil(month.index / 12);
  const m = ((month.index - 1) % 12) + 1;
  const startsOn = `${year}-${String(m).padStart(2, "0")}-01`;
  const end = new Date(Date.UTC(year, m, 0));
  const due = new Date(Date.UTC(year, m, 0) + month.dueAfter * 86_400_000);
  return {
    startsOn,
    endsOn: end.toISOString().slice(0, 10),
    dueOn: due.toISOString().slice(0, 10),
    label: `${end.toLocaleString("en-GB", { month: "long", timeZone: "UTC" })} ${year}`,
  };
}

/** Whether a review still covers its answer: of the answer's version, and its evidence if kept (ADR 039). */
export const stillCovers = (r: Review) => !r.stale && r.evidence !== "other";
