/**
 * Who a reminder goes to, decided from facts alone (no database, no email):
 * the organisations that have not submitted for the period and have someone
 * to remind. Each is reminded once per period; one already reminded is
 * skipped unless the sender has confirmed they want to send again, and no
 * organisation is reminded more than a few times in one UK day, confirmed or
 * not, so its champions' inboxes are not flooded (issue 22).
 */
export type ReminderCandidate = {
  id: number;
  name: string;
  submitted: boolean;
  champions: number;
  /** When it was last reminded for this period (ISO), or null. */
  lastRemindedAt: string | null;
  /** How many reminders it has had today (UK day), for any period. */
  remindedToday: number;
};

/** Reminders one organisation may be sent in one UK day: the first and two more. */
export const REMINDERS_PER_DAY = 3;

export type ReminderPlan = {
  send: ReminderCandidate[];
  /** Already reminded for this period, held back until the sender confirms. */
  held: ReminderCandidate[];
  /** Reminded as often today as a day allows: not again until tomorrow. */
  enoughToday: ReminderCandidate[];
  /** Not submitted, but nobody holds its champion role: nobody to remind. */
  withoutChampions: ReminderCandidate[];
};

export function planReminders(
  candidates: readonly ReminderCandidate[],
  options: { confirmed: boolean },
): ReminderPlan {
  const outstanding = candidates.filter((c) => !c.submitted);
  const reachable = outstanding.filter((c) => c.champions > 0);
  const allowed = reachable.filter((c) => c.remindedToday < REMINDERS_PER_DAY);
  return {
    send: allowed.filter((c) => options.confirmed || c.lastRemindedAt === null),
    held: options.confirmed ? [] : allowed.filter((c) => c.lastRemindedAt !== null),
    enoughToday: reachable.filter((c) => c.remindedToday >= REMINDERS_PER_DAY),
    withoutChampions: outstanding.filter((c) => c.champions === 0),
  };
}

/** The latest of the times the held organisations were reminded, for the confirm question. */
export function lastReminded(held: readonly ReminderCandidate[]): string | null {
  return held.reduce<string | null>(
    (latest, c) =>
      c.lastRemindedAt && (!latest || c.lastRemindedAt > latest) ? c.lastRemindedAt : latest,
    null,
  );
}
