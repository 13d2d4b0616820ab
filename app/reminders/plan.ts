/**
 * Who a reminder goes to, decided from facts alone (no database, no email):
 * the organisations that have not submitted for the period and have someone
 * to remind. Each is reminded once per period; one already reminded is
 * skipped unless the sender has confirmed they want to send again.
 */
export type ReminderCandidate = {
  id: number;
  name: string;
  submitted: boolean;
  champions: number;
  /** When it was last reminded for this period (ISO), or null. */
  lastRemindedAt: string | null;
};

export type ReminderPlan = {
  send: ReminderCandidate[];
  /** Already reminded for this period, held back until the sender confirms. */
  held: ReminderCandidate[];
  /** Not submitted, but nobody holds its champion role: nobody to remind. */
  withoutChampions: ReminderCandidate[];
};

export function planReminders(
  candidates: readonly ReminderCandidate[],
  options: { confirmed: boolean },
): ReminderPlan {
  const outstanding = candidates.filter((c) => !c.submitted);
  const reachable = outstanding.filter((c) => c.champions > 0);
  return {
    send: reachable.filter((c) => options.confirmed || c.lastRemindedAt === null),
    held: options.confirmed ? [] : reachable.filter((c) => c.lastRemindedAt !== null),
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
