/**
 * What changed on a component since the last submission: the comparison the
 * sheet shows so a steering group (and the champion) sees this month's moves
 * at a glance. Pure, so it is the same wherever it is asked.
 */

export type ComparableAnswer = {
  componentId: string;
  status: string;
  opportunities: string;
  evidenceIds: readonly number[];
};

export type ComponentChange = {
  /** The status as submitted, when it differs from the one saved now. */
  statusWas: string | null;
  opportunities: boolean;
  evidence: boolean;
};

const sameSet = (a: readonly number[], b: readonly number[]) => {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((id) => right.has(id));
};

/**
 * The components whose status, opportunities or evidence differ from the
 * submitted ones, keyed by component id. A component the submission did not
 * have (a newer charter) has nothing to compare with and is left out.
 * Opportunities are compared without surrounding white space, and evidence as
 * a set of items, so reordering or re-saving the same text is not a change.
 */
export function changesSince(
  current: readonly ComparableAnswer[],
  submitted: readonly ComparableAnswer[],
): Record<string, ComponentChange> {
  const before = new Map(submitted.map((a) => [a.componentId, a]));
  const changes: Record<string, ComponentChange> = {};
  for (const now of current) {
    const was = before.get(now.componentId);
    if (!was) continue;
    const change: ComponentChange = {
      statusWas: was.status === now.status ? null : was.status,
      opportunities: was.opportunities.trim() !== now.opportunities.trim(),
      evidence: !sameSet(was.evidenceIds, now.evidenceIds),
    };
    if (change.statusWas !== null || change.opportunities || change.evidence) {
      changes[now.componentId] = change;
    }
  }
  return changes;
}
