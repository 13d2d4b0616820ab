import { provisionalWords } from "~/periods/provisional";

/**
 * "What changed", in words generated from the report's own figures: a short
 * list a board member reads first. Nothing here is counted anew; every
 * sentence restates a figure the report prints elsewhere.
 */

type LevelRow = { bucket: string; label: string; count: number };

export type ChangeFigures = {
  periodNow: string | null;
  periodBefore: string | null;
  provisional: { dueOn: string } | null;
  actionsAsOf: string;
  levelIds: readonly string[];
  summary: {
    organisations: number;
    submittedNow: number;
    submittedBefore: number;
    levelsNow: readonly LevelRow[];
    levelsBefore: readonly LevelRow[];
    movedUp: number;
    movedDown: number;
  };
  domains: ReadonlyArray<{
    number: number;
    title: string;
    fulfilled: number;
    possible: number;
    fulfilledBefore: number;
    possibleBefore: number;
  }>;
  verification: { fulfilledAnswers: number; verifiedAnswers: number };
  actions: { open: number; overdue: number };
};

export type Move = { name: string; movement: "up" | "down"; from: string; to: string };

/** Names are listed while they fit a sentence; beyond that the appendix names each. */
const NAMED = 10;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const percent = (part: number, whole: number) => Math.round((part / whole) * 100);

function moves(list: readonly Move[], direction: "up" | "down", soFar: string): string {
  const these = list.filter((m) => m.movement === direction);
  const verb = direction === "up" ? "moved up a level" : "moved down a level";
  if (!these.length) return `No organisation ${verb}${soFar}.`;
  if (these.length > NAMED) {
    return `${plural(these.length, "organisation")} ${verb}${soFar}; the appendix names each.`;
  }
  const named = these.map((m) => `${m.name} (${m.from} to ${m.to})`).join("; ");
  return `${these.length === 1 ? "One organisation" : plural(these.length, "organisation")} ${verb}${soFar}: ${named}.`;
}

export function whatChanged(
  r: ChangeFigures,
  extra: { levelName: (id: string) => string; moves: readonly Move[] },
): string[] {
  if (!r.periodNow) return [];
  const s = r.summary;
  const soFar = r.provisional ? " so far" : "";
  const holding = (rows: readonly LevelRow[]) =>
    rows.filter((row) => r.levelIds.includes(row.bucket)).reduce((n, row) => n + row.count, 0);
  const first = extra.levelName(r.levelIds[0] ?? "");
  const sentences: string[] = [];
  if (r.provisional) {
    sentences.push(
      `Provisional: ${provisionalWords({ label: r.periodNow, dueOn: r.provisional.dueOn, submitted: s.submittedNow, total: s.organisations })}.`,
    );
  }
  sentences.push(
    `${s.submittedNow} of ${plural(s.organisations, "organisation")} submitted a return for ${r.periodNow}${soFar}` +
      (r.periodBefore ? `, against ${s.submittedBefore} for ${r.periodBefore}.` : "."),
  );
  sentences.push(
    `${holding(s.levelsNow)} ${holding(s.levelsNow) === 1 ? "holds" : "hold"} ${first} or above${soFar}` +
      (r.periodBefore ? `, against ${holding(s.levelsBefore)} a year before.` : "."),
  );
  if (r.periodBefore) {
    sentences.push(moves(extra.moves, "up", soFar), moves(extra.moves, "down", soFar));
    const changed = r.domains
      .filter((d) => d.possible > 0 && d.possibleBefore > 0)
      .map((d) => ({
        d,
        shift: percent(d.fulfilled, d.possible) - percent(d.fulfilledBefore, d.possibleBefore),
      }))
      .sort((a, b) => Math.abs(b.shift) - Math.abs(a.shift) || a.d.number - b.d.number)[0];
    if (changed && changed.shift !== 0) {
      const { d } = changed;
      sentences.push(
        `The largest change was in domain ${d.number}, ${d.title}: ${percent(d.fulfilled, d.possible)}% of its answers are fulfilled, against ${percent(d.fulfilledBefore, d.possibleBefore)}% a year before.`,
      );
    }
  }
  if (r.verification.fulfilledAnswers > 0) {
    sentences.push(
      `${r.verification.verifiedAnswers} of ${plural(r.verification.fulfilledAnswers, "fulfilled answer")} ${r.verification.verifiedAnswers === 1 ? "is" : "are"} verified by the steering group.`,
    );
  }
  sentences.push(
    r.provisional
      ? `${plural(r.actions.open, "action")} open in the plans submitted so far, ${r.actions.overdue} of them past their target date.`
      : `${plural(r.actions.open, "action")} open at the end of ${r.periodNow}, ${r.actions.overdue} of them past their target date then.`,
  );
  return sentences;
}
