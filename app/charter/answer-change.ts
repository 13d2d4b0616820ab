/**
 * Whether a save of a component changes anything. "Save and continue" is how
 * champions page through the month, so most saves carry the answer exactly
 * as it stands: such a save is no change (no new version, no audit entry),
 * and a steering group's review of the answer stays true (ADR 039). Pure, so
 * the sheet, autosave and the Excel import all judge it the same way.
 */

export type StoredAnswer = {
  status: string;
  /** False until a champion gives the component a status (ADR 026). */
  answered: boolean;
  opportunities: string;
  practicesInPlace: readonly number[];
};

export type ProposedAnswer = {
  /** Undefined: no status chosen, the component's status is left as it is. */
  status?: string;
  opportunities: string;
  /** Undefined: the practices in place are left as they are. */
  practicesInPlace?: readonly number[];
};

export type AnswerChange = {
  status: boolean;
  opportunities: boolean;
  practices: boolean;
};

/** Text as a person sees it: a browser sends line breaks as CR LF, a script may send LF. */
const asSeen = (text: string) => text.replace(/\r\n?/g, "\n").trim();

const sameSet = (a: readonly number[], b: readonly number[]) => {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((n) => right.has(n));
};

/** What a save would change; giving a status to a component not yet answered is a change. */
export function answerChange(stored: StoredAnswer, proposed: ProposedAnswer): AnswerChange {
  return {
    status:
      proposed.status !== undefined && (!stored.answered || proposed.status !== stored.status),
    opportunities: asSeen(proposed.opportunities) !== asSeen(stored.opportunities),
    practices:
      proposed.practicesInPlace !== undefined &&
      !sameSet(proposed.practicesInPlace, stored.practicesInPlace),
  };
}

export function changesAnything(change: AnswerChange): boolean {
  return change.status || change.opportunities || change.practices;
}
